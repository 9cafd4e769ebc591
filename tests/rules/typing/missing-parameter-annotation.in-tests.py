# onramp-path: tests/test_orders.py
import pytest


@pytest.fixture
def order(db):  # ok: typing/missing-parameter-annotation
    return db.order()


def test_total(order, client):  # ok: typing/missing-parameter-annotation
    assert order.total == client.get("/total")
