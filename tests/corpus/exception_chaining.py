# versions: 3.11+
# Exception chaining: implicit __context__, explicit __cause__ with raise ... from, suppression with
# from None, walking a chain, notes with add_note, and with_traceback/args manipulation.


class ParseError(Exception):
    pass


class ConfigError(Exception):
    pass


def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ParseError(f"bad port {text!r}") from e


def load(config):
    try:
        return parse_port(config["port"])
    except KeyError:
        raise ConfigError("port missing")
    except ParseError as e:
        err = ConfigError("cannot load config")
        err.add_note(f"while reading {config}")
        err.add_note("hint: use digits")
        raise err from e


def chain_of(exc):
    out = []
    while exc is not None:
        how = "cause" if exc.__cause__ is not None else "context" if exc.__context__ is not None else "end"
        out.append(f"{type(exc).__name__}({exc}) [{how}]")
        exc = exc.__cause__ or (None if exc.__suppress_context__ else exc.__context__)
    return out


for config in [{"port": "8080"}, {}, {"port": "eighty"}]:
    try:
        print("loaded", load(config))
    except ConfigError as e:
        print(" -> ".join(chain_of(e)))
        print("   notes:", getattr(e, "__notes__", None))


def cleanup_fails():
    try:
        raise RuntimeError("primary failure")
    finally:
        raise OSError("cleanup failure")


try:
    cleanup_fails()
except OSError as e:
    print(chain_of(e), e.__context__.args)


def suppressed():
    try:
        {}["x"]
    except KeyError:
        raise ValueError("clean message") from None


try:
    suppressed()
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
e = ValueError("manual")
e.__cause__ = KeyError("set by hand")
print(repr(e.__cause__), e.__suppress_context__)
try:
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError:
            raise KeyError("third")
except KeyError as e:
    print(chain_of(e))
err = ValueError("a", 1, [2])
print(err.args, str(err), repr(err))
err.args = ("replaced",)
print(err.args, str(err))
try:
    raise ParseError
except ParseError as e:
    print(repr(e), e.args, str(e) == "")
try:
    raise ConfigError("x") from ValueError("root")
except ConfigError as e:
    print(type(e.__cause__).__name__, e.__cause__.args, e.__traceback__ is not None)
try:
    raise ValueError("bad cause") from 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise ArithmeticError
except ArithmeticError as e:
    print("class raised:", repr(e), isinstance(e, Exception))
