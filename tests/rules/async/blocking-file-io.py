# onramp-path: app/uploads.py
import asyncio
import codecs
import io
import os
import os.path
import shutil
from os.path import exists as path_exists
from pathlib import Path
from pathlib import Path as P

import aiofiles
import anyio

UPLOADS = Path("/var/uploads")


async def builtins_and_modules(name: str, data: bytes) -> None:
    with open(f"/var/uploads/{name}", "wb") as fh:  # ruleid: async/blocking-file-io
        fh.write(data)  # ok: async/blocking-file-io
    io.open("x.txt")  # ruleid: async/blocking-file-io
    codecs.open("x.txt", encoding="utf-8")  # ruleid: async/blocking-file-io
    os.path.exists(name)  # ruleid: async/blocking-file-io
    path_exists(name)  # ruleid: async/blocking-file-io
    os.path.getsize(name)  # ruleid: async/blocking-file-io
    os.listdir("/var/uploads")  # ruleid: async/blocking-file-io
    os.makedirs("/var/uploads/new", exist_ok=True)  # ruleid: async/blocking-file-io
    os.remove(name)  # ruleid: async/blocking-file-io
    shutil.rmtree("/tmp/x")  # ruleid: async/blocking-file-io
    shutil.copyfile("a", "b")  # ruleid: async/blocking-file-io


async def pathlib_io(name: str, target: Path) -> str:
    Path(name).read_text()  # ruleid: async/blocking-file-io
    P(name).write_bytes(b"")  # ruleid: async/blocking-file-io
    target.exists()  # ruleid: async/blocking-file-io
    p = Path("/etc") / name
    local = Path(name)
    local.unlink()  # ruleid: async/blocking-file-io
    UPLOADS.mkdir(parents=True, exist_ok=True)  # ruleid: async/blocking-file-io
    return str(p)


async def path_arithmetic(name: str, target: Path) -> str:
    base = os.path.join("/var", name)  # ok: async/blocking-file-io
    stem = os.path.splitext(name)[0]  # ok: async/blocking-file-io
    suffix = Path(name).suffix
    other = Path(name).with_suffix(".txt")  # ok: async/blocking-file-io
    parts = target.relative_to("/var")  # ok: async/blocking-file-io
    return os.path.basename(base) + stem + suffix + str(other) + str(parts) + Path(name).name  # ok: async/blocking-file-io


async def the_async_way(name: str, data: bytes) -> None:
    async with aiofiles.open(name, "wb") as fh:  # ok: async/blocking-file-io
        await fh.write(data)  # ok: async/blocking-file-io
    await anyio.Path(name).read_text()  # ok: async/blocking-file-io
    async with await anyio.open_file(name) as f:  # ok: async/blocking-file-io
        await f.read()


async def handed_to_threads(name: str, data: bytes) -> None:
    await asyncio.to_thread(Path(name).write_bytes, data)  # ok: async/blocking-file-io
    await asyncio.to_thread(os.remove, name)  # ok: async/blocking-file-io
    await asyncio.get_running_loop().run_in_executor(None, shutil.rmtree, name)  # ok: async/blocking-file-io


async def shadowed(open, name: str) -> None:
    open(name)  # ok: async/blocking-file-io


def read_config(name: str) -> str:
    with open(name) as fh:  # ok: async/blocking-file-io
        return fh.read()


def load_settings() -> str:
    return read_config("settings.toml")


async def startup() -> None:
    load_settings()  # ruleid: async/blocking-file-io


async def where(raw: str) -> str:
    # Path arithmetic, not I/O: absolute() joins the working directory, expanduser() reads $HOME.
    here = Path(raw).absolute()  # ok: async/blocking-file-io
    home = Path(raw).expanduser()  # ok: async/blocking-file-io
    return f"{here} {home}"
