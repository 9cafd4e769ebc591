# onramp-path: app/commands/cloud.py
# A cyclopts command (prefect's CLI) is command-line code like a typer or click one.
from pathlib import Path

import cyclopts

cloud_app = cyclopts.App(name="cloud")


@cloud_app.command
async def login(profile: str) -> None:
    Path(profile).write_text("token")  # ok: async/blocking-file-io
