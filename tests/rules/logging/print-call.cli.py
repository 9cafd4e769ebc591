# onramp-path: app/commands.py
import click


@click.command()
def seed():
    # ok: logging/print-call
    print("Seeding")
