from typing import TYPE_CHECKING

from app.orders import service  # ruleid: architecture/import-cycle

if TYPE_CHECKING:
    from app.users.accounts import Account  # ok: architecture/import-cycle


def make_invoice(user: str) -> str:
    return f"invoice for {user} via {service.__name__}"
