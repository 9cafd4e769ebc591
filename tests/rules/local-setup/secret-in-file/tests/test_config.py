import os

# ok: local-setup/secret-in-file
os.environ.setdefault("SECRET_KEY", "test-secret-value-42")
