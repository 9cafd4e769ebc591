FROM python:3.12-slim AS base
# ruleid: local-setup/dockerfile-runs-as-root
USER root
FROM base
RUN echo still root
