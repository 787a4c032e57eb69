# versions: 3.11+
# More generator protocol: send() before start, throw() into started/unstarted generators, return
# values carried by StopIteration, and a generator restarted through send(True).


def states():
    yield 1


gen = states()
try:
    gen.send("too early")
except TypeError as e:
    print("TypeError:", e)
print(next(gen), list(gen), list(gen))


def thrower():
    try:
        yield "ready"
    except KeyError as e:
        yield f"handled {e!r}"
    yield "after"


t = thrower()
print(next(t), t.throw(KeyError("k")), next(t))
t2 = thrower()
try:
    t2.throw(IndexError("never started"))
except IndexError as e:
    print("unstarted throw propagates:", repr(e))
t3 = thrower()
next(t3)
try:
    t3.throw(TypeError("unhandled"))
except TypeError as e:
    print("unhandled throw propagates:", e)


def returns_early(n):
    for i in range(n):
        if i == 3:
            return f"stopped at {i}"
        yield i


r = returns_early(10)
items = []
while True:
    try:
        items.append(next(r))
    except StopIteration as stop:
        print(items, stop.value)
        break


def fib_until(limit):
    a, b = 0, 1
    while a < limit:
        received = yield a
        if received:
            a, b = 0, 1
            continue
        a, b = b, a + b


f = fib_until(50)
print([next(f) for _ in range(6)], f.send(True), next(f), next(f), list(f))
