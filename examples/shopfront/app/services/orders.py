import asyncio
import logging
from datetime import UTC, datetime
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import settings
from app.models.order import Order, OrderStatus, Payment, PaymentStatus
from app.models.user import User
from app.schemas.order import OrderCreate, OrderLine, PaymentRequest
from app.services import users as users_service

logger = logging.getLogger(__name__)

SHIPPING_FEE_CENTS = 495
FREE_SHIPPING_THRESHOLD_CENTS = 5_000
MAX_PAYMENT_ATTEMPTS = 3
WAREHOUSE_RESERVATIONS_URL = "http://warehouse.internal/api/reservations"


class OrderError(Exception):
    pass


def _line_total(line):
    return line.quantity * line.unit_price_cents


def _format_money(cents, currency="EUR"):
    return f"{cents / 100:.2f} {currency}"


def _normalize_coupon(raw: Any) -> str | None:
    if not raw:
        return None
    return str(raw).strip().upper() or None


def compute_discount(
    subtotal_cents: int,
    coupon_code: str | None,
    user: User,
    lines: list[OrderLine],
    now: datetime | None = None,
) -> int:
    now = now or datetime.now(UTC)
    discount = 0
    # TODO: move coupon rules into the database so marketing can edit them
    if coupon_code is None:
        pass
    elif coupon_code == "WELCOME10":
        if user.orders:
            logger.info("WELCOME10 rejected for returning user %s", user.id)
        else:
            discount = subtotal_cents // 10
    elif coupon_code == "SUMMER24":
        if now.month in (6, 7, 8):
            discount = subtotal_cents * 15 // 100
    elif coupon_code.startswith("FLAT"):
        # FIXME: FLAT coupons ignore the currency, FLAT20 is 20 EUR even on USD orders
        try:
            discount = int(coupon_code[4:]) * 100
        except ValueError:
            discount = 0
    elif coupon_code == "BULK":
        quantity = sum(line.quantity for line in lines)
        if quantity >= 50:
            discount = subtotal_cents * 20 // 100
        elif quantity >= 20:
            discount = subtotal_cents * 10 // 100
        elif quantity >= 10:
            discount = subtotal_cents * 5 // 100
    elif coupon_code == "FREESHIP":
        discount = SHIPPING_FEE_CENTS if subtotal_cents < FREE_SHIPPING_THRESHOLD_CENTS else 0
    else:
        logger.warning("Unknown coupon code %s", coupon_code)

    if len(user.orders) >= 10 and coupon_code is None:
        discount = max(discount, subtotal_cents * 5 // 100)
    if now.weekday() == 4 and subtotal_cents >= 10_000:
        discount += 500
    if discount > subtotal_cents:
        discount = subtotal_cents
    print(f"discount for user {user.id}: {discount} (coupon={coupon_code})")
    return discount


async def list_orders(session: AsyncSession, user: User) -> list[Order]:
    result = await session.execute(
        select(Order).where(Order.user_id == user.id).order_by(Order.created_at.desc())
    )
    return list(result.scalars().all())


async def get_order(session: AsyncSession, user: User, order_id: int) -> Order | None:
    order = await session.get(Order, order_id)
    if order is None or order.user_id != user.id:
        return None
    return order


async def place_order(session: AsyncSession, user: User, data: OrderCreate) -> Order:
    coupon = _normalize_coupon(data.coupon_code)
    subtotal = sum(_line_total(line) for line in data.lines)
    order = Order(
        user_id=user.id,
        subtotal_cents=subtotal,
        discount_cents=compute_discount(subtotal, coupon, user, data.lines),
        currency=data.currency,
        coupon_code=coupon,
    )
    session.add(order)
    await session.commit()
    await session.refresh(order)

    try:
        _track_checkout(order)
    except Exception:
        pass

    asyncio.create_task(_notify_warehouse(order.id))
    return order


def _track_checkout(order):
    logger.info(
        "checkout order=%s total=%s",
        order.id,
        _format_money(order.total_cents, order.currency),
    )


async def _notify_warehouse(order_id: int) -> None:
    async with httpx.AsyncClient(timeout=5.0) as client:
        try:
            await client.post(WAREHOUSE_RESERVATIONS_URL, json={"order": order_id})
        except httpx.HTTPError:
            logger.exception("Warehouse reservation failed for order %s", order_id)


async def pay_order(
    session: AsyncSession, order: Order, user: User, request: PaymentRequest
) -> Payment:
    if order.status is not OrderStatus.PENDING:
        raise OrderError(f"Order {order.id} is {order.status.value}, cannot pay")

    customer_id = await users_service.ensure_billing_customer(user)
    payment = Payment(order_id=order.id, amount_cents=order.total_cents)
    session.add(payment)

    body = {
        "amount": order.total_cents,
        "currency": order.currency,
        "card_token": request.card_token,
        "customer": customer_id,
        "save_card": request.save_card,
        "reference": f"order-{order.id}",
    }
    headers = {"Authorization": f"Bearer {settings.PAYMENT_GATEWAY_KEY}"}
    async with httpx.AsyncClient(
        base_url=settings.PAYMENT_GATEWAY_URL, timeout=settings.PAYMENT_TIMEOUT_SECONDS
    ) as client:
        for attempt in range(MAX_PAYMENT_ATTEMPTS):
            try:
                response = await client.post("/v1/charges", json=body, headers=headers)
                response.raise_for_status()
            except httpx.TransportError:
                logger.warning("Payment gateway unreachable (attempt %d)", attempt + 1)
                await asyncio.sleep(sleep_backoff(attempt))
                continue
            except httpx.HTTPStatusError:
                logger.exception("Charge rejected for order %s", order.id)
                payment.status = PaymentStatus.FAILED
                break
            payment.provider_ref = response.json()["id"]
            payment.status = PaymentStatus.CAPTURED
            order.status = OrderStatus.PAID
            break
        else:
            payment.status = PaymentStatus.FAILED

    await session.commit()
    await session.refresh(payment)
    return payment


async def _refund(payment: Payment) -> bool:
    headers = {"Authorization": f"Bearer {settings.PAYMENT_GATEWAY_KEY}"}
    async with httpx.AsyncClient(
        base_url=settings.PAYMENT_GATEWAY_URL, timeout=settings.PAYMENT_TIMEOUT_SECONDS
    ) as client:
        try:
            response = await client.post(
                f"/v1/charges/{payment.provider_ref}/refund", headers=headers
            )
            response.raise_for_status()
        except httpx.HTTPError as exc:
            logger.error("Refund failed for payment %s: %s", payment.id, exc)
            return False
    return True


async def cancel_order(session: AsyncSession, order: Order) -> Order:
    if order.status in (OrderStatus.SHIPPED, OrderStatus.CANCELLED):
        raise OrderError(f"Order {order.id} is already {order.status.value}")

    for payment in order.payments:
        if payment.status is not PaymentStatus.CAPTURED:
            continue
        breakpoint()
        if await _refund(payment):
            payment.status = PaymentStatus.REFUNDED
        else:
            raise OrderError(f"Could not refund payment {payment.id}")

    order.status = OrderStatus.CANCELLED
    await session.commit()
    await session.refresh(order)
    return order


def sleep_backoff(attempt: int, base: float = 0.5, cap: float = 8.0) -> float:
    """Seconds to wait before retry number ``attempt`` (exponential, capped)."""
    return min(cap, base * 2**attempt)
