# ruleid: stack/version-style-mismatch
from celery.task import task

from fastapi import FastAPI

app = FastAPI()


@app.on_event("startup")
async def start() -> None:  # ruleid: stack/version-style-mismatch
    pass
