# onramp-path: app/tests/test_checkout.py
# onramp-config: max-function-lines = 3


def test_checkout_flow() -> None:  # ok: style/long-function
    cart = {"items": []}
    cart["items"].append("book")
    cart["items"].append("pen")
    assert len(cart["items"]) == 2
