import celery  # ok: stack/undeclared-import

import shop  # ok: stack/undeclared-import

# ruleid: stack/undeclared-import
import httpx
