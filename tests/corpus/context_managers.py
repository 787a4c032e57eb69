# versions: 3.11+
# Context managers written as classes: __enter__ return values, __exit__ seeing exceptions and
# suppressing some, a transaction with rollback, and a manager redirecting sys.stdout.
import sys


class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.caught = []

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kinds):
            self.caught.append(f"{exc_type.__name__}: {exc}")
            return True
        return False


with Suppress(KeyError, ZeroDivisionError) as s:
    {}["missing"]
with s:
    1 / 0
with s:
    print("no exception here")
print(s.caught)
try:
    with Suppress(KeyError):
        int("x")
except ValueError as e:
    print("not suppressed:", e)


class Transaction:
    def __init__(self, store):
        self.store = store

    def __enter__(self):
        self.snapshot = dict(self.store)
        print("  begin", self.snapshot)
        return self.store

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("  commit", self.store)
        else:
            self.store.clear()
            self.store.update(self.snapshot)
            print(f"  rollback after {exc_type.__name__}: {exc}")
        return False


accounts = {"alice": 100, "bob": 50}


def transfer(src, dst, amount):
    with Transaction(accounts) as acc:
        acc[src] -= amount
        if acc[src] < 0:
            raise ValueError(f"{src} would be overdrawn")
        acc[dst] += amount


for args in [("alice", "bob", 30), ("bob", "alice", 500), ("bob", "carol", 10)]:
    try:
        transfer(*args)
    except (ValueError, KeyError) as e:
        print("transfer failed:", type(e).__name__, e)
print(accounts)


class Capture:
    def __enter__(self):
        self.saved = sys.stdout
        self.lines = []
        outer = self

        class Writer:
            def write(self, text):
                outer.lines.append(text)
                return len(text)

            def flush(self):
                pass

        sys.stdout = Writer()
        return self.lines

    def __exit__(self, *exc):
        sys.stdout = self.saved


with Capture() as captured:
    print("this goes into the list")
    print("so does", "this", sep="|")
print("captured:", captured)
