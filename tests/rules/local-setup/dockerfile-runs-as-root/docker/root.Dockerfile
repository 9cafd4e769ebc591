FROM python:3.12-slim
USER app
RUN echo hi
# ruleid: local-setup/dockerfile-runs-as-root
USER root
CMD ["python", "-m", "app"]
