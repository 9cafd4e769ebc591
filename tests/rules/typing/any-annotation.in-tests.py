# onramp-path: tests/test_payload.py
from typing import Any


def make_payload(**fields: Any) -> Any:  # ok: typing/any-annotation
    return fields
