# versions: 3.6+


class ConfigError(Exception):
    pass


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError("bad number: " + text) from e


def hide(text):
    try:
        return int(text)
    except ValueError:
        raise ConfigError("hidden cause") from None


def implicit():
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("during handling")


for fn, arg in [(parse, "12"), (parse, "x"), (hide, "y")]:
    try:
        print(fn(arg))
    except ConfigError as err:
        print("error:", err)
        print("  cause:", repr(err.__cause__))
        print("  suppress:", err.__suppress_context__)
        print("  context type:", type(err.__context__).__name__)

try:
    implicit()
except RuntimeError as err:
    print("implicit context:", type(err.__context__).__name__, err.__cause__)

try:
    try:
        raise TypeError("first")
    finally:
        print("finally while propagating")
except TypeError as e:
    print("propagated", e)
