# onramp-path: scripts/seed_data.py
# A developer script runs its own short-lived loop: `skip-roles` in the rule's YAML leaves it out.
import asyncio
import time


async def seed() -> None:
    time.sleep(1)  # ok: async/blocking-sleep


asyncio.run(seed())
