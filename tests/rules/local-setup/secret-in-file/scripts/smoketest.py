import os

# A script's default is for whoever runs it: reported apart, at info, with the role named.
# ruleid: local-setup/secret-in-file severity=info
PASSWORD = os.getenv("SMOKETEST_API_TOKEN", "Kj7Hg6Fd5Sa4Qw3E")
