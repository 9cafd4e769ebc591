import typing as t
from typing import Annotated, Any, Optional, Union

import typing_extensions
from typing_extensions import override


def load(payload: Any) -> dict:  # ruleid: typing/any-annotation
    return payload


def dump(payload: dict) -> t.Any:  # ruleid: typing/any-annotation
    return payload


def optional_any(value: Optional[Any] = None) -> None:  # ruleid: typing/any-annotation
    pass


def union_any(value: Union[int, Any]) -> None:  # ruleid: typing/any-annotation
    pass


def pep604_any(value: int | Any) -> None:  # ruleid: typing/any-annotation
    pass


def quoted(value: "Any") -> None:  # ruleid: typing/any-annotation
    pass


def annotated_any(value: Annotated[Any, "metadata"]) -> None:  # ruleid: typing/any-annotation
    pass


def extensions(value: typing_extensions.Any) -> None:  # ruleid: typing/any-annotation
    pass


def star(*args: Any, **kwargs: Any) -> None:  # ruleid: typing/any-annotation
    pass


def nested(value: dict[str, Any], items: list[Any]) -> Optional[int]:  # ok: typing/any-annotation
    return None


def literal(mode: t.Literal["Any"]) -> None:  # ok: typing/any-annotation
    pass


def precise(value: int, other: object) -> str:  # ok: typing/any-annotation
    return ""


class Base:
    def handle(self, event: object) -> None:  # ok: typing/any-annotation
        pass


class Child(Base):
    @override
    def handle(self, event: Any) -> None:  # ok: typing/any-annotation
        pass

    def other(self, event: Any) -> None:  # ruleid: typing/any-annotation
        pass
