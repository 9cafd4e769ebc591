# onramp-path: tests/test_users.py
import pytest  # ok: typing/coverage-below-threshold
# onramp-config: typing.min-coverage = 90

# Test code is left out of the threshold: nothing in the source code to measure.


def test_create_user(client, db):
    assert client
