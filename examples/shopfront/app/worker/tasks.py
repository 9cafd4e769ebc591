import asyncio
import logging
import time
from datetime import UTC, datetime, timedelta

import requests
from celery import Task, shared_task
from sqlalchemy import func, select, update

from app.core.config import settings
from app.core.db import SessionLocal
from app.models.order import Order, OrderStatus
from app.services.orders import sleep_backoff
from app.worker.celery_app import celery_app

logger = logging.getLogger(__name__)

MAIL_API_URL = "https://mail.internal.example.com/v1/send"


async def _load_order_summary(order_id: int) -> dict[str, str | int] | None:
    async with SessionLocal() as session:
        order = await session.get(Order, order_id)
        if order is None:
            return None
        return {"id": order.id, "user_id": order.user_id, "total_cents": order.total_cents}


@celery_app.task(bind=True, max_retries=5, acks_late=True)
def send_order_confirmation(self: Task, order_id: int) -> None:
    summary = asyncio.run(_load_order_summary(order_id))
    if summary is None:
        logger.warning("Order %s vanished before confirmation was sent", order_id)
        return
    try:
        response = requests.post(
            MAIL_API_URL,
            json={"template": "order_confirmation", "data": summary},
            timeout=10,
        )
        response.raise_for_status()
    except requests.RequestException as exc:
        logger.exception("Confirmation e-mail for order %s failed", order_id)
        countdown = sleep_backoff(self.request.retries, base=30.0, cap=600.0)
        raise self.retry(exc=exc, countdown=countdown) from exc


async def _cancel_abandoned(cutoff: datetime) -> int:
    async with SessionLocal() as session:
        result = await session.execute(
            update(Order)
            .where(Order.status == OrderStatus.PENDING, Order.created_at < cutoff)
            .values(status=OrderStatus.CANCELLED)
        )
        await session.commit()
        return result.rowcount


@shared_task
def cancel_abandoned_orders(older_than_hours: int = 24) -> int:
    cutoff = datetime.now(UTC) - timedelta(hours=older_than_hours)
    cancelled = asyncio.run(_cancel_abandoned(cutoff))
    logger.info("Cancelled %d abandoned orders", cancelled)
    return cancelled


async def _sales_since(since: datetime) -> tuple[int, int]:
    async with SessionLocal() as session:
        result = await session.execute(
            select(func.count(Order.id), func.coalesce(func.sum(Order.subtotal_cents), 0)).where(
                Order.status == OrderStatus.PAID, Order.created_at >= since
            )
        )
        count, total = result.one()
        return int(count), int(total)


@shared_task
def send_daily_sales_report() -> None:
    count, total = asyncio.run(_sales_since(datetime.now(UTC) - timedelta(days=1)))
    for recipient in ("sales@shopfront.example", "finance@shopfront.example"):
        requests.post(
            MAIL_API_URL,
            json={
                "template": "daily_sales",
                "to": recipient,
                "data": {"orders": count, "revenue_cents": total, "env": settings.ENVIRONMENT},
            },
            timeout=10,
        )
        time.sleep(1)  # mail API allows one request per second
