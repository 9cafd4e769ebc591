import itertools
import logging

logger = logging.getLogger(__name__)


async def cancel_abandoned(orders, consumer):
    for order in orders:
        order.cancel()
        # ruleid: logging/log-in-loop
        logger.info("Cancelled order %s", order.id)
    for user in orders.users():
        with user.lock():
            # ruleid: logging/log-in-loop
            logger.warning("Locked user %s", user.id)
    async for message in consumer:
        # ruleid: logging/log-in-loop
        logger.error("Received %s", message)


def fine(orders, client):
    for order in orders:
        # ok: logging/log-in-loop
        logger.debug("Cancelling order %s", order.id)
        if order.total > 1000:
            # ok: logging/log-in-loop
            logger.info("Big order %s", order.id)
        try:
            order.cancel()
        except ValueError:
            # ok: logging/log-in-loop
            logger.warning("Could not cancel %s", order.id)
    else:
        # ok: logging/log-in-loop
        logger.info("Cancelled all orders")
    for attempt in range(3):
        # ok: logging/log-in-loop
        logger.info("Attempt %d", attempt)
    for attempt in itertools.count():
        # ok: logging/log-in-loop
        logger.info("Attempt %d", attempt)
        break
    while client.pending():
        # ok: logging/log-in-loop
        logger.info("Polling")
    # ok: logging/log-in-loop
    logger.info("Cancelled %d orders", len(orders))
    for payment in orders.payments:
        # a record per item next to per-item work done by the repository's code is an audit trail
        # ok: logging/log-in-loop
        logger.info("Refunding payment %s", payment.id)
        refund(payment)
    try:
        client.flush()
    except ValueError as exc:
        for error in exc.args:
            # one failure, reported item by item
            # ok: logging/log-in-loop
            logger.error("Flush error: %s", error)
    for order in orders:

        def report():
            # ok: logging/log-in-loop
            logger.info("later, once")

        order.on_done(report)


def refund(payment):
    return payment
