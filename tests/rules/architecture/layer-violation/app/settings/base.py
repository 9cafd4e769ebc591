from app.api.deps import current_user  # ok: architecture/layer-violation

INSTALLED_APPS = ["app"]
