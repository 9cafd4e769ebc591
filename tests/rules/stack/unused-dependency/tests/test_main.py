from fastapi.testclient import TestClient

from app.main import app


def test_root() -> None:
    assert TestClient(app).get("/").status_code == 404
