import secrets

from pydantic_settings import BaseSettings

# ruleid: local-setup/secret-in-file
SECRET_KEY = "Zx8Cv7Bn6Mq5Wd4E"
# ok: local-setup/secret-in-file
ALGORITHM = "HS256"
# ok: local-setup/secret-in-file
ACCESS_TOKEN_EXPIRE_MINUTES = 60
# ok: local-setup/secret-in-file
GENERATED_KEY = secrets.token_urlsafe(32)
# ruleid: local-setup/secret-in-file
SQLALCHEMY_DATABASE_URI = "postgresql://app:Lk9Jh8Gf7D@db/app"
# ok: local-setup/secret-in-file
NAME = f"{SECRET_KEY}-suffix"


class Settings(BaseSettings):
    # ruleid: local-setup/secret-in-file severity=info
    POSTGRES_PASSWORD: str = "changethis"
    # ok: local-setup/secret-in-file
    API_KEY: str = ""
    # ok: local-setup/secret-in-file
    SESSION_SECRET: str = secrets.token_urlsafe(32)
    # ok: local-setup/secret-in-file
    SMTP_PASSWORD: str | None = None


def build() -> dict:
    # ok: local-setup/secret-in-file
    token = "Qw9Er8Ty7Ui6"
    return {"token": token}
