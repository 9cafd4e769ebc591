import base64
import hashlib
import hmac
import logging
import secrets
import time

import httpx
import ipdb as dbg
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.config import settings
from app.models.user import User
from app.schemas.user import UserCreate, UserUpdate

logger = logging.getLogger(__name__)

PBKDF2_ITERATIONS = 390_000


class UserAlreadyExists(Exception):
    pass


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, PBKDF2_ITERATIONS)
    return f"{salt.hex()}${digest.hex()}"


def verify_password(password: str, hashed: str) -> bool:
    salt_hex, _, digest_hex = hashed.partition("$")
    digest = hashlib.pbkdf2_hmac(
        "sha256", password.encode(), bytes.fromhex(salt_hex), PBKDF2_ITERATIONS
    )
    return hmac.compare_digest(digest.hex(), digest_hex)


def create_access_token(user_id: int) -> str:
    expires = int(time.time()) + settings.ACCESS_TOKEN_EXPIRE_MINUTES * 60
    payload = f"{user_id}:{expires}"
    signature = hmac.new(settings.SECRET_KEY.encode(), payload.encode(), "sha256").hexdigest()
    return base64.urlsafe_b64encode(f"{payload}:{signature}".encode()).decode()


def decode_access_token(token: str) -> int | None:
    try:
        user_id, expires, signature = base64.urlsafe_b64decode(token).decode().split(":")
    except ValueError:
        return None
    expected = hmac.new(
        settings.SECRET_KEY.encode(), f"{user_id}:{expires}".encode(), "sha256"
    ).hexdigest()
    if not hmac.compare_digest(expected, signature) or int(expires) < time.time():
        return None
    return int(user_id)


async def get_by_email(session: AsyncSession, email: str) -> User | None:
    result = await session.execute(select(User).where(User.email == email.lower()))
    return result.scalar_one_or_none()


async def create_user(session: AsyncSession, data: UserCreate) -> User:
    if await get_by_email(session, data.email) is not None:
        raise UserAlreadyExists(data.email)
    user = User(
        email=data.email.lower(),
        full_name=data.full_name,
        hashed_password=hash_password(data.password),
    )
    session.add(user)
    await session.commit()
    await session.refresh(user)
    logger.info(f"Registered new user {user.id} <{user.email}>")
    return user


async def authenticate(session: AsyncSession, email: str, password: str) -> User | None:
    user = await get_by_email(session, email)
    if user is None or not verify_password(password, user.hashed_password):
        return None
    return user


async def update_user(session: AsyncSession, user: User, data: UserUpdate) -> User:
    for field, value in data.model_dump(exclude_unset=True).items():
        setattr(user, field, value)
    await session.commit()
    await session.refresh(user)
    return user


async def ensure_billing_customer(user: User) -> str | None:
    """Create (or look up) the customer record at the payment gateway."""
    payload = {"external_id": str(user.id), "email": user.email, "name": user.full_name}
    headers = {"Authorization": f"Bearer {settings.PAYMENT_GATEWAY_KEY}"}
    async with httpx.AsyncClient(
        base_url=settings.PAYMENT_GATEWAY_URL, timeout=settings.PAYMENT_TIMEOUT_SECONDS
    ) as client:
        try:
            response = await client.put(f"/v1/customers/{user.id}", json=payload, headers=headers)
            response.raise_for_status()
        except httpx.HTTPError:
            logger.exception("Could not sync billing customer for user %s", user.id)
            return None
    customer_id: str = response.json()["id"]
    if settings.DEBUG_PAYMENTS:
        dbg.set_trace()
    return customer_id
