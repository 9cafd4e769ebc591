from typing import TYPE_CHECKING

from app.api.deps import current_user  # ruleid: architecture/layer-violation
from app.services import pricing  # ruleid: architecture/layer-violation

if TYPE_CHECKING:
    from app.api.deps import User  # ok: architecture/layer-violation


class Order:
    owner = current_user
    total = pricing.total
