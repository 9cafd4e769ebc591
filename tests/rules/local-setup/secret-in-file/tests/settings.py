# ok: local-setup/secret-in-file
SECRET_KEY = "test-only-value-123456"
