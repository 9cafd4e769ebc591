# onramp-path: app/scripts/reindex.py
import logging

logger = logging.getLogger(__name__)


def main(products):
    for product in products:
        # progress output of a script
        # ok: logging/log-in-loop
        logger.info("Reindexed %s", product.id)
