import os  # ok: style/long-module
# onramp-config: max-module-lines = 10

DEBUG = os.environ.get("DEBUG") == "1"
NAME = "shop"
