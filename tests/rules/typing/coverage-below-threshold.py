import logging  # ruleid: typing/coverage-below-threshold
# onramp-config: typing.min-coverage = 80

# 1 of 4 parameters and 1 of 2 returns annotated: 2 of 6, 33.3%.
logger = logging.getLogger(__name__)


def create_user(session, email: str, name):
    return session


def notify(user) -> None:
    logger.info("created %s", user)
