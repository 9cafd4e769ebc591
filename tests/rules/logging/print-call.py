import sys
from pprint import pprint
import pprint as pp_module
from sys import stderr


def compute_discount(user, discount, out, buffer):
    # ruleid: logging/print-call
    print(f"discount for user {user.id}: {discount}")
    # ruleid: logging/print-call
    pprint(user)
    # ruleid: logging/print-call
    pp_module.pprint(discount)
    # ruleid: logging/print-call
    print("to stderr", file=sys.stderr)
    # ruleid: logging/print-call
    print("to stderr", file=stderr)
    # ruleid: logging/print-call
    print("explicitly nowhere", file=None)
    # ok: logging/print-call
    print("into a file", file=out)
    # ok: logging/print-call
    print("into a buffer", file=buffer.stream)
    return discount


def shadowed():
    def print(*args):
        return args

    # ok: logging/print-call
    print("a local function called print")
