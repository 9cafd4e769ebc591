import logging  # ok: typing/coverage-below-threshold
# onramp-config: typing.min-coverage = 75

# 3 of 4 parameters and 2 of 2 returns annotated: 5 of 6, 83.3%.
logger = logging.getLogger(__name__)


class Users:
    def create(self, session: object, email: str, name) -> object:
        return session


def notify(user: str) -> None:
    logger.info("created %s", user)
