"""A maintenance script whose name needs escaping in every CI format."""


def main():
    breakpoint()
