# versions: 2.7, 3.6+
from __future__ import print_function


def add(a, b=10):
    return a + b


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def describe(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct


def no_return():
    x = 1
    x += 1


def many_returns(x):
    if x < 0:
        return "negative"
    elif x == 0:
        return "zero"
    elif x < 10:
        return "small"
    else:
        return "large"


def mutable_default(item, acc=None):
    if acc is None:
        acc = []
    acc.append(item)
    return acc


def doc_function():
    """This function has a docstring."""
    return 7


print(add(1))
print(add(1, 2))
print(add(b=5, a=3))
print(fact(10))
print(fact(25))
print([fib(i) for i in range(15)])
print(describe("world"))
print(describe("there", greeting="Hi", punct="?"))
print(no_return())
print([many_returns(v) for v in (-5, 0, 3, 99)])
print(mutable_default(1), mutable_default(2))
print(doc_function.__doc__)
print(doc_function.__name__, doc_function())
print(add.__defaults__)
