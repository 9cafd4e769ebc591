import os

# ok: local-setup/undocumented-env-var
TEST_ONLY = os.environ["INTEGRATION_DSN"]
