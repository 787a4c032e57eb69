# versions: 3.11+
# Helper module imported by module_imports.py and fail_helper_exception.py: only definitions, plus a
# __main__ guard so that running it as a program prints something fixed.

VERSION = (1, 4, 2)
counter = 0
registry = []
_private_note = "underscore names are skipped by star imports"
__all__ = ["greet", "Counter", "bump", "register", "VERSION", "HelperError", "area"]


class HelperError(Exception):
    """Raised by validate(); its qualified name includes the module."""

    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field


def greet(name, punctuation="!"):
    return f"Hello from corpus_mod_helper, {name}{punctuation}"


def bump(step=1):
    global counter
    counter += step
    return counter


def register(item):
    registry.append(item)
    return len(registry)


def validate(record):
    for field in ("id", "name"):
        if field not in record:
            raise HelperError(field, "missing")
    if not isinstance(record["id"], int):
        raise HelperError("id", f"expected int, got {type(record['id']).__name__}")
    return True


def area(shape, *dims):
    if shape == "square":
        return dims[0] ** 2
    if shape == "rect":
        return dims[0] * dims[1]
    raise HelperError("shape", f"unknown shape {shape!r}")


class Counter:
    instances = 0

    def __init__(self, start=0):
        Counter.instances += 1
        self.value = start

    def incr(self, by=1):
        self.value += by
        return self

    def __repr__(self):
        return f"Counter({self.value})"


if __name__ == "__main__":
    print("corpus_mod_helper run as a program: version", ".".join(map(str, VERSION)))
    print(greet("main"), bump(), bump(2), Counter(5).incr().incr(3))
