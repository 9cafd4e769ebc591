def serve() -> None:
    # ruleid: logging/print-call
    print("serving")
