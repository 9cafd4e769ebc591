# onramp-path: tests/test_orders.py
def test_total():
    # ok: logging/print-call
    print("debugging a test is fine")
