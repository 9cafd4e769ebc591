import typing


def public(a: int):  # ruleid: typing/missing-return-annotation
    return a


def _private(a: int):  # ruleid: typing/missing-return-annotation
    return a


def returns_nothing():  # ruleid: typing/missing-return-annotation
    print("done")


def annotated(a: int) -> int:  # ok: typing/missing-return-annotation
    return a


async def fetch(url: str) -> bytes:  # ok: typing/missing-return-annotation
    return b""


async def fetch_untyped(url: str):  # ruleid: typing/missing-return-annotation
    return b""


def outer() -> None:
    def inner():  # ruleid: typing/missing-return-annotation
        return 1

    square = lambda x: x * x  # ok: typing/missing-return-annotation
    inner()
    square(2)


class Order:
    def __init__(self, total: int):  # ruleid: typing/missing-return-annotation
        self.total = total

    def __str__(self):  # ruleid: typing/missing-return-annotation
        return str(self.total)

    def __eq__(self, other: object) -> bool:  # ok: typing/missing-return-annotation
        return self is other

    @classmethod
    def empty(cls):  # ruleid: typing/missing-return-annotation
        return cls(0)

    @staticmethod
    def zero():  # ruleid: typing/missing-return-annotation
        return 0

    @property
    def cents(self) -> int:  # ok: typing/missing-return-annotation
        return self.total * 100


@typing.overload
def scale(value: int) -> int: ...
@typing.overload
def scale(value: float) -> float: ...
def scale(value):  # ok: typing/missing-return-annotation
    return value
