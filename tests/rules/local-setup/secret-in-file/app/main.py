import os
from os import getenv

import environ
from decouple import config

env = environ.Env()

# ruleid: local-setup/secret-in-file
SECRET_KEY = os.getenv("SECRET_KEY", "Yh6Tg5Rf4Ed3Ws2Q")
# ruleid: local-setup/secret-in-file severity=info
API_TOKEN = os.environ.get("API_TOKEN", "changeme")
# ruleid: local-setup/secret-in-file
STRIPE_API_KEY = config("STRIPE_API_KEY", default="sk_live_Bv4Nc3Mx2Lz1")
# ruleid: local-setup/secret-in-file
DJANGO_SECRET = env("DJANGO_SECRET_KEY", default="Pl0Ok9Ij8Uh7")
# ruleid: local-setup/secret-in-file
DATABASE_URL = getenv("DATABASE_URL", "postgres://app:Qa1Ws2Ed3Rf@db/app")
# ok: local-setup/secret-in-file
DEBUG = os.getenv("DEBUG", "0")
# ok: local-setup/secret-in-file
REQUIRED = os.environ.get("SESSION_SECRET")
# ok: local-setup/secret-in-file
EMPTY = os.getenv("SMTP_PASSWORD", "")
# ok: local-setup/secret-in-file
LOCAL_DB = os.getenv("REPLICA_URL", "postgres://app:app@localhost/app")
