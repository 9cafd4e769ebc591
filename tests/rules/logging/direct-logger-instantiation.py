import logging
from logging import Logger, getLogger

# ruleid: logging/direct-logger-instantiation
payments = logging.Logger("payments")
# ruleid: logging/direct-logger-instantiation
orders = Logger("orders")
# ok: logging/direct-logger-instantiation
users = getLogger(__name__)


class AuditLogger(logging.Logger):
    pass


# ok: logging/direct-logger-instantiation
audit = AuditLogger("audit")


def Logger2(name):
    return name


# ok: logging/direct-logger-instantiation
other = Logger2("x")
