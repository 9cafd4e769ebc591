from functools import lru_cache
from typing import Literal

from pydantic import Field, PostgresDsn, RedisDsn
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    PROJECT_NAME: str = "shopfront"
    ENVIRONMENT: Literal["local", "staging", "production"] = "local"
    DEBUG: bool = False
    DEBUG_PAYMENTS: bool = False
    SECRET_KEY: str = "changethis"
    ACCESS_TOKEN_EXPIRE_MINUTES: int = 60 * 24

    DATABASE_URL: PostgresDsn = PostgresDsn(
        "postgresql+asyncpg://postgres:postgres@localhost:5432/shopfront"
    )
    DB_POOL_SIZE: int = 10
    DB_ECHO: bool = False

    REDIS_URL: RedisDsn = RedisDsn("redis://localhost:6379/0")
    CELERY_BROKER_URL: str = "redis://localhost:6379/1"

    CORS_ORIGINS: list[str] = Field(default_factory=lambda: ["http://localhost:3000"])

    AVATAR_CDN_URL: str = "https://cdn.example.com/avatars"
    PAYMENT_GATEWAY_URL: str = "https://sandbox.payments.example.com"
    PAYMENT_GATEWAY_KEY: str = ""
    PAYMENT_TIMEOUT_SECONDS: float = 10.0

    SENTRY_DSN: str | None = None
    LOG_LEVEL: str = "INFO"


@lru_cache
def get_settings() -> Settings:
    return Settings()


settings = get_settings()
