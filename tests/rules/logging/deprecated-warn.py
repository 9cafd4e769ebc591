import logging
import logging as lg
from logging import WARN

import warnings

logger = logging.getLogger(__name__)


def check(code):
    # ruleid: logging/deprecated-warn
    logger.warn("Unknown coupon code %s", code)
    # ruleid: logging/deprecated-warn
    logging.warn("root logger too")
    # ruleid: logging/deprecated-warn
    logging.basicConfig(level=logging.WARN)
    # ruleid: logging/deprecated-warn
    lg.getLogger(__name__).setLevel(lg.WARN)
    # ruleid: logging/deprecated-warn
    logger.setLevel(WARN)
    # ok: logging/deprecated-warn
    logger.warning("Unknown coupon code %s", code)
    # ok: logging/deprecated-warn
    warnings.warn("a warnings.warn call is not a logger")
    # ok: logging/deprecated-warn
    logger.setLevel(logging.WARNING)
    # ok: logging/deprecated-warn
    code.warn("something that is not a logger")


class Levels:
    WARN = 30


# ok: logging/deprecated-warn
threshold = Levels.WARN
