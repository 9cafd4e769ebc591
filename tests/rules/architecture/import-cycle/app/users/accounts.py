from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.orders.service import place_order  # ok: architecture/import-cycle


class Account:
    pass


def get_user(user_id: int) -> str:
    return str(user_id)
