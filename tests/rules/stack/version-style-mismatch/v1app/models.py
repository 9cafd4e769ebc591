# ruleid: stack/version-style-mismatch
from pydantic import BaseModel, ConfigDict, field_validator, validator


class Item(BaseModel):
    # ruleid: stack/version-style-mismatch
    model_config = ConfigDict(frozen=True)
    name: str

    @field_validator("name")
    def n(cls, v: str) -> str:  # ruleid: stack/version-style-mismatch
        return v

    @validator("name")
    def m(cls, v: str) -> str:  # ok: stack/version-style-mismatch
        return v


def dump(item: Item) -> dict:
    item.dict()  # ok: stack/version-style-mismatch
    return item.model_dump()  # ruleid: stack/version-style-mismatch
