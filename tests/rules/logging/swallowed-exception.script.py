# onramp-path: app/scripts/backfill.py
def main(rows):
    for row in rows:
        try:
            row.fix()
        # ok: logging/swallowed-exception
        except Exception:
            continue
