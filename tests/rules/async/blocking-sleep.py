# onramp-path: app/sleepy.py
import asyncio
import functools
import time
import time as t
from time import sleep as pause

import anyio
import anyio.to_thread
from asgiref.sync import sync_to_async
from starlette.concurrency import run_in_threadpool


async def direct() -> None:
    time.sleep(1)  # ruleid: async/blocking-sleep col=5
    t.sleep(0.5)  # ruleid: async/blocking-sleep col=5
    pause(2)  # ruleid: async/blocking-sleep col=5
    # ruleid: async/blocking-sleep
    time.sleep(
        3
    )
    [time.sleep(0) for _ in range(3)]  # ruleid: async/blocking-sleep col=6
    if True:
        time.sleep(1)  # ruleid: async/blocking-sleep col=9
    await asyncio.sleep(1)  # ok: async/blocking-sleep
    await anyio.sleep(1)  # ok: async/blocking-sleep


class Poller:
    async def poll(self) -> None:
        time.sleep(1)  # ruleid: async/blocking-sleep col=9

    def wait_a_bit(self) -> None:
        time.sleep(1)  # ok: async/blocking-sleep

    async def poll_through_method(self) -> None:
        self.wait_a_bit()  # ruleid: async/blocking-sleep col=9


async def agen():
    yield 1
    time.sleep(1)  # ruleid: async/blocking-sleep col=5


def sync_code() -> None:
    # Only async code is checked: a plain def blocks nobody's event loop.
    time.sleep(1)  # ok: async/blocking-sleep
    pause(1)  # ok: async/blocking-sleep


time.sleep(0)  # ok: async/blocking-sleep


async def default_runs_at_def_time(x=time.sleep(0)) -> None:  # ok: async/blocking-sleep
    await asyncio.sleep(0)


async def shadowed_by_nested_def() -> None:
    def pause(seconds: float) -> None:
        return None

    pause(1)  # ok: async/blocking-sleep


async def shadowed_by_parameter(time, pause) -> None:
    time.sleep(1)  # ok: async/blocking-sleep
    pause(1)  # ok: async/blocking-sleep


async def nested_code_not_called() -> None:
    def later() -> None:
        time.sleep(1)  # ok: async/blocking-sleep

    callback = lambda: time.sleep(1)  # ok: async/blocking-sleep
    asyncio.get_running_loop().call_later(1, later)
    await asyncio.sleep(0)


async def nested_def_called() -> None:
    def settle() -> None:
        time.sleep(1)  # ok: async/blocking-sleep

    settle()  # ruleid: async/blocking-sleep


def slow_helper() -> None:
    time.sleep(2)  # ok: async/blocking-sleep


async def handed_to_threads() -> None:
    loop = asyncio.get_running_loop()
    await asyncio.to_thread(time.sleep, 1)  # ok: async/blocking-sleep
    await asyncio.to_thread(slow_helper)  # ok: async/blocking-sleep
    await loop.run_in_executor(None, time.sleep, 1)  # ok: async/blocking-sleep
    await loop.run_in_executor(None, lambda: time.sleep(1))  # ok: async/blocking-sleep
    await loop.run_in_executor(None, functools.partial(time.sleep, 1))  # ok: async/blocking-sleep
    await anyio.to_thread.run_sync(time.sleep, 1)  # ok: async/blocking-sleep
    await anyio.to_thread.run_sync(slow_helper)  # ok: async/blocking-sleep
    await sync_to_async(slow_helper)()  # ok: async/blocking-sleep
    await run_in_threadpool(slow_helper)  # ok: async/blocking-sleep
    # The helper runs on the loop here, before to_thread even sees its result.
    await asyncio.to_thread(slow_helper())  # ruleid: async/blocking-sleep


@sync_to_async
def offloaded() -> None:
    time.sleep(1)  # ok: async/blocking-sleep


async def calls_offloaded() -> None:
    await offloaded()  # ok: async/blocking-sleep


async def calls_sync_helper() -> None:
    slow_helper()  # ruleid: async/blocking-sleep
