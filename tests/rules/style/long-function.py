# onramp-config: max-function-lines = 5


def short(a):  # ok: style/long-function
    b = a + 1
    c = b + 1
    d = c + 1
    return d


def long(a):  # ruleid: style/long-function
    b = a + 1
    c = b + 1
    d = c + 1
    e = d + 1
    return e


class Service:
    @staticmethod
    def decorated(a):  # ok: style/long-function
        # Decorators are not counted; the def line is.
        b = a + 1
        c = b + 1
        return c

    async def documented(self):  # ruleid: style/long-function
        """A docstring counts.

        So do blank lines and comments inside the body.
        """
        return None
