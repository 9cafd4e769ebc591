import logging

import httpx
from loguru import logger as loguru_logger

logger = logging.getLogger(__name__)


async def refund(client, payment):
    try:
        response = await client.post("/refund")
        response.raise_for_status()
    except httpx.HTTPError as exc:
        # ruleid: logging/error-instead-of-exception
        logger.error("Refund failed for payment %s: %s", payment.id, exc)
        return False
    return True


def parse(raw):
    try:
        return int(raw)
    except ValueError as exc:
        # ruleid: logging/error-instead-of-exception
        logging.error("Not a number: %s", str(exc))
    try:
        return int(raw)
    except Exception:
        # ruleid: logging/error-instead-of-exception
        logger.error("Parsing failed")
    try:
        return float(raw)
    except Exception:
        if raw:
            # ruleid: logging/error-instead-of-exception
            loguru_logger.error("Still not a number")
    return None


def fine(raw, options):
    try:
        return int(raw)
    except ValueError:
        # ok: logging/error-instead-of-exception
        logger.error("Not a number: %r", raw, exc_info=True)
    try:
        return int(raw)
    except ValueError:
        # ok: logging/error-instead-of-exception
        logger.exception("Not a number: %r", raw)
    try:
        return int(raw)
    except ValueError:
        # ok: logging/error-instead-of-exception
        logger.error("Not a number: %r; giving up", raw)
        raise
    try:
        return int(raw)
    except ValueError:
        # ok: logging/error-instead-of-exception
        logger.error("Not a number: %r", raw, **options)
    try:
        return int(raw)
    except ValueError:

        def later():
            # ok: logging/error-instead-of-exception
            logger.error("runs after the handler is gone")

        return later
    try:
        return int(raw)
    except ValueError:
        # an expected exception with a self-contained message: the traceback would add nothing
        # ok: logging/error-instead-of-exception
        logger.error("Not a number: %r", raw)
    try:
        return int(raw)
    except ValueError as exc:
        # ok: logging/error-instead-of-exception
        logger.error("Not a number: %r", raw)
        del exc
    try:
        return int(raw)
    except Exception as exc:
        # the next call logs the traceback
        # ok: logging/error-instead-of-exception
        logger.error("Parsing %r failed", raw)
        logger.exception(exc)
    # ok: logging/error-instead-of-exception
    logger.error("not in a handler")
    return None
