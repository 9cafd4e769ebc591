from typing import overload


def create_user(session, email: str):  # ruleid: typing/missing-parameter-annotation
    return session.add(email)


def annotated(session: object, email: str) -> None:  # ok: typing/missing-parameter-annotation
    pass


def star_args(*args, **kwargs) -> None:  # ruleid: typing/missing-parameter-annotation
    pass


def typed_stars(*args: int, **kwargs: str) -> None:  # ok: typing/missing-parameter-annotation
    pass


def keyword_only(a: int, *, flag) -> None:  # ruleid: typing/missing-parameter-annotation
    pass


def dummy(_) -> None:  # ruleid: typing/missing-parameter-annotation
    pass


def no_parameters():  # ok: typing/missing-parameter-annotation
    pass


def outer() -> None:
    def inner(item):  # ruleid: typing/missing-parameter-annotation
        return item

    handler = lambda event: event  # ok: typing/missing-parameter-annotation
    inner(handler)


class Repository:
    def get(self, key: str) -> str:  # ok: typing/missing-parameter-annotation
        return key

    def put(self, key, value: str) -> None:  # ruleid: typing/missing-parameter-annotation
        pass

    @classmethod
    def build(cls, size: int) -> "Repository":  # ok: typing/missing-parameter-annotation
        return cls()

    @staticmethod
    def parse(self) -> None:  # ruleid: typing/missing-parameter-annotation
        pass

    @staticmethod
    def parse_typed(text: str) -> None:  # ok: typing/missing-parameter-annotation
        pass

    def only_self(self) -> None:  # ok: typing/missing-parameter-annotation
        pass

    def kw_first(*, this, that: int) -> None:  # ok: typing/missing-parameter-annotation
        pass

    def positional_only(me, /, x) -> None:  # ruleid: typing/missing-parameter-annotation
        pass


@overload
def convert(value: int) -> int: ...
@overload
def convert(value: str) -> str: ...
def convert(value):  # ok: typing/missing-parameter-annotation
    return value


def convert_again(value):  # ruleid: typing/missing-parameter-annotation
    return value
