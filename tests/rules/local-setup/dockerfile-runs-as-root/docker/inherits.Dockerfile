FROM python:3.12-slim AS base
# ok: local-setup/dockerfile-runs-as-root
USER app
# ok: local-setup/dockerfile-runs-as-root
FROM base
CMD ["python", "-m", "app"]
