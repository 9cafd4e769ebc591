# onramp-path: app/services/migrations.py
# A module about migrations of data that imports nothing from Alembic or Django's migrations is application code.
import json


def migrate_payload(payload: dict):  # ruleid: typing/missing-return-annotation
    return json.dumps(payload)
