import logging
from logging import info as log_info

logger = logging.getLogger(__name__)


def cancel(orders):
    # ruleid: logging/root-logger-call
    logging.info("Cancelled %d abandoned orders", len(orders))
    # ruleid: logging/root-logger-call
    log_info("imported from logging")
    # ruleid: logging/root-logger-call
    logging.log(logging.INFO, "through log()")
    # ok: logging/root-logger-call
    logger.info("Cancelled %d abandoned orders", len(orders))
    # ok: logging/root-logger-call
    logging.getLogger(__name__).info("a named logger")
    # ok: logging/root-logger-call
    logging.basicConfig(level=logging.INFO)
