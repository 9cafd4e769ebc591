# onramp-path: app/console.py
import asyncio
from builtins import input as ask

import anyio.to_thread


async def confirm() -> bool:
    return input("really? ") == "y"  # ruleid: async/blocking-input


async def confirm_aliased() -> bool:
    return ask("really? ") == "y"  # ruleid: async/blocking-input


async def handed_to_threads() -> str:
    answer = await asyncio.to_thread(input, "name? ")  # ok: async/blocking-input
    other = await anyio.to_thread.run_sync(input)  # ok: async/blocking-input
    return answer + other


async def shadowed(input) -> str:
    return input("x")  # ok: async/blocking-input


class Form:
    def input(self, prompt: str) -> str:
        return prompt

    async def fill(self) -> str:
        return self.input("name")  # ok: async/blocking-input


def cli_prompt() -> str:
    return input("name? ")  # ok: async/blocking-input


def ask_twice() -> str:
    return cli_prompt() + cli_prompt()


async def interactive_setup() -> None:
    ask_twice()  # ruleid: async/blocking-input
