# versions: 3.6+


def connect(host, port=80, *, timeout=10, secure=False):
    return "%s:%d timeout=%d secure=%s" % (host, port, timeout, secure)


def only_kw(*, required, optional="x"):
    return required + optional


def everything(a, b=1, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, sorted(kwargs.items()))


def annotated(x: int, y: "str" = "y", *, z: float = 1.0) -> tuple:
    return x, y, z


print(connect("example.org"))
print(connect("example.org", 443, secure=True, timeout=3))
print(only_kw(required="r"))
print(only_kw(optional="o", required="r"))
print(everything(1, c=3))
print(everything(1, 2, 3, 4, c=5, e=6, f=7))
try:
    only_kw()
except TypeError:
    print("missing keyword-only argument")
try:
    connect("h", 1, 2)
except TypeError:
    print("too many positional arguments")
print(everything.__code__.co_kwonlyargcount, everything.__kwdefaults__)
print(sorted(annotated.__annotations__.items(), key=lambda kv: kv[0]))
print(annotated(5))
first, *middle, last = range(6)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
print(*[1, 2], *"xy", sep="-")
print([*range(3), *"ab"], {*"aab", 1} == {"a", "b", 1})
print({**{"a": 1}, "b": 2, **{"a": 3}})
print(connect(*["h"], **{"port": 8080}, timeout=1))
