from dataclasses import dataclass

from pydantic import BaseModel, field_validator, validator
from sqlalchemy import create_engine, select
from sqlalchemy.ext.declarative import declarative_base
from sqlalchemy.orm import Session, sessionmaker

# ruleid: stack/version-style-mismatch
from pydantic import BaseSettings

engine = create_engine("sqlite://")
SessionLocal = sessionmaker(bind=engine)
# ruleid: stack/version-style-mismatch
Base = declarative_base()


class Base2(BaseModel):
    pass


class UserIn(Base2):
    email: str

    @validator("email")
    def lower(cls, v: str) -> str:  # ruleid: stack/version-style-mismatch
        return v.lower()

    @field_validator("email")
    @classmethod
    def strip(cls, v: str) -> str:  # ok: stack/version-style-mismatch
        return v.strip()

    # ruleid: stack/version-style-mismatch
    class Config:
        orm_mode = True


@dataclass
class Point:
    x: int

    def dict(self) -> dict:
        return {"x": self.x}


def users(db: Session, user: UserIn, point: Point) -> None:
    db.query(UserIn)  # ruleid: stack/version-style-mismatch severity=info
    db.execute(select(UserIn))  # ok: stack/version-style-mismatch
    s = SessionLocal()
    s.query(UserIn)  # ruleid: stack/version-style-mismatch severity=info
    engine.execute("select 1")  # ruleid: stack/version-style-mismatch
    user.dict()  # ruleid: stack/version-style-mismatch
    user.model_dump()  # ok: stack/version-style-mismatch
    UserIn.parse_obj({})  # ruleid: stack/version-style-mismatch
    point.dict()  # ok: stack/version-style-mismatch
