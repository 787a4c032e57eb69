# versions: 2.7, 3.6+
from __future__ import print_function


def make_adder(n):
    def adder(x):
        return x + n
    return adder


def make_counter():
    count = [0]

    def inc():
        count[0] += 1
        return count[0]
    return inc


def outer(a):
    b = a * 2

    def middle(c):
        d = c + b

        def inner(e):
            return a + b + c + d + e
        return inner
    return middle


def late_binding():
    fns = []
    for i in range(4):
        fns.append(lambda: i)
    return [f() for f in fns]


def early_binding():
    fns = []
    for i in range(4):
        fns.append(lambda i=i: i)
    return [f() for f in fns]


def cell_and_arg(x):
    # x is both an argument and a cell variable
    def get():
        return x
    x = x + 100
    return get


def shared_cell():
    value = ["start"]

    def getter():
        return value[0]

    def setter(v):
        value[0] = v
    return getter, setter


add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1))
c = make_counter()
c()
c()
print(c())
print(outer(1)(2)(3))
print(late_binding())
print(early_binding())
print(cell_and_arg(1)())
g, s = shared_cell()
s("changed")
print(g())
print(add5.__code__.co_freevars)
print(make_adder.__code__.co_cellvars)
print(outer.__code__.co_cellvars)
