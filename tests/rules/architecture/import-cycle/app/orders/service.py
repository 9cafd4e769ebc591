from app.billing.invoices import make_invoice  # ok: architecture/import-cycle
from app.users.accounts import get_user  # ok: architecture/import-cycle


def place_order(user_id: int) -> str:
    return make_invoice(get_user(user_id))
