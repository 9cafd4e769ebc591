# onramp-path: app/db/versions/2024_01_02_add_index.py
from alembic import op


def upgrade():
    op.create_index("ix_orders_user", "orders", ["user_id"])
    # ok: logging/print-call
    print("index created")
