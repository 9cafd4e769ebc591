# onramp-path: app/logs.py
import logging
from pprint import pprint


class DatabaseHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        try:
            save(record)
        except OSError as e:
            # Logging from inside a handler recurses; printing is the handler's last resort.
            # ok: logging/print-call
            print(e)

    def flush(self) -> None:
        # ruleid: logging/print-call
        print("flushed")


def save(record: logging.LogRecord) -> None:
    with open("/tmp/log", "a") as fh:
        # pprint into a file is output, like print(file=fh).
        # ok: logging/print-call
        pprint(record.__dict__, stream=fh)
