FROM python:3.12-slim
# ok: local-setup/dockerfile-runs-as-root
USER 10001
RUN echo hi
# ruleid: local-setup/dockerfile-runs-as-root
USER 0:0
