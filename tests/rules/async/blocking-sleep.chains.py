# onramp-path: app/chains.py
# Interprocedural: the finding sits at the call inside the async function, whatever the depth.
import time


def hop3() -> None:
    time.sleep(1)  # ok: async/blocking-sleep


def hop2() -> None:
    hop3()  # ok: async/blocking-sleep


def hop1() -> None:
    hop2()  # ok: async/blocking-sleep


async def three_hops() -> None:
    hop1()  # ruleid: async/blocking-sleep


# Helpers that call each other without ever blocking: the search ends, nothing is reported.
def ping(n: int) -> int:
    return pong(n - 1) if n else 0


def pong(n: int) -> int:
    return ping(n - 1) if n else 0


async def mutual_recursion() -> None:
    ping(3)  # ok: async/blocking-sleep


def countdown(n: int) -> None:
    if n:
        countdown(n - 1)


async def self_recursion() -> None:
    countdown(3)  # ok: async/blocking-sleep


# A cycle with a way out that blocks.
def retry(n: int) -> None:
    if n:
        back_off(n)


def back_off(n: int) -> None:
    time.sleep(n)  # ok: async/blocking-sleep
    retry(n - 1)


async def recursion_that_blocks() -> None:
    retry(3)  # ruleid: async/blocking-sleep


class Service:
    def load(self) -> None:
        self._wait()

    def _wait(self) -> None:
        time.sleep(1)  # ok: async/blocking-sleep

    @staticmethod
    def idle() -> None:
        return None


async def through_instance_method() -> None:
    Service().load()  # ruleid: async/blocking-sleep
    service = Service()
    service.load()  # ruleid: async/blocking-sleep
    Service.idle()  # ok: async/blocking-sleep


# Six helpers deep is still followed.
def d1() -> None:
    d2()


def d2() -> None:
    d3()


def d3() -> None:
    d4()


def d4() -> None:
    d5()


def d5() -> None:
    d6()


def d6() -> None:
    time.sleep(1)  # ok: async/blocking-sleep


async def six_hops() -> None:
    d1()  # ruleid: async/blocking-sleep


# Mutual recursion where the blocking call sits after the recursive one: the search from `first_entry`
# meets `walk_up` while `walk_down` is still in progress, so "walk_up blocks nothing" is only provisional
# and must not be remembered for `second_entry`, which reaches the same sleep through `walk_up`.
def pause() -> None:
    time.sleep(0.1)  # ok: async/blocking-sleep


def walk_down(n: int) -> None:
    if n:
        walk_up(n - 1)  # ok: async/blocking-sleep
    pause()  # ok: async/blocking-sleep


def walk_up(n: int) -> None:
    walk_down(n)  # ok: async/blocking-sleep


async def first_entry() -> None:
    walk_down(3)  # ruleid: async/blocking-sleep


async def second_entry() -> None:
    walk_up(3)  # ruleid: async/blocking-sleep


# A chain longer than the search follows (six helpers) is cut; reached again from nearer, it is found.
def deep6() -> None:
    time.sleep(1)  # ok: async/blocking-sleep


def deep5() -> None:
    deep6()


def deep4() -> None:
    deep5()


def deep3() -> None:
    deep4()


def deep2() -> None:
    deep3()


def deep1() -> None:
    deep2()


def deep0() -> None:
    deep1()


async def too_far() -> None:
    deep0()  # ok: async/blocking-sleep


async def near_enough() -> None:
    deep2()  # ruleid: async/blocking-sleep
