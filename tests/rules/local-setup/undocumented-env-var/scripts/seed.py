import os

# ok: local-setup/undocumented-env-var
SEED = os.environ["SEED_ADMIN_EMAIL"]
