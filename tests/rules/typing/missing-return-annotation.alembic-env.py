# onramp-path: migrations/env.py
from alembic import context


def run_migrations_online():  # ok: typing/missing-return-annotation
    context.run_migrations()


def helper_elsewhere(x: int):  # ok: typing/missing-return-annotation
    return x
