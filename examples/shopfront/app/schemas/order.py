from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, computed_field

from app.models.order import OrderStatus, PaymentStatus


class OrderLine(BaseModel):
    sku: str = Field(min_length=1, max_length=64)
    quantity: int = Field(gt=0, le=100)
    unit_price_cents: int = Field(ge=0)


class OrderCreate(BaseModel):
    lines: list[OrderLine] = Field(min_length=1)
    currency: str = Field(default="EUR", pattern=r"^[A-Z]{3}$")
    coupon_code: str | None = None


class PaymentRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    amount_cents: int
    status: PaymentStatus
    provider_ref: str | None
    created_at: datetime


class OrderRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    user_id: int
    status: OrderStatus
    subtotal_cents: int
    discount_cents: int
    currency: str
    coupon_code: str | None
    created_at: datetime
    payments: list[PaymentRead] = []

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total_cents(self) -> int:
        return max(self.subtotal_cents - self.discount_cents, 0)


class PaymentRequest(BaseModel):
    card_token: str = Field(min_length=8)
    save_card: bool = False
