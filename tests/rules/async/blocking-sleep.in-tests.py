# onramp-path: tests/test_orders.py
import time


async def test_cancel_order() -> None:
    time.sleep(0.1)  # ok: async/blocking-sleep
