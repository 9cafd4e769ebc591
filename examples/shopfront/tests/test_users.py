from httpx import AsyncClient

from app.models.user import User
from app.services import users as users_service


def test_password_roundtrip() -> None:
    hashed = users_service.hash_password("s3cret-password")
    assert users_service.verify_password("s3cret-password", hashed)
    assert not users_service.verify_password("wrong-password", hashed)


def test_access_token_roundtrip() -> None:
    token = users_service.create_access_token(42)
    assert users_service.decode_access_token(token) == 42
    assert users_service.decode_access_token("garbage") is None


async def test_register_and_login(client: AsyncClient) -> None:
    response = await client.post(
        "/api/v1/users",
        json={"email": "Bob@Example.com", "full_name": "Bob", "password": "hunter2hunter2"},
    )
    assert response.status_code == 201
    assert response.json()["email"] == "bob@example.com"

    response = await client.post(
        "/api/v1/users/login",
        json={"email": "bob@example.com", "password": "hunter2hunter2"},
    )
    assert response.status_code == 200
    assert response.json()["token_type"] == "bearer"


async def test_register_duplicate_email(client: AsyncClient, user: User) -> None:
    response = await client.post(
        "/api/v1/users",
        json={"email": user.email, "password": "another-password"},
    )
    assert response.status_code == 409


async def test_me_requires_auth(client: AsyncClient) -> None:
    response = await client.get("/api/v1/users/me")
    assert response.status_code == 401


async def test_read_me(client: AsyncClient, user: User, auth_headers: dict[str, str]) -> None:
    response = await client.get("/api/v1/users/me", headers=auth_headers)
    assert response.status_code == 200
    assert response.json()["id"] == user.id
