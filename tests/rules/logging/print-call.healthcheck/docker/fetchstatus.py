#!/usr/bin/env python3
# The probe Docker's HEALTHCHECK runs: its output is for `docker inspect`, not for the log pipeline.
import sys
import urllib.request

try:
    urllib.request.urlopen("http://localhost:8000/health", timeout=5)
except OSError as exc:
    # ok: logging/print-call
    print(f"unhealthy: {exc}")
    sys.exit(1)
