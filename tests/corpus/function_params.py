# versions: 3.11+
# Function parameters: defaults, keyword-only, positional-only, *args/**kwargs, unpacking at call
# sites, and the TypeError messages for bad calls.


def describe(a, b=2, *args, c, d=4, **kwargs):
    return f"a={a} b={b} args={args} c={c} d={d} kwargs={kwargs}"


def posonly(x, y, /, z=0, *, w=1):
    return x, y, z, w


def only_kw(*, key, reverse=False):
    return key, reverse


def collect(*args, **kwargs):
    return args, sorted(kwargs.items())


print(describe(1, c=3))
print(describe(1, 20, 30, 40, c=3, d=5, e=6, f=7))
print(describe(*[1, 2, 3], **{"c": "C", "z": "Z"}))
print(posonly(1, 2), posonly(1, 2, 3), posonly(1, 2, z=3, w=4))
print(only_kw(key=len), only_kw(reverse=True, key=None))
print(collect(), collect(1, *"ab", x=1, **{"y": 2}))
print(posonly(1, 2, **{"z": 9}), collect(x=1, **{"y": 2}, z=3))

bad_calls = [
    ("describe()", lambda: describe()),
    ("describe(1)", lambda: describe(1)),
    ("describe(1, a=1, c=1)", lambda: describe(1, a=1, c=1)),
    ("posonly(x=1, y=2)", lambda: posonly(x=1, y=2)),
    ("posonly(1, 2, 3, 4)", lambda: posonly(1, 2, 3, 4)),
    ("only_kw(1)", lambda: only_kw(1)),
    ("only_kw()", lambda: only_kw()),
    ("only_kw(key=1, other=2)", lambda: only_kw(key=1, other=2)),
    ("collect(**{1: 2})", lambda: collect(**{1: 2})),
    ("collect(*5)", lambda: collect(*5)),
    ("collect(**[1])", lambda: collect(**[1])),
    ("collect(a=1, **{'a': 2})", lambda: collect(a=1, **{"a": 2})),
]
for label, call in bad_calls:
    try:
        call()
        print(label, "-> ok")
    except TypeError as e:
        print(f"{label} -> TypeError: {e}")


def append_to(item, target=[]):
    target.append(item)
    return target


print(append_to(1), append_to(2), append_to(3, []))


def append_safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


print(append_safe(1), append_safe(2))
counter = 0


def next_id(prefix="id", start=counter):
    return f"{prefix}-{start}"


counter = 100
print(next_id(), next_id("x", counter))


def make_greeting(greeting, /, name="world", *, punct="!"):
    return f"{greeting}, {name}{punct}"


print(make_greeting("Hello"), make_greeting("Hi", "Bob"), make_greeting("Yo", name="Al", punct="?"))


def apply(func, /, *args, **kwargs):
    return func(*args, **kwargs)


print(apply(make_greeting, "Hey", punct="."), apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True))
print(apply(collect, func="allowed as keyword because func is positional-only"))


def kwargs_order(**kw):
    return list(kw)


print(kwargs_order(z=1, a=2, m=3), kwargs_order(**{"b": 1}, a=2))
