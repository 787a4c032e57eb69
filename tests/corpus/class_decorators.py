# versions: 3.11+
# Class decorators and decorators on methods: a singleton, an auto-generated __repr__, an __init__
# wrapper validating fields, decorators under @property/@classmethod, and a registry decorator usable
# with or without arguments.
call_log = []


def logged(prefix):
    def decorator(func):
        def wrapper(*args, **kwargs):
            call_log.append(f"{prefix}:{func.__name__}{args}")
            return func(*args, **kwargs)
        wrapper.__name__ = func.__name__
        return wrapper
    return decorator


def singleton(cls):
    instances = {}

    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    get.cls = cls
    return get


@singleton
class Database:
    def __init__(self, url):
        self.url = url


db1, db2 = Database("sqlite://a"), Database("sqlite://b")
print(db1 is db2, db1.url, Database.cls.__name__)


def auto_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls


def validate_positive(*names):
    def decorator(cls):
        original = cls.__init__

        def __init__(self, *args, **kwargs):
            original(self, *args, **kwargs)
            for n in names:
                if getattr(self, n) <= 0:
                    raise ValueError(f"{cls.__name__}.{n} must be positive")
        cls.__init__ = __init__
        return cls
    return decorator


@auto_repr
@validate_positive("width", "height")
class Box:
    def __init__(self, width, height, label=""):
        self.width, self.height, self.label = width, height, label

    @property
    @logged("prop")
    def area(self):
        return self.width * self.height

    @classmethod
    @logged("cls")
    def square(cls, side):
        return cls(side, side, "square")


print(Box(2, 3), Box(2, 3).area, Box.square(4), Box.square(4).area)
try:
    Box(0, 5)
except ValueError as e:
    print("ValueError:", e)
print(call_log[-4:])
registry = {}


def register(name=None):
    def decorator(func):
        registry[name or func.__name__] = func
        return func
    if callable(name):
        func, name = name, None
        return decorator(func)
    return decorator


@register
def alpha():
    return "a"


@register("beta-custom")
def beta():
    return "b"


print(sorted(registry), [registry[k]() for k in sorted(registry)])
