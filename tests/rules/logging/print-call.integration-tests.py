# onramp-path: integration_tests/src/shop_integration_tests/utils/server.py
# An integration-test suite by another name (`integration_tests/`) is test code.
def wait_for_server() -> None:
    # ok: logging/print-call
    print("waiting for the server")
