# ok: database/multiple-alembic-heads
revision = "c3"
down_revision = ("b2", "a1")
