import pdb  # onramp: ignore[sandbox/debugger-import]  # ok: check/unused-suppression
import json  # onramp: ignore[sandbox/debugger-import]  # ruleid: check/unused-suppression


def cancel(order):
    breakpoint()  # onramp: ignore[sandbox/debugger-call]  # ok: check/unused-suppression
    breakpoint()  # onramp: ignore  # ok: check/unused-suppression
    breakpoint()  # onramp: ignore[sandbox]  # ok: check/unused-suppression
    order.status = "cancelled"  # onramp: ignore  # ruleid: check/unused-suppression
    order.save()  # onramp: ignore[sandbox/debugger-call]  # ruleid: check/unused-suppression


def ship(order):
    # A typo in the id suppresses nothing while looking as if it did.
    breakpoint()  # onramp: ignore[sandbox/debuger-call]  # ruleid: check/unused-suppression
    # One id used, one not: the unused one is reported.
    pdb.set_trace()  # onramp: ignore[sandbox/debugger-call, async/blocking-sleep]  # ruleid: check/unused-suppression
    # Not a directive onramp knows.
    order.ship()  # onramp: ignored  # ruleid: check/unused-suppression
    # Ruff's own comments are ruff's business (RUF100), never reported here.
    order.save()  # noqa: E501  # ok: check/unused-suppression


def notify(order):
    # On the first line of a multi-line statement, it covers the whole statement.
    send(  # onramp: ignore[sandbox/debugger-call]  # ok: check/unused-suppression
        order,
        breakpoint(),
    )
    # On a later line of it, only that line.
    send(
        order,  # onramp: ignore[sandbox/debugger-call]  # ruleid: check/unused-suppression
        breakpoint(),
    )


def send(*args):
    pass
