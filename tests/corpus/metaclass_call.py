# versions: 3.11+
# Metaclasses that customise instantiation and class behaviour: __call__ for singletons and
# instance counting, __len__/__iter__/__getitem__ on classes, type(name, bases, ns), validation in __new__.


class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            print(f"  creating the one {cls.__name__}")
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Settings(metaclass=Singleton):
    def __init__(self, env="dev"):
        self.env = env


a = Settings("prod")
b = Settings("test")
print(a is b, a.env, b.env, len(Singleton._instances))


class Counted(type):
    def __call__(cls, *args, **kwargs):
        obj = super().__call__(*args, **kwargs)
        cls.created = getattr(cls, "created", 0) + 1
        return obj

    def __len__(cls):
        return getattr(cls, "created", 0)

    def __iter__(cls):
        return iter(range(len(cls)))

    def __getitem__(cls, key):
        return f"{cls.__name__}[{key}]"


class Widget(metaclass=Counted):
    def __init__(self, n):
        self.n = n


ws = [Widget(i) for i in range(4)]
print(len(Widget), list(Widget), Widget["int"], Widget.created, ws[2].n)


def describe(self):
    return f"{type(self).__name__} with {self.__dict__}"


Dyn = type("Dyn", (object,), {"describe": describe, "kind": "dynamic", "__repr__": lambda self: "<Dyn>"})
d = Dyn()
d.x = 1
print(Dyn.__name__, Dyn.kind, d.describe(), repr(d), Dyn.__bases__, type(Dyn).__name__)
Child = type("Child", (Dyn,), {})
print(Child().describe(), Child.__mro__[1] is Dyn, Child.__qualname__, Child.__module__)


class Validating(type):
    def __new__(mcls, name, bases, ns):
        missing = [m for m in ns.get("required", ()) if m not in ns]
        if missing:
            raise TypeError(f"class {name} is missing {missing}")
        return super().__new__(mcls, name, bases, ns)


class Plugin(metaclass=Validating):
    required = ("run",)

    def run(self):
        return "running"


print(Plugin().run())
try:
    class BrokenPlugin(metaclass=Validating):
        required = ("run", "stop")

        def run(self):
            pass
except TypeError as e:
    print("TypeError:", e)
print(type(type), type(int), type(Plugin).__mro__[1], isinstance(int, type))
