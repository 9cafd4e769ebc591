# ok: local-setup/dockerfile-runs-as-root
FROM python:3.12-slim
USER root
RUN apt-get update
# ok: local-setup/dockerfile-runs-as-root
USER app:app
