# versions: 3.11+
# Nested with statements: indentation-tracking managers in nested and multi-item with, exceptions
# passing through several __exit__ calls, an exception raised inside __exit__, return/continue/break
# leaving with blocks, and an object without the context manager protocol.


class Tag:
    depth = 0

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("  " * Tag.depth + f"<{self.name}>")
        Tag.depth += 1
        return self.name

    def __exit__(self, exc_type, exc, tb):
        Tag.depth -= 1
        print("  " * Tag.depth + f"</{self.name}>" + (f" ({exc_type.__name__})" if exc_type else ""))


with Tag("html"):
    with Tag("body") as body, Tag("div") as div:
        print("  " * Tag.depth + f"text in {body}/{div}")
try:
    with Tag("a"), Tag("b"):
        raise RuntimeError("inside b")
except RuntimeError as e:
    print("propagated:", e)


class FailingExit:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        raise OSError("exit failed")


try:
    with FailingExit():
        raise KeyError("original")
except OSError as e:
    print("OSError:", e, "| context:", repr(e.__context__))


class NoEnter:
    pass


try:
    with NoEnter():
        pass
except TypeError as e:
    print("TypeError:", e)


def early_return():
    with Tag("func"):
        for i in range(5):
            if i == 2:
                return i
    return -1


print("returned", early_return())
for i in range(3):
    with Tag(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
print("done")
