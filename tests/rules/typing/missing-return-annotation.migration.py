# onramp-path: backend/app/alembic/versions/e2412789c190_initialize_models.py
"""Initialize models

Revision ID: e2412789c190
"""
import sqlalchemy as sa
from alembic import op

revision = "e2412789c190"
down_revision = None


def upgrade():  # ok: typing/missing-return-annotation
    op.create_table("user", sa.Column("id", sa.Integer(), primary_key=True))


def downgrade():  # ok: typing/missing-return-annotation
    op.drop_table("user")
