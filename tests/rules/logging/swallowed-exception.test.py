# onramp-path: tests/test_cleanup.py
def test_cleanup(tmp_path):
    try:
        tmp_path.rmdir()
    # ok: logging/swallowed-exception
    except Exception:
        pass
