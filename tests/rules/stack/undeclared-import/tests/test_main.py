import pytest  # ok: stack/undeclared-import
import requests  # ok: stack/undeclared-import

from shop.main import app  # ok: stack/undeclared-import
