# onramp-path: app/commands/profiles.py
# A typer command runs its own event loop with asyncio.run for one terminal: command-line code, not a server.
import asyncio
from pathlib import Path

import typer

app = typer.Typer()


async def _show(name: str) -> str:
    return Path(name).read_text()  # ok: async/blocking-file-io


@app.command()
def show(name: str) -> None:
    print(asyncio.run(_show(name)))
