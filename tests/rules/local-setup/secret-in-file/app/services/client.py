# Not a settings module: left to the code reviewers.
# ok: local-setup/secret-in-file
API_KEY = "Hg7Fd6Sa5Qw4"
