# onramp-path: app/clients.py
import asyncio
import http.client
import urllib.request
from urllib.request import urlopen as fetch_url

import aiohttp
import anyio.to_thread
import httpx
import requests
import requests as r
import urllib3
from requests import get as http_get
from requests import post

CDN = "https://cdn.example.com"


async def module_functions(url: str) -> None:
    requests.get(url, timeout=5)  # ruleid: async/blocking-http
    r.post(url, json={})  # ruleid: async/blocking-http
    http_get(url)  # ruleid: async/blocking-http
    post(url)  # ruleid: async/blocking-http
    requests.request("PUT", url)  # ruleid: async/blocking-http
    urllib.request.urlopen(url)  # ruleid: async/blocking-http
    fetch_url(url)  # ruleid: async/blocking-http
    httpx.get(url)  # ruleid: async/blocking-http
    urllib3.request("GET", url)  # ruleid: async/blocking-http


async def receivers(url: str) -> None:
    client = httpx.Client()
    client.get(url)  # ruleid: async/blocking-http
    with httpx.Client(base_url=CDN) as c:
        c.post("/x")  # ruleid: async/blocking-http
    with requests.Session() as s:
        s.get(url)  # ruleid: async/blocking-http
    session = requests.session()
    session.put(url)  # ruleid: async/blocking-http
    requests.Session().get(url)  # ruleid: async/blocking-http
    pool = urllib3.PoolManager()
    pool.request("GET", url)  # ruleid: async/blocking-http
    conn = http.client.HTTPSConnection("example.com")
    conn.request("GET", "/")  # ruleid: async/blocking-http
    conn.getresponse()  # ruleid: async/blocking-http


async def annotated(client: httpx.Client, url: str) -> None:
    client.get(url)  # ruleid: async/blocking-http


async def async_clients(url: str) -> None:
    async with httpx.AsyncClient() as client:
        await client.get(url)  # ok: async/blocking-http
    ac = httpx.AsyncClient()
    await ac.post(url)  # ok: async/blocking-http
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as resp:  # ok: async/blocking-http
            await resp.text()


async def annotated_async(client: httpx.AsyncClient, url: str) -> None:
    await client.get(url)  # ok: async/blocking-http


async def not_http(cache: dict, url: str) -> None:
    cache.get(url)  # ok: async/blocking-http
    {"a": 1}.get("a")  # ok: async/blocking-http


async def shadowed(requests, url: str) -> None:
    requests.get(url)  # ok: async/blocking-http


async def local_function_named_get(url: str) -> None:
    def get(u: str) -> str:
        return u

    get(url)  # ok: async/blocking-http


async def handed_to_threads(url: str) -> None:
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, requests.get, url)  # ok: async/blocking-http
    await asyncio.to_thread(requests.get, url)  # ok: async/blocking-http
    await anyio.to_thread.run_sync(lambda: requests.get(url))  # ok: async/blocking-http


def sync_view(url: str) -> bytes:
    return requests.get(url).content  # ok: async/blocking-http


def download_avatar(user_id: int) -> bytes:
    return fetch_avatar(user_id)


def fetch_avatar(user_id: int) -> bytes:
    return requests.get(f"{CDN}/{user_id}.png", timeout=5).content  # ok: async/blocking-http


async def get_user(user_id: int) -> bytes:
    return download_avatar(user_id)  # ruleid: async/blocking-http
