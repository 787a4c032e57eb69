# versions: 3.11+
# Custom exception hierarchies: extra attributes, __str__ overrides, catching by base class, handler
# order, BaseException versus Exception, exception classes in tuples, and a validation report.


class AppError(Exception):
    code = 1

    def __init__(self, message, *, detail=None):
        super().__init__(message)
        self.detail = detail

    def __str__(self):
        base = super().__str__()
        return f"[E{self.code}] {base}" + (f" ({self.detail})" if self.detail else "")


class ValidationError(AppError):
    code = 10

    def __init__(self, field, message):
        super().__init__(f"{field}: {message}", detail="validation")
        self.field = field


class NotFoundError(AppError, LookupError):
    code = 44


class Shutdown(BaseException):
    pass


def risky(kind):
    if kind == "validation":
        raise ValidationError("age", "must be positive")
    if kind == "notfound":
        raise NotFoundError("user 7", detail="db")
    if kind == "app":
        raise AppError("generic")
    if kind == "shutdown":
        raise Shutdown("stop now")
    if kind == "builtin":
        raise LookupError("plain lookup")
    return "fine"


for kind in ["ok", "validation", "notfound", "app", "builtin", "shutdown"]:
    try:
        print(kind, "->", risky(kind))
    except ValidationError as e:
        print(kind, "-> ValidationError", e.field, str(e), e.args, e.code)
    except LookupError as e:
        print(kind, "-> LookupError handler got", type(e).__name__, str(e))
    except AppError as e:
        print(kind, "-> AppError", repr(e), e.detail)
    except Exception as e:
        print(kind, "-> never", e)
    except BaseException as e:
        print(kind, "-> BaseException handler got", type(e).__name__, e)
print([c.__name__ for c in NotFoundError.__mro__])
print(issubclass(ValidationError, Exception), issubclass(Shutdown, Exception), isinstance(Shutdown(), BaseException))
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(UnicodeDecodeError, ValueError))
print(issubclass(FileNotFoundError, OSError), issubclass(RecursionError, RuntimeError), issubclass(StopIteration, Exception))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(NotImplementedError, RuntimeError), issubclass(KeyboardInterrupt, Exception))
recoverable = (ValueError, KeyError, ValidationError)
for exc in [ValueError("v"), KeyError("k"), ValidationError("f", "m"), TypeError("t")]:
    try:
        raise exc
    except recoverable as e:
        print("recovered", type(e).__name__)
    except Exception as e:
        print("unrecoverable", type(e).__name__)


def validate(record):
    errors = []
    checks = [
        ("name", lambda v: isinstance(v, str) and v, "required"),
        ("age", lambda v: isinstance(v, int) and 0 < v < 150, "out of range"),
        ("email", lambda v: isinstance(v, str) and "@" in v, "invalid"),
    ]
    for field, check, message in checks:
        try:
            if not check(record.get(field)):
                raise ValidationError(field, message)
        except ValidationError as e:
            errors.append(e)
    return errors


for record in [{"name": "ann", "age": 30, "email": "a@x"}, {"name": "", "age": 200}, {}]:
    errs = validate(record)
    print(len(errs), [str(e) for e in errs])
e = KeyError("key")
print(str(e), repr(e), e.args, str(KeyError("a", "b")), str(KeyError()), repr(OSError(2, "No such file")))
o = OSError(2, "No such file", "x.txt")
print(type(o).__name__, o.errno, o.strerror, o.filename, str(o))
print(str(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
print(StopIteration(7).value, SystemExit(4).code, str(AttributeError("attr", name="n", obj=None)))
