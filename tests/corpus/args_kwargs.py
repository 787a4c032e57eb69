# versions: 2.7, 3.6+
from __future__ import print_function


def show(*args, **kwargs):
    return "args=%r kwargs=%r" % (args, sorted(kwargs.items()))


def mixed(a, b=2, *rest, **options):
    return a, b, rest, sorted(options.items())


def forward(*args, **kwargs):
    return show(*args, **kwargs)


print(show())
print(show(1, 2, 3))
print(show(x=1, y=2))
print(show(1, "two", three=3))
print(mixed(1))
print(mixed(1, 5, 6, 7, flag=True))
args = (10, 20, 30)
kwargs = {"k": "v", "z": 0}
print(show(*args, **kwargs))
print(mixed(*args))
print(forward(0, *args, extra=1, **kwargs))
print(mixed(**{"a": "A", "b": "B", "c": "C"}))
try:
    mixed()
except TypeError:
    print("TypeError for missing argument")
try:
    mixed(1, a=2)
except TypeError:
    print("TypeError for duplicate argument")
print(show.__code__.co_flags & 0x0C)
print(mixed.__code__.co_varnames, mixed.__code__.co_argcount)
