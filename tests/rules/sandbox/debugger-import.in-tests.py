# onramp-path: tests/test_orders.py
# Tests may import debuggers: stepping through a failing test is what they are for.
import pdb  # ok: sandbox/debugger-import
from ipdb import set_trace  # ok: sandbox/debugger-import


def test_something():
    assert True
