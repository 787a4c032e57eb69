# versions: 2.7, 3.6+
from __future__ import print_function


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value


def with_cleanup(log):
    try:
        yield 1
        yield 2
        yield 3
    finally:
        log.append("cleanup")


def catcher():
    while True:
        try:
            yield "waiting"
        except KeyError as e:
            yield "caught " + str(e.args[0])


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out


print(list(countdown(5)))
acc = accumulator()
print(next(acc))
print(acc.send(10))
print(acc.send(5))
print(acc.send(27))
try:
    acc.send(None)
except StopIteration:
    print("accumulator finished")

log = []
g = with_cleanup(log)
print(next(g), next(g))
g.close()
print(log)

c = catcher()
print(next(c))
print(c.throw(KeyError("k1")))
print(next(c))
print(take(12, fib_gen()))
it = iter(countdown(3))
print(next(it), next(it), next(it), next(it, "done"))
squares = (x * x for x in countdown(4))
print(sum(squares), sum(squares))
