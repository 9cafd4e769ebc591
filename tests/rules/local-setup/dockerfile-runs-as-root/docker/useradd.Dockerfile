# ruleid: local-setup/dockerfile-runs-as-root
FROM python:3.12-slim
RUN groupadd -r app && useradd -r -g app app
CMD ["python", "-m", "app"]
