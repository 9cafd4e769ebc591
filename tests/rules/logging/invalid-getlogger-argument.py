import logging
from logging import getLogger

import structlog

# ruleid: logging/invalid-getlogger-argument
a = logging.getLogger(__file__)
# ruleid: logging/invalid-getlogger-argument
b = getLogger(__cached__)
# ok: logging/invalid-getlogger-argument
c = logging.getLogger(__name__)
# ok: logging/invalid-getlogger-argument
d = logging.getLogger("app.payments")
# ok: logging/invalid-getlogger-argument
e = structlog.get_logger(__file__)
