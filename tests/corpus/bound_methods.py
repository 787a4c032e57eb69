# versions: 3.11+
# Bound and unbound methods: __self__/__func__, methods stored and called later, equality of bound
# methods, classmethods/staticmethods through instances, and an event dispatcher built from them.


class Greeter:
    greeting = "Hello"

    def __init__(self, name):
        self.name = name

    def greet(self, punct="!"):
        return f"{self.greeting}, {self.name}{punct}"

    @classmethod
    def with_greeting(cls, greeting):
        return type("Custom" + cls.__name__, (cls,), {"greeting": greeting})

    @staticmethod
    def shout(text):
        return text.upper()


g = Greeter("Ada")
m = g.greet
print(m(), m("?"), m.__self__ is g, m.__func__ is Greeter.greet, m.__name__, m.__qualname__)
print(Greeter.greet(g), Greeter.greet(g, "."), type(m).__name__, type(Greeter.greet).__name__)
print(g.greet == g.greet, g.greet is g.greet, g.greet == Greeter("Ada").greet)
print(Greeter.shout("hi"), g.shout("hey"), Greeter.with_greeting.__self__ is Greeter)
Hola = Greeter.with_greeting("Hola")
print(Hola.__name__, Hola("Bea").greet(), Hola.__mro__[1].__name__, g.with_greeting("Hi")("Cy").greet())
g.greet = lambda: "instance attribute shadows method"
print(g.greet(), Greeter.greet(g), g.__dict__.keys() >= {"greet"})
del g.greet
print(g.greet())


class Dispatcher:
    def __init__(self):
        self.handlers = {}

    def on(self, event, handler):
        self.handlers.setdefault(event, []).append(handler)

    def emit(self, event, *args):
        results = []
        for h in self.handlers.get(event, []):
            results.append(h(*args))
        return results


class Logger:
    def __init__(self, prefix):
        self.prefix = prefix
        self.lines = []

    def log(self, message):
        line = f"[{self.prefix}] {message}"
        self.lines.append(line)
        return line


class Stats:
    count = 0

    @classmethod
    def bump(cls, *_):
        cls.count += 1
        return cls.count


d = Dispatcher()
info, debug = Logger("info"), Logger("debug")
d.on("msg", info.log)
d.on("msg", debug.log)
d.on("msg", Stats.bump)
d.on("msg", str.upper)
d.on("other", len)
print(d.emit("msg", "started"))
print(d.emit("msg", "working"))
print(d.emit("other", "abc"), d.emit("none"))
print(info.lines, debug.lines, Stats.count)
methods = [info.log, debug.log]
print([meth.__self__.prefix for meth in methods], [meth("x") for meth in methods])
upper = "shout".upper
print(upper(), upper.__self__, type(upper).__name__, [].append.__name__, (1).__add__(2))
appender = []
add = appender.append
for i in range(3):
    add(i * i)
print(appender, getattr(appender, "pop")(), appender)
unbound = Logger.log
print(unbound(info, "direct"), len(info.lines))


class Counter:
    def __init__(self):
        self.n = 0

    def __call__(self):
        self.n += 1
        return self.n

    def reset(self):
        self.n = 0
        return self


c = Counter()
calls = [c, c.__call__, Counter.__call__.__get__(c)]
print([f() for f in calls], c.reset().n, c(), callable(c), callable(c.reset))
print(sorted(["b", "A", "c"], key=str.casefold), list(map(Greeter.shout, ["x", "y"])))
