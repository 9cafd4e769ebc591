"""base"""
# ok: database/multiple-alembic-heads
revision = "0001"
down_revision = None
