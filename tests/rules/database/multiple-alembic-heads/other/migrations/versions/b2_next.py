# ok: database/multiple-alembic-heads
revision = "b2"
down_revision = "a1"
