# onramp-path: app/jobs/backfill.py
import logging


def main():
    logging.basicConfig(level=logging.INFO)
    # a script with a __main__ block may log through the root logger
    # ok: logging/root-logger-call
    logging.info("Backfill started")


if __name__ == "__main__":
    main()
