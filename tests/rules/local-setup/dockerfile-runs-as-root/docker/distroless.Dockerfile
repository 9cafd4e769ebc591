# ok: local-setup/dockerfile-runs-as-root
FROM gcr.io/distroless/python3-debian12:nonroot
COPY app /app
