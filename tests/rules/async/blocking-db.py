# onramp-path: app/repository.py
import asyncio
import sqlite3

import psycopg2
import pymongo
import redis
import redis.asyncio as aioredis
from fastapi import Depends
from redis import asyncio as redis_async
from sqlalchemy import create_engine, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import Session, sessionmaker

from app.models import User

engine = create_engine("postgresql://localhost/app")
SessionLocal = sessionmaker(bind=engine)
async_engine = create_async_engine("postgresql+asyncpg://localhost/app")
AsyncSessionLocal = async_sessionmaker(async_engine)
cache = redis.Redis(host="localhost")


def get_db():
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


async def drivers() -> None:
    conn = psycopg2.connect("dbname=app")  # ruleid: async/blocking-db
    cur = conn.cursor()  # ruleid: async/blocking-db
    lite = sqlite3.connect("app.db")  # ruleid: async/blocking-db
    lite.execute("select 1")  # ruleid: async/blocking-db
    mongo = pymongo.MongoClient()
    mongo.server_info()  # ruleid: async/blocking-db
    cur.execute("select 1")  # ruleid: async/blocking-db


async def list_users(db: Session = Depends(get_db)) -> list:
    return db.query(User).all()  # ruleid: async/blocking-db


async def session_from_factory(user_id: int) -> None:
    SessionLocal().query(User).get(user_id)  # ruleid: async/blocking-db
    with SessionLocal() as session:
        session.execute(select(User))  # ruleid: async/blocking-db
        session.commit()  # ruleid: async/blocking-db
    s = Session(engine)
    s.scalars(select(User))  # ruleid: async/blocking-db


async def engine_calls() -> None:
    with engine.connect() as conn:  # ruleid: async/blocking-db
        conn.execute(select(User))  # ruleid: async/blocking-db


async def async_sessions(db: AsyncSession) -> None:
    await db.execute(select(User))  # ok: async/blocking-db
    await db.commit()  # ok: async/blocking-db
    async with AsyncSessionLocal() as session:
        await session.scalars(select(User))  # ok: async/blocking-db
    async with async_engine.connect() as conn:  # ok: async/blocking-db
        await conn.execute(select(User))  # ok: async/blocking-db


async def redis_clients(key: str) -> None:
    cache.get(key)  # ruleid: async/blocking-db
    r = redis.Redis()
    r.set(key, 1)  # ruleid: async/blocking-db
    r.pipeline().execute()  # ruleid: async/blocking-db
    ar = aioredis.Redis()
    await ar.get(key)  # ok: async/blocking-db
    ar2 = redis_async.from_url("redis://localhost")
    await ar2.set(key, 1)  # ok: async/blocking-db
    ar3 = redis.asyncio.Redis()
    await ar3.get(key)  # ok: async/blocking-db


async def handed_to_threads(user_id: int) -> None:
    await asyncio.to_thread(load_user, user_id)  # ok: async/blocking-db
    await asyncio.get_running_loop().run_in_executor(None, cache.get, "k")  # ok: async/blocking-db


async def shadowed(db, cache) -> None:
    db.query(User)  # ok: async/blocking-db
    cache.get("k")  # ok: async/blocking-db


def load_user(user_id: int):
    with SessionLocal() as session:
        return session.get(User, user_id)  # ok: async/blocking-db


def user_or_none(user_id: int):
    return load_user(user_id)


async def profile(user_id: int) -> None:
    user_or_none(user_id)  # ruleid: async/blocking-db
