# versions: 2.7, 3.6+
from __future__ import print_function


class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, key):
        AppError.__init__(self, "missing: " + key)
        self.key = key


def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise NotFound(key)


def divide(a, b):
    log = []
    try:
        result = a / b
    except ZeroDivisionError:
        log.append("zero")
        result = None
    except (TypeError, ValueError) as e:
        log.append("type " + type(e).__name__)
        result = None
    else:
        log.append("ok")
    finally:
        log.append("finally")
    return result, log


def finally_return():
    try:
        return "try"
    finally:
        print("finally runs before return")


def nested():
    out = []
    try:
        try:
            raise ValueError("inner")
        except ValueError as e:
            out.append("caught " + str(e))
            raise
        finally:
            out.append("inner finally")
    except ValueError:
        out.append("outer caught")
    return out


def loop_with_exceptions():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


print(lookup({"a": 1}, "a"))
try:
    lookup({"a": 1}, "b")
except AppError as e:
    print(type(e).__name__, e.key, str(e))
print(divide(10, 4))
print(divide(1, 0))
print(divide("x", 2))
print(finally_return())
print(nested())
print(loop_with_exceptions())
try:
    [][5]
except IndexError as e:
    print("IndexError:", e)
try:
    int("forty-two")
except ValueError as e:
    print("ValueError:", e)
try:
    raise AppError("a", 2)
except Exception as e:
    print(e.args)
