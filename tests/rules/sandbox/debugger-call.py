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
    breakpoint()  # ruleid: sandbox/debugger-call
    pdb.set_trace()  # ruleid: sandbox/debugger-call
    dbg.set_trace()  # ruleid: sandbox/debugger-call
    st()  # ruleid: sandbox/debugger-call
    rdb.set_trace()  # ruleid: sandbox/debugger-call
    celery.contrib.rdb.set_trace()  # ruleid: sandbox/debugger-call
    sys.breakpointhook()  # ruleid: sandbox/debugger-call
    embed()  # ruleid: sandbox/debugger-call
    # ruleid: sandbox/debugger-call
    pdb.Pdb().set_trace()


def on_error(exc):
    pdb.post_mortem(exc.__traceback__)  # ruleid: sandbox/debugger-call


def nested_in_lambda():
    handler = lambda: breakpoint()  # ruleid: sandbox/debugger-call
    return handler


# A remote debugger that always listens is a leftover too.
debugpy.listen(5678)  # ruleid: sandbox/debugger-call
debugpy.wait_for_client()  # ruleid: sandbox/debugger-call

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
