import logging

import structlog

logger = logging.getLogger(__name__)
slog = structlog.get_logger()


def signed_up(user):
    # ruleid: logging/extra-attr-clash
    logger.info("User signed up", extra={"name": user.full_name})
    # ruleid: logging/extra-attr-clash
    logger.warning("Retrying", extra=dict(message="again", attempt=2))
    # ruleid: logging/extra-attr-clash
    logging.error("Bad", extra={"user_id": user.id, "lineno": 3})
    # ok: logging/extra-attr-clash
    logger.info("User signed up", extra={"user_name": user.full_name})
    # ok: logging/extra-attr-clash
    logger.info("User signed up", extra=user.context)
    # ok: logging/extra-attr-clash
    slog.info("signed_up", extra={"name": user.full_name})
    # ok: logging/extra-attr-clash
    user.notify("hi", extra={"name": 1})
