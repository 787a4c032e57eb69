# versions: 3.11+
# Re-raising and handler state: bare raise, raising a new exception in a handler, raise from and
# from None (cause/context/suppress flags), the except-variable being cleared, and sys.exc_info.
import sys


def reraise(mode):
    try:
        try:
            {}["k"]
        except KeyError as e:
            if mode == "bare":
                raise
            if mode == "new":
                raise LookupError("replaced")
            if mode == "from":
                raise LookupError("explicit") from e
            if mode == "from-none":
                raise LookupError("quiet") from None
    except LookupError as outer:
        return (type(outer).__name__, str(outer), type(outer.__cause__).__name__,
                type(outer.__context__).__name__, outer.__suppress_context__)


for mode in ["bare", "new", "from", "from-none"]:
    print(mode, reraise(mode))


def cleanup_order():
    events = []
    try:
        try:
            try:
                events.append("inner")
                raise OSError("disk")
            finally:
                events.append("inner finally")
        except ValueError:
            events.append("wrong handler")
        finally:
            events.append("middle finally")
    except OSError as e:
        events.append(f"outer caught {e}")
    finally:
        events.append("outer finally")
    return events


print(cleanup_order())


def handler_variable_cleared():
    try:
        1 / 0
    except ZeroDivisionError as err:
        message = str(err)
    try:
        err
    except NameError as e:
        return message, "name cleared: " + str(e)


print(handler_variable_cleared())
try:
    raise TypeError("current")
except TypeError:
    info = sys.exc_info()
    print(info[0].__name__, info[1], info[2] is not None, repr(sys.exception()))
print(sys.exc_info(), "outside handlers")
