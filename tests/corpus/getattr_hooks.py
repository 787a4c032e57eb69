# versions: 3.11+
# Attribute hooks: __getattr__ as a fallback, __getattribute__ intercepting everything, __setattr__
# and __delattr__ validation, a delegating proxy, getattr/setattr/hasattr/delattr builtins with defaults.


class Config:
    def __init__(self, **values):
        object.__setattr__(self, "_values", dict(values))
        object.__setattr__(self, "_log", [])

    def __getattr__(self, name):
        self._log.append("miss " + name)
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"no setting named {name!r}") from None

    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError(f"cannot set private {name}")
        self._log.append("set " + name)
        self._values[name] = value

    def __delattr__(self, name):
        self._log.append("del " + name)
        del self._values[name]


c = Config(host="localhost", port=80)
print(c.host, c.port, getattr(c, "debug", False), hasattr(c, "host"), hasattr(c, "nope"))
c.port = 8080
setattr(c, "debug", True)
print(c.port, c.debug, c._values)
del c.debug
print(hasattr(c, "debug"), c._log)
for action in ("private", "missing"):
    try:
        if action == "private":
            c._secret = 1
        else:
            c.missing
    except AttributeError as e:
        print("AttributeError:", e)


class Traced:
    def __init__(self):
        self.value = 10

    def __getattribute__(self, name):
        if not name.startswith("__"):
            print(f"  get {name}")
        return super().__getattribute__(name)

    def double(self):
        return self.value * 2


t = Traced()
print(t.double())
print(getattr(t, "value"), type(t).__name__)


class Proxy:
    def __init__(self, target):
        self._target = target
        self._calls = {}

    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if callable(attr):
            def wrapper(*args, **kwargs):
                self._calls[name] = self._calls.get(name, 0) + 1
                return attr(*args, **kwargs)
            return wrapper
        return attr


p = Proxy([3, 1, 2])
p.append(0)
p.sort()
p.append(9)
print(p._target, p.count(9), p.index(3), p._calls, len(p._target))
try:
    len(p)
except TypeError as e:
    print("TypeError:", e)
try:
    p.nonexistent
except AttributeError as e:
    print("AttributeError:", e)


class Namespace:
    pass


ns = Namespace()
for i, name in enumerate(["alpha", "beta", "gamma"]):
    setattr(ns, name, i * i)
print(vars(ns), [getattr(ns, n) for n in ("alpha", "beta", "gamma")])
delattr(ns, "beta")
print(vars(ns), getattr(ns, "beta", "gone"))
try:
    delattr(ns, "beta")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(ns, "zeta")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(ns, 42)
except TypeError as e:
    print("TypeError:", e)


print(getattr("text", "upper")(), getattr(5, "real"), hasattr([], "append"), hasattr(None, "x"))
