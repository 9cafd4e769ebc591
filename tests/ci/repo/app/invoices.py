import pdb  # noqa: T100
import ipdb as dbg


def issue(invoice):
    breakpoint()
    invoice.number = next_number()
    return invoice


def void(invoice):
    breakpoint()  # onramp: ignore[sandbox/debugger-call]
    pdb.set_trace()  # onramp: ignore[sandbox/debugger-call, sandbox/debugger-imprt]
    invoice.voided = True  # onramp: ignore
    notify(  # onramp: ignore[sandbox/debugger-call]
        invoice,
        dbg.set_trace(),
    )


def next_number():
    return 1


def notify(*args):
    pass
