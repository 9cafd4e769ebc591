import enum
import os

from django.db import models

# Values that are no credential whatever the key says.
# ok: local-setup/secret-in-file
TOKEN_THROTTLE_RATE = os.getenv("PAPERLESS_TOKEN_THROTTLE_RATE", "5/min")
# ok: local-setup/secret-in-file
HEADLESS_TOKEN_STRATEGY = "paperless.auth.PaperlessTokenStrategy"
# ok: local-setup/secret-in-file
OPTIONAL_CREDENTIALS = os.environ.get("ATHENA_OPTIONAL_CREDENTIALS", "true")
# ok: local-setup/secret-in-file
TOKEN_LIFETIME = os.environ.get("TOKEN_LIFETIME", "3600")
REST_FRAMEWORK = {
    "DEFAULT_THROTTLE_RATES": {
        # ok: local-setup/secret-in-file
        "master_api_key": "100000/day",
        # ok: local-setup/secret-in-file
        "oidc_token_exchange": "100/min",
    },
    "SERIALIZERS": {
        # ok: local-setup/secret-in-file
        "token": "custom_auth.serializers.CustomTokenSerializer",
    },
}

# Issued token formats and generated strings: errors.
# ruleid: local-setup/secret-in-file
GITHUB_TOKEN = "ghp_Zq8wX2cV4bN6mL1kJ3hG5fD7sA9pO0iU"
# ruleid: local-setup/secret-in-file
DIGEST_SECRET = "9a8b7c6d5e4f3a2b1c0d9e8f"
# Written out but not generated: a default or weak value, a warning.
# ruleid: local-setup/secret-in-file severity=warning
ADMIN_PASSWORD = "hunter2"
# Placeholders: info.
# ruleid: local-setup/secret-in-file severity=info
WEBHOOK_SECRET = "fixme-webhook-secret"
# ruleid: local-setup/secret-in-file severity=info
SENDGRID_API_KEY = "SENDGRID_API_KEY"
# ruleid: local-setup/secret-in-file severity=info
PAYMENT_API_KEY = "xxx-your-key"

# ruff's S105 suppressions are honoured.
# ok: local-setup/secret-in-file
LEGACY_SECRET = "Po9Iu8Yt7Re6Wq5A"  # noqa: S105

# A fallback after `or` is a default like the second argument of getenv.
# ruleid: local-setup/secret-in-file severity=info
DB_PASSWORD = os.environ.get("POSTGRES_PASSWORD") or "password"
# ruleid: local-setup/secret-in-file
REDIS_PASSWORD = os.environ.get("REDIS_PASSWORD") or "Tr5Ew4Qa3Sd2Fg1H"
# ok: local-setup/secret-in-file
MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD") or ""
# ok: local-setup/secret-in-file
MAIL_SENDER = os.environ.get("MAIL_SENDER") or "noreply@example.com"


class AuthMethods(enum.Enum):
    # Enum members name values; they are no settings.
    # ok: local-setup/secret-in-file
    username_and_password = "username-password"
    # ok: local-setup/secret-in-file
    api_token = "Zx9Cv8Bn7Mq6Wd5E"


class TokenKind(models.TextChoices):
    # ok: local-setup/secret-in-file
    REFRESH_TOKEN = "refresh-token-kind-1"


class PostgresProvider:
    POSTGRES_USER: str = "mealie"
    # The same as the user name beside it: a local default.
    # ruleid: local-setup/secret-in-file severity=info
    POSTGRES_PASSWORD: str = "mealie"
