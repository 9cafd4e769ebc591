# onramp-path: app/render.py
import asyncio
import os
import subprocess
import subprocess as sp
from subprocess import check_output as capture
from subprocess import run

import anyio
import anyio.to_thread


async def direct(path: str) -> None:
    subprocess.run(["wkhtmltopdf", path, "out.pdf"], check=True)  # ruleid: async/blocking-subprocess
    sp.call(["true"])  # ruleid: async/blocking-subprocess
    run(["true"])  # ruleid: async/blocking-subprocess
    capture(["git", "rev-parse", "HEAD"])  # ruleid: async/blocking-subprocess
    subprocess.getoutput("uname -a")  # ruleid: async/blocking-subprocess
    os.system("sync")  # ruleid: async/blocking-subprocess
    os.popen("ls")  # ruleid: async/blocking-subprocess
    os.waitpid(-1, 0)  # ruleid: async/blocking-subprocess


async def popen_and_wait() -> None:
    proc = subprocess.Popen(["sleep", "1"])  # ruleid: async/blocking-subprocess
    proc.wait()  # ruleid: async/blocking-subprocess
    proc.communicate()  # ruleid: async/blocking-subprocess


async def the_async_way(path: str) -> None:
    proc = await asyncio.create_subprocess_exec("wkhtmltopdf", path)  # ok: async/blocking-subprocess
    await proc.wait()  # ok: async/blocking-subprocess
    shell = await asyncio.create_subprocess_shell("sync")  # ok: async/blocking-subprocess
    await shell.communicate()  # ok: async/blocking-subprocess
    await anyio.run_process(["true"])  # ok: async/blocking-subprocess


async def handed_to_threads() -> None:
    await asyncio.to_thread(subprocess.run, ["true"], check=True)  # ok: async/blocking-subprocess
    await asyncio.get_running_loop().run_in_executor(None, os.system, "sync")  # ok: async/blocking-subprocess
    await anyio.to_thread.run_sync(lambda: subprocess.run(["true"]))  # ok: async/blocking-subprocess


async def not_subprocess(run, system) -> None:
    run(["true"])  # ok: async/blocking-subprocess
    system("sync")  # ok: async/blocking-subprocess
    os.getpid()  # ok: async/blocking-subprocess
    os.environ.get("HOME")  # ok: async/blocking-subprocess


def sync_build(path: str) -> None:
    subprocess.run(["make", path], check=True)  # ok: async/blocking-subprocess


def render(path: str) -> None:
    convert(path)


def convert(path: str) -> None:
    sync_build(path)


async def render_pdf(path: str) -> None:
    render(path)  # ruleid: async/blocking-subprocess
