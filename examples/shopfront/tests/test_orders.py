import pdb
from datetime import datetime

import pytest
from httpx import AsyncClient

from app.models.order import Order
from app.models.user import User
from app.schemas.order import OrderLine
from app.services import orders as orders_service
from app.worker import tasks

MONDAY_IN_MAY = datetime(2024, 5, 13, 12, 0)


def _user(order_count: int = 0) -> User:
    user = User(id=1, email="carol@example.com", hashed_password="x")
    user.orders = []
    for _ in range(order_count):
        user.orders.append(Order(subtotal_cents=1_000))
    return user


@pytest.mark.parametrize(
    ("coupon", "expected"),
    [
        (None, 0),
        ("WELCOME10", 1_000),
        ("SUMMER24", 0),
        ("FLAT5", 500),
        ("FLATX", 0),
        ("FREESHIP", 0),
        ("NOPE", 0),
    ],
)
def test_compute_discount(coupon: str | None, expected: int) -> None:
    lines = [OrderLine(sku="MUG-01", quantity=2, unit_price_cents=5_000)]
    discount = orders_service.compute_discount(10_000, coupon, _user(), lines, MONDAY_IN_MAY)
    assert discount == expected


def test_bulk_discount_tiers() -> None:
    lines = [OrderLine(sku="PEN-10", quantity=25, unit_price_cents=100)]
    assert orders_service.compute_discount(2_500, "BULK", _user(), lines, MONDAY_IN_MAY) == 250


def test_welcome_coupon_only_for_first_order() -> None:
    lines = [OrderLine(sku="MUG-01", quantity=1, unit_price_cents=5_000)]
    assert orders_service.compute_discount(5_000, "WELCOME10", _user(1), lines, MONDAY_IN_MAY) == 0


def test_sleep_backoff_is_capped() -> None:
    assert orders_service.sleep_backoff(0) == 0.5
    assert orders_service.sleep_backoff(10) == 8.0


async def test_create_order(
    client: AsyncClient, auth_headers: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[int] = []

    async def fake_notify(order_id: int) -> None:
        return None

    monkeypatch.setattr(orders_service, "_notify_warehouse", fake_notify)
    monkeypatch.setattr(tasks.send_order_confirmation, "delay", sent.append)

    response = await client.post(
        "/api/v1/orders",
        headers=auth_headers,
        json={
            "lines": [{"sku": "MUG-01", "quantity": 3, "unit_price_cents": 1_250}],
            "coupon_code": " flat5 ",
        },
    )
    assert response.status_code == 201
    body = response.json()
    assert body["subtotal_cents"] == 3_750
    assert body["total_cents"] == 3_250
    assert sent == [body["id"]]


async def test_get_foreign_order_returns_404(
    client: AsyncClient, auth_headers: dict[str, str]
) -> None:
    response = await client.get("/api/v1/orders/999", headers=auth_headers)
    assert response.status_code == 404
