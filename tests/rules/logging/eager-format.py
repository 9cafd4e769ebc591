import logging
import logging as lg
from logging import getLogger, info

import structlog
from loguru import logger as loguru_logger

logger = logging.getLogger(__name__)
other = getLogger("payments")
log = structlog.get_logger().bind(service="orders")


def place(order, user, total):
    # ruleid: logging/eager-format
    logger.info(f"Placed order {order.id}")
    # ruleid: logging/eager-format
    logger.warning("Order %s over limit" % order.id)
    # ruleid: logging/eager-format
    logger.error("Order failed: " + str(order.id))
    # ruleid: logging/eager-format
    other.debug("Order {} for {}".format(order.id, user.id))
    # ruleid: logging/eager-format
    lg.getLogger(__name__).critical(f"Total {total}")
    # ruleid: logging/eager-format
    info(f"root logger, imported function {order.id}")
    # ruleid: logging/eager-format
    logger.log(logging.INFO, f"level given first {order.id}")
    # ruleid: logging/eager-format
    logger.info(msg=f"by keyword {order.id}")
    # ruleid: logging/eager-format
    logger.info("implicit " f"concatenation {order.id}")
    # ruleid: logging/eager-format
    log.info(f"structlog event {order.id}")
    # ruleid: logging/eager-format
    loguru_logger.info(f"loguru message {order.id}")


def fine(order, user, template, parts):
    # ok: logging/eager-format
    logger.info("Placed order %s", order.id)
    # ok: logging/eager-format
    logger.info("Placed order {}")
    # ok: logging/eager-format
    log.info("order_placed", order_id=order.id)
    # ok: logging/eager-format
    loguru_logger.info("Placed order {}", order.id)
    # ok: logging/eager-format
    logger.info(template.format(order.id))
    # ok: logging/eager-format
    logger.log(logging.INFO, "Level %s", order.id)
    # ok: logging/eager-format
    logger.info("Order %s", f"{order.id}-{user.id}")
    # ok: logging/eager-format
    print(f"not a logger {order.id}")
    # ok: logging/eager-format
    parts.info(f"an object that merely has an info method {order.id}")
    # ok: logging/eager-format
    user.error("x" + "y")
