from pydantic import BaseModel, validator


class Item(BaseModel):
    name: str

    # pydantic>=1.8 without a lock may install 1.x or 2.x: onramp cannot tell, so it says nothing
    # ok: stack/version-style-mismatch
    @validator("name")
    def n(cls, v: str) -> str:
        return v
