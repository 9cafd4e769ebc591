from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)


class Hero(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    # ok: database/fk-to-unknown-model
    team_id: int | None = Field(default=None, foreign_key="team.id")
    # ruleid: database/fk-to-unknown-model
    squad_id: int | None = Field(default=None, foreign_key="squad.id")
