# onramp-config: max-complexity = 2


def two(a):  # ok: style/complex-function
    if a:
        return 1
    return 0


def three(a, b):  # ruleid: style/complex-function
    if a:
        return 1
    for x in b:
        pass
    return 0


class Handler:
    def handle(self, event):  # ruleid: style/complex-function
        match event:
            case {"type": "a"}:
                pass
            case {"type": "b"}:
                pass
            case other if other:
                pass

    def catch_all(self, event):  # ok: style/complex-function
        match event:
            case 1:
                pass
            case x:
                pass

    async def stream(self, source):  # ok: style/complex-function
        async with source:
            async for chunk in source:
                yield chunk
