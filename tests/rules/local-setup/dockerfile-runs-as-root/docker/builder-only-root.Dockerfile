FROM python:3.12 AS build
# ok: local-setup/dockerfile-runs-as-root
USER root
# ok: local-setup/dockerfile-runs-as-root
FROM python:3.12-slim
USER nobody
