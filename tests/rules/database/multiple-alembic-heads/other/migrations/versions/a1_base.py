# ok: database/multiple-alembic-heads
revision = "a1"
down_revision = None
