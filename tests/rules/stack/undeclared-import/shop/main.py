from __future__ import annotations

import os  # ok: stack/undeclared-import
from typing import TYPE_CHECKING

import magic  # ok: stack/undeclared-import
import yaml  # ok: stack/undeclared-import
from fastapi import FastAPI  # ok: stack/undeclared-import

import helpers  # ok: stack/undeclared-import
import shop_plugins.extra  # ok: stack/undeclared-import
from shop import helpers as h  # ok: stack/undeclared-import

from . import helpers as rel  # ok: stack/undeclared-import

# ruleid: stack/undeclared-import
import requests

# ruleid: stack/undeclared-import
import jwt

# sqlmodel ships sqlalchemy and exposes its API: reported as info
# ruleid: stack/undeclared-import severity=info
from sqlalchemy import select

if TYPE_CHECKING:
    # ruleid: stack/undeclared-import severity=info
    import boto3

try:
    # ruleid: stack/undeclared-import severity=info
    import ujson
except ImportError:
    ujson = None

app = FastAPI()
