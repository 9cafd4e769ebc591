"""orders, written on the same parent as 0002 in another branch"""
# ok: database/multiple-alembic-heads
revision = "0003"
down_revision = "0001"
