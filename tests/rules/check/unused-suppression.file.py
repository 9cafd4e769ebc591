# onramp: ignore-file[sandbox/debugger-call]  # ok: check/unused-suppression
# onramp: ignore-file[sandbox/debugger-import]  # ruleid: check/unused-suppression
# onramp: ignore-file  # ok: check/unused-suppression


def cancel(order):
    breakpoint()
    order.status = "cancelled"
