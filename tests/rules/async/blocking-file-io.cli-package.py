# onramp-path: app/cli/_profiles.py
# A helper in a `cli/` package serves the commands beside it: command-line code.
from pathlib import Path


async def read_profiles(path: Path) -> str:
    return path.read_text()  # ok: async/blocking-file-io
