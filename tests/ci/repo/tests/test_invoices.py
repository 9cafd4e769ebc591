from app.invoices import issue


def test_issue():
    breakpoint()
    assert issue
