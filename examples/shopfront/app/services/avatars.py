import io
import logging

import httpx
import requests
from PIL import Image

from app.core.config import settings
from app.models.user import User

logger = logging.getLogger(__name__)

THUMBNAIL_SIZE = (128, 128)
DEFAULT_AVATAR = "default.png"


def avatar_url_for(user: User) -> str:
    if user.avatar_url:
        return user.avatar_url
    return f"{settings.AVATAR_CDN_URL}/{DEFAULT_AVATAR}"


def load_avatar(user: User) -> bytes:
    url = avatar_url_for(user)
    logger.debug("Loading avatar for user %s from %s", user.id, url)
    return _download(url)


def _download(url: str) -> bytes:
    response = requests.get(url, timeout=5)
    response.raise_for_status()
    return response.content


async def fetch_avatar(user: User) -> bytes:
    async with httpx.AsyncClient(timeout=5.0, follow_redirects=True) as client:
        response = await client.get(avatar_url_for(user))
        response.raise_for_status()
        return response.content


def make_thumbnail(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        image = image.convert("RGB")
        image.thumbnail(THUMBNAIL_SIZE)
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=85)
    return out.getvalue()
