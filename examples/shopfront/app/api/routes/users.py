import asyncio
import logging

import httpx
from fastapi import APIRouter, HTTPException, Response, status
from pydantic import BaseModel, EmailStr

from app.api.deps import CurrentUser, SessionDep
from app.models.user import User
from app.schemas.user import UserCreate, UserRead, UserUpdate
from app.services import avatars
from app.services import users as users_service

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/users", tags=["users"])


class LoginRequest(BaseModel):
    email: EmailStr
    password: str


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"


@router.post("", response_model=UserRead, status_code=status.HTTP_201_CREATED)
async def register(data: UserCreate, session: SessionDep) -> User:
    try:
        return await users_service.create_user(session, data)
    except users_service.UserAlreadyExists:
        raise HTTPException(status.HTTP_409_CONFLICT, "Email already registered") from None


@router.post("/login", response_model=TokenResponse)
async def login(data: LoginRequest, session: SessionDep) -> TokenResponse:
    user = await users_service.authenticate(session, data.email, data.password)
    if user is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "Incorrect email or password")
    return TokenResponse(access_token=users_service.create_access_token(user.id))


@router.get("/me", response_model=UserRead)
async def read_me(current_user: CurrentUser) -> User:
    return current_user


@router.patch("/me", response_model=UserRead)
async def update_me(data: UserUpdate, session: SessionDep, current_user: CurrentUser) -> User:
    return await users_service.update_user(session, current_user, data)


@router.get("/{user_id}/avatar")
async def get_avatar(user_id: int, session: SessionDep) -> Response:
    user = await session.get(User, user_id)
    if user is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "User not found")
    data = avatars.load_avatar(user)
    return Response(content=data, media_type="image/png")


@router.get("/me/avatar/thumbnail")
async def get_my_thumbnail(current_user: CurrentUser) -> Response:
    try:
        data = await avatars.fetch_avatar(current_user)
    except httpx.HTTPError:
        logger.exception("Avatar download failed for user %s", current_user.id)
        raise HTTPException(status.HTTP_502_BAD_GATEWAY, "Avatar unavailable") from None
    thumbnail = await asyncio.to_thread(avatars.make_thumbnail, data)
    return Response(content=thumbnail, media_type="image/jpeg")
