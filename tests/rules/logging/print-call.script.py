# onramp-path: app/scripts/seed.py
def main():
    # scripts talk to a terminal
    # ok: logging/print-call
    print("Seeding the database")
