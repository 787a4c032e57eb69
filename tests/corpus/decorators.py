# versions: 2.7, 3.6+
from __future__ import print_function
import functools

CALLS = []


def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        CALLS.append(fn.__name__)
        return fn(*args, **kwargs)
    return wrapper


def repeat(times):
    def decorator(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        wrapper.__name__ = fn.__name__ + "_x%d" % times
        return wrapper
    return decorator


def register(registry):
    def decorator(obj):
        registry.append(obj.__name__)
        return obj
    return decorator


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper


REGISTRY = []


@trace
def greet(name):
    """Say hello."""
    return "hello " + name


@repeat(3)
@trace
def ping():
    return "ping"


@register(REGISTRY)
class Service(object):
    @staticmethod
    @trace
    def start():
        return "started"


@register(REGISTRY)
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def add_attr(**attrs):
    def decorator(fn):
        for key in sorted(attrs):
            setattr(fn, key, attrs[key])
        return fn
    return decorator


@add_attr(version=2, author="me")
def tagged():
    pass


print(greet("you"), greet.__name__, greet.__doc__)
print(ping(), ping.__name__)
print(Service.start())
print(fib(60), len(fib.cache))
print(REGISTRY)
print(CALLS)
print(tagged.version, tagged.author)
