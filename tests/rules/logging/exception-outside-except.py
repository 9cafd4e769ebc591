import logging

logger = logging.getLogger(__name__)


def report_failure(order):
    # ruleid: logging/exception-outside-except
    logger.exception("Order %s failed", order.id)


def warn_slow(order):
    # ruleid: logging/exception-outside-except
    logger.warning("Order %s is slow", order.id, exc_info=True)


def on_error(order):
    # called from an except clause below: the exception is being handled
    # ok: logging/exception-outside-except
    logger.exception("Order %s failed", order.id)


def hook(order):
    # nothing in the repository calls it: a framework may call it from a handler
    # ok: logging/exception-outside-except
    logger.exception("Order %s failed", order.id)


def process(order):
    try:
        order.save()
    except Exception:
        on_error(order)
        # ok: logging/exception-outside-except
        logger.warning("Saving failed", exc_info=True)
    # ok: logging/exception-outside-except
    logger.warning("Saved", exc_info=False)


# ruleid: logging/exception-outside-except
logging.exception("module level: nothing is being handled")

report_failure(None)
warn_slow(None)
process(None)
