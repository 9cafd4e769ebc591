from app.api.deps import current_user  # ok: architecture/layer-violation


def test_user() -> None:
    assert current_user() == "me"
