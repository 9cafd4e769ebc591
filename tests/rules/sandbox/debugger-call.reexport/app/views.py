from app.debug import set_trace, pm
from app import debug


def checkout(order):
    set_trace()  # ruleid: sandbox/debugger-call
    debug.set_trace()  # ruleid: sandbox/debugger-call
    pm()  # ruleid: sandbox/debugger-call
    return order


def not_a_debugger(tracer):
    tracer.set_trace()  # ok: sandbox/debugger-call
