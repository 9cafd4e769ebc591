import os
import pdb  # ruleid: sandbox/debugger-import
import ipdb as dbg  # ruleid: sandbox/debugger-import
from pudb import set_trace  # ruleid: sandbox/debugger-import
from celery.contrib import rdb  # ruleid: sandbox/debugger-import
import celery.contrib.rdb  # ruleid: sandbox/debugger-import
from celery.contrib import abortable  # ok: sandbox/debugger-import
import pdbfix  # ok: sandbox/debugger-import
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import debugpy  # ok: sandbox/debugger-import


def attach():
    # A lazy import of a remote debugger belongs to a set-up function; an unconditional
    # listen() in it is reported by sandbox/debugger-call instead.
    import debugpy  # ok: sandbox/debugger-import

    debugpy.listen(5678)


try:
    import ipdb  # ruleid: sandbox/debugger-import
except ImportError:
    ipdb = None


def start_remote_debugging(enabled: bool) -> None:
    # A set-up that attaches only when configured: listed in the step's facts, not a leftover.
    if enabled:
        import pydevd_pycharm  # ok: sandbox/debugger-import

        pydevd_pycharm.settrace("localhost", port=12345)
