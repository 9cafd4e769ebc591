import logging

logger = logging.getLogger(__name__)


def load(raw):
    try:
        return int(raw)
    except ValueError:
        # ruleid: logging/redundant-exc-info
        logger.exception("Bad payload", exc_info=True)
    try:
        return int(raw)
    except ValueError:
        # ruleid: logging/redundant-exc-info
        logger.exception("Bad payload", exc_info=False)
    try:
        return int(raw)
    except ValueError:
        # ok: logging/redundant-exc-info
        logger.exception("Bad payload")
    try:
        return int(raw)
    except ValueError as exc:
        # ok: logging/redundant-exc-info
        logger.exception("Bad payload", exc_info=exc)
        # ok: logging/redundant-exc-info
        logger.error("Bad payload", exc_info=True)
    return None
