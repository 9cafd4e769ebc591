# onramp-path: app/tasks.py
import asyncio
import asyncio as aio
from asyncio import create_task, ensure_future
from asyncio import create_task as spawn

background_tasks: set[asyncio.Task] = set()


async def notify(order_id: int) -> None:
    await asyncio.sleep(0)


async def dropped(order_id: int) -> None:
    asyncio.create_task(notify(order_id))  # ruleid: async/dangling-task col=5
    aio.create_task(notify(order_id))  # ruleid: async/dangling-task col=5
    create_task(notify(order_id))  # ruleid: async/dangling-task col=5
    spawn(notify(order_id))  # ruleid: async/dangling-task col=5
    asyncio.ensure_future(notify(order_id))  # ruleid: async/dangling-task col=5
    ensure_future(notify(order_id))  # ruleid: async/dangling-task col=5
    loop = asyncio.get_running_loop()
    loop.create_task(notify(order_id))  # ruleid: async/dangling-task
    asyncio.get_event_loop().create_task(notify(order_id))  # ruleid: async/dangling-task
    if order_id:
        asyncio.create_task(notify(order_id))  # ruleid: async/dangling-task


def sync_starter(loop: asyncio.AbstractEventLoop) -> None:
    new_loop = asyncio.new_event_loop()
    new_loop.create_task(notify(1))  # ruleid: async/dangling-task


async def kept(order_id: int) -> None:
    task = asyncio.create_task(notify(order_id))  # ok: async/dangling-task
    background_tasks.add(asyncio.create_task(notify(order_id)))  # ok: async/dangling-task
    t2 = asyncio.ensure_future(notify(order_id))  # ok: async/dangling-task
    t2.add_done_callback(background_tasks.discard)
    await asyncio.create_task(notify(order_id))  # ok: async/dangling-task
    await asyncio.gather(asyncio.create_task(notify(order_id)), task)  # ok: async/dangling-task
    return_value = [asyncio.create_task(notify(i)) for i in range(3)]  # ok: async/dangling-task
    await asyncio.wait(return_value)


async def make_task(order_id: int) -> asyncio.Task:
    return asyncio.create_task(notify(order_id))  # ok: async/dangling-task


async def in_a_task_group(order_id: int) -> None:
    async with asyncio.TaskGroup() as tg:
        tg.create_task(notify(order_id))  # ok: async/dangling-task


class Scheduler:
    def create_task(self, coro) -> None:
        background_tasks.add(asyncio.ensure_future(coro))  # ok: async/dangling-task

    async def run(self) -> None:
        self.create_task(notify(1))  # ok: async/dangling-task


async def shadowed(create_task) -> None:
    create_task(notify(1))  # ok: async/dangling-task
