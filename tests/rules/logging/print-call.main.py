# onramp-path: app/report.py
def render(rows):
    # ok: logging/print-call
    print("\n".join(rows))


if __name__ == "__main__":
    # ok: logging/print-call
    print(render(["a", "b"]))
