import pdb
import ipdb as dbg
import sys
import celery.contrib.rdb
from pudb import set_trace as st
from celery.contrib import rdb
from IPython import embed
import debugpy
from app.settings import settings


def direct():
    breakpoint()  # ruleid: sandbox/debugger-call col=5
    pdb.set_trace()  # ruleid: sandbox/debugger-call col=5
    dbg.set_trace()  # ruleid: sandbox/debugger-call col=5
    st()  # ruleid: sandbox/debugger-call col=5
    rdb.set_trace()  # ruleid: sandbox/debugger-call col=5
    celery.contrib.rdb.set_trace()  # ruleid: sandbox/debugger-call col=5
    sys.breakpointhook()  # ruleid: sandbox/debugger-call col=5
    embed()  # ruleid: sandbox/debugger-call col=5
    # ruleid: sandbox/debugger-call
    pdb.Pdb().set_trace()


def on_error(exc):
    pdb.post_mortem(exc.__traceback__)  # ruleid: sandbox/debugger-call col=5


def nested_in_lambda():
    handler = lambda: breakpoint()  # ruleid: sandbox/debugger-call col=23
    return handler


# A remote debugger that always listens is a leftover too.
debugpy.listen(5678)  # ruleid: sandbox/debugger-call col=1
debugpy.wait_for_client()  # ruleid: sandbox/debugger-call col=1

if settings.DEBUGGER:
    # Behind a setting it is a debug set-up, listed in the step's facts instead.
    debugpy.listen(("0.0.0.0", 5678))  # ok: sandbox/debugger-call


class Tracer:
    def set_trace(self):
        return None


def not_debuggers(tracer: Tracer, logger):
    tracer.set_trace()  # ok: sandbox/debugger-call
    logger.breakpoint()  # ok: sandbox/debugger-call
    set_trace = lambda: None
    set_trace()  # ok: sandbox/debugger-call


def shadowed():
    def breakpoint():
        return "a local function with the builtin's name"

    breakpoint()  # ok: sandbox/debugger-call


def parameter_shadows(pdb):
    pdb.set_trace()  # ok: sandbox/debugger-call
