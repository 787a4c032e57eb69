# versions: 3.11+
# __init_subclass__ with keyword arguments (a plugin registry), __class_getitem__ for generic-looking
# classes, __set_name__ on plain attributes, and class decorators adding methods.


class Serializer:
    formats = {}

    def __init_subclass__(cls, /, fmt=None, priority=0, **kwargs):
        super().__init_subclass__(**kwargs)
        if fmt is None:
            raise TypeError(f"{cls.__name__} needs a fmt")
        cls.fmt = fmt
        cls.priority = priority
        Serializer.formats[fmt] = cls
        print(f"  registered {cls.__name__} for {fmt!r} (priority {priority})")

    @classmethod
    def for_format(cls, fmt):
        return cls.formats[fmt]()


class CsvSerializer(Serializer, fmt="csv"):
    def dump(self, rows):
        return "\n".join(",".join(str(v) for v in row) for row in rows)


class TsvSerializer(CsvSerializer, fmt="tsv", priority=5):
    def dump(self, rows):
        return super().dump(rows).replace(",", "\t")


class KvSerializer(Serializer, fmt="kv", priority=1):
    def dump(self, rows):
        return ";".join(f"{r[0]}={r[1]}" for r in rows)


try:
    class Broken(Serializer):
        pass
except TypeError as e:
    print("TypeError:", e)
rows = [("a", 1), ("b", 2)]
for fmt in sorted(Serializer.formats, key=lambda f: Serializer.formats[f].priority):
    s = Serializer.for_format(fmt)
    print(fmt, type(s).__name__, repr(s.dump(rows)))
print(sorted(Serializer.formats), TsvSerializer.fmt, CsvSerializer.fmt, Serializer.__dict__.get("fmt"))


class TypedList:
    def __class_getitem__(cls, item):
        name = item.__name__ if isinstance(item, type) else repr(item)
        print(f"  {cls.__name__}.__class_getitem__({name})")
        return type(f"{cls.__name__}[{name}]", (cls,), {"item_type": item})

    def __init__(self, *values):
        kind = getattr(self, "item_type", object)
        for v in values:
            if not isinstance(v, kind):
                raise TypeError(f"{v!r} is not {kind.__name__}")
        self.values = list(values)

    def __repr__(self):
        return f"{type(self).__name__}({self.values})"


IntList = TypedList[int]
print(IntList(1, 2, 3), IntList.__name__, IntList.item_type.__name__, issubclass(IntList, TypedList))
print(TypedList[str]("x", "y"), TypedList("anything", 1))
try:
    IntList(1, "two")
except TypeError as e:
    print("TypeError:", e)
print(TypedList[(int, str)].item_type, list[int], dict[str, list[int]], type(list[int]).__name__)


class Label:
    def __set_name__(self, owner, name):
        self.text = f"{owner.__name__}.{name}"

    def __repr__(self):
        return f"Label({self.text})"


class Form:
    title = Label()
    footer = Label()


print(Form.title, Form.footer, Form().title.text)


def add_repr(cls):
    fields = [k for k, v in cls.__dict__.items() if not k.startswith("_") and not callable(v)]

    def __repr__(self):
        return cls.__name__ + "(" + ", ".join(f"{f}={getattr(self, f)!r}" for f in fields) + ")"

    cls.__repr__ = __repr__
    cls.field_names = fields
    return cls


def add_compare(cls):
    cls.__eq__ = lambda self, other: repr(self) == repr(other)
    cls.__hash__ = lambda self: hash(repr(self))
    return cls


@add_compare
@add_repr
class Settings:
    host = "localhost"
    port = 8080
    debug = False


s1, s2 = Settings(), Settings()
s2.port = 9090
print(s1, s2, s1 == Settings(), s1 == s2, Settings.field_names, len({s1, Settings(), s2}))
