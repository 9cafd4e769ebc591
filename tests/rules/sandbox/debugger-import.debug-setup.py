# onramp-path: app/debugging.py
# A module whose remote attach runs only when switched on is a debug set-up.
import debugpy  # ok: sandbox/debugger-import
import pdb  # ruleid: sandbox/debugger-import


def maybe_attach(port: int) -> None:
    if not debugpy.is_client_connected():
        debugpy.listen(("0.0.0.0", port))
