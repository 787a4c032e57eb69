# versions: 3.11+
# A dataclass-like class decorator written by hand: reads __annotations__ and defaults, generates
# __init__ (with closures), __repr__, __eq__, ordering, optional frozen instances, asdict and replace.

MISSING = object()


def record(cls=None, *, frozen=False, order=False):
    def build(cls):
        fields = list(getattr(cls, "__annotations__", {}))
        defaults = {f: cls.__dict__[f] for f in fields if f in cls.__dict__}

        def __init__(self, *args, **kwargs):
            if len(args) > len(fields):
                raise TypeError(f"{cls.__name__} takes {len(fields)} arguments, got {len(args)}")
            values = dict(zip(fields, args))
            for k, v in kwargs.items():
                if k not in fields:
                    raise TypeError(f"{cls.__name__} got an unexpected field {k!r}")
                if k in values:
                    raise TypeError(f"{cls.__name__} got multiple values for {k!r}")
                values[k] = v
            for f in fields:
                value = values.get(f, defaults.get(f, MISSING))
                if value is MISSING:
                    raise TypeError(f"{cls.__name__} missing field {f!r}")
                object.__setattr__(self, f, list(value) if isinstance(value, list) else value)
            if hasattr(self, "__post_init__"):
                self.__post_init__()

        def __repr__(self):
            return f"{cls.__name__}(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in fields) + ")"

        def astuple(self):
            return tuple(getattr(self, f) for f in fields)

        def __eq__(self, other):
            return type(other) is type(self) and astuple(self) == astuple(other)

        cls.__init__, cls.__repr__, cls.__eq__ = __init__, __repr__, __eq__
        cls.__match_args__ = tuple(fields)
        cls._fields = tuple(fields)
        if order:
            cls.__lt__ = lambda self, other: astuple(self) < astuple(other)
        if frozen:
            def __setattr__(self, name, value):
                raise AttributeError(f"cannot assign to field {name!r} of frozen {cls.__name__}")
            cls.__setattr__ = __setattr__
            cls.__hash__ = lambda self: hash(astuple(self))
        else:
            cls.__hash__ = None
        return cls
    return build if cls is None else build(cls)


def asdict(obj):
    return {f: asdict(v) if hasattr(v, "_fields") else v for f in obj._fields for v in [getattr(obj, f)]}


def replace(obj, **changes):
    return type(obj)(**{**asdict(obj), **changes})


@record
class Item:
    name: str
    price: float = 0.0
    tags: list = []

    def __post_init__(self):
        if self.price < 0:
            raise ValueError(f"negative price for {self.name}")


@record(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0


a = Item("pen", 1.5)
b = Item("pen", 1.5)
c = Item(name="book", tags=["paper"])
a.tags.append("blue")
print(a, c, a == b, a == c, a.tags, b.tags, Item._fields, Item.__match_args__)
for bad in [lambda: Item(), lambda: Item("x", 1, [], 4), lambda: Item("x", colour="red"), lambda: Item("x", name="y"),
            lambda: Item("x", -1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
v = [Version(1, 2), Version(1, 10), Version(0, 9, 9), Version(1, 2, 1), Version(2)]
print(sorted(v), max(v), Version(1, 2) == Version(1, 2, 0), len(set(v + [Version(2, 0, 0)])))
try:
    v[0].major = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)
print(asdict(c), replace(v[0], patch=7), replace(a, price=2.0))
match Version(3, 1):
    case Version(3, minor):
        print("major 3, minor", minor)
