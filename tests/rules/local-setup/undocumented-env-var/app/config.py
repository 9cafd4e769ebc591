import os
from os import environ

import environ as django_environ
from decouple import config
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SVC_", env_file=".env")

    # ok: local-setup/undocumented-env-var
    database_url: str
    # ruleid: local-setup/undocumented-env-var
    signing_key: str
    # ok: local-setup/undocumented-env-var
    debug: bool = False
    # ruleid: local-setup/undocumented-env-var
    broker: str = Field(validation_alias="BROKER_URL")
    # ok: local-setup/undocumented-env-var
    region: str = Field("eu-west-1", alias="AWS_REGION")


settings = Settings()

# ruleid: local-setup/undocumented-env-var
STRIPE_KEY = os.environ["STRIPE_KEY"]
# ok: local-setup/undocumented-env-var
SENTRY_DSN = os.getenv("SENTRY_DSN")
# ok: local-setup/undocumented-env-var
TIMEOUT = environ.get("TIMEOUT", "30")
try:
    # ok: local-setup/undocumented-env-var
    OPTIONAL = os.environ["OPTIONAL_FEATURE"]
except KeyError:
    OPTIONAL = None
# ok: local-setup/undocumented-env-var
REDIS_URL = os.environ["REDIS_URL"]
# ok: local-setup/undocumented-env-var
WORKERS = os.environ["WORKERS"]
# ok: local-setup/undocumented-env-var
CI_TOKEN = os.environ["DEPLOY_TOKEN"]
# ok: local-setup/undocumented-env-var
LOG_LEVEL = os.environ["LOG_LEVEL"]

env = django_environ.Env(DEBUG_TOOLBAR=(bool, False))
# ok: local-setup/undocumented-env-var
TOOLBAR = env("DEBUG_TOOLBAR")
# ok: local-setup/undocumented-env-var
ALLOWED = env.list("ALLOWED_HOSTS", default=["localhost"])
# ruleid: local-setup/undocumented-env-var
CACHE = env.cache()
# ruleid: local-setup/undocumented-env-var
MAIL_FROM = config("MAIL_FROM")
# ok: local-setup/undocumented-env-var
MAIL_PORT = config("MAIL_PORT", default=25, cast=int)
# ok: local-setup/undocumented-env-var
NAME = os.environ[f"SVC_{os.getpid()}"]


def require(name):
    return os.environ[name]


# ruleid: local-setup/undocumented-env-var
PARTNER_ID = require("PARTNER_ID")
