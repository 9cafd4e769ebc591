from celery import Celery
from celery.schedules import crontab

from app.core.config import settings
from app.core.logging import setup_logging

celery_app = Celery(
    "shopfront",
    broker=settings.CELERY_BROKER_URL,
    backend=str(settings.REDIS_URL),
    include=["app.worker.tasks"],
)

celery_app.conf.update(
    task_serializer="json",
    result_serializer="json",
    accept_content=["json"],
    timezone="UTC",
    enable_utc=True,
    task_acks_late=True,
    worker_prefetch_multiplier=1,
    result_expires=3600,
)

celery_app.conf.beat_schedule = {
    "cancel-abandoned-orders": {
        "task": "app.worker.tasks.cancel_abandoned_orders",
        "schedule": crontab(minute="*/15"),
        "kwargs": {"older_than_hours": 24},
    },
    "daily-sales-report": {
        "task": "app.worker.tasks.send_daily_sales_report",
        "schedule": crontab(hour=6, minute=30),
    },
}


def main() -> None:
    setup_logging()
    celery_app.worker_main(["worker", "--beat", "--loglevel=info"])
