# versions: 3.6+


def inner(n):
    received = []
    for i in range(n):
        got = yield i
        received.append(got)
    return received


def outer():
    r1 = yield from inner(2)
    r2 = yield from inner(3)
    return r1 + r2


def flatten(tree):
    for node in tree:
        if isinstance(node, list):
            yield from flatten(node)
        else:
            yield node


def chain(*iterables):
    for it in iterables:
        yield from it


gen = outer()
values = [next(gen)]
try:
    i = 0
    while True:
        i += 1
        values.append(gen.send("s%d" % i))
except StopIteration as stop:
    print("values", values)
    print("result", stop.value)

print(list(flatten([1, [2, [3, [4, [5]]]], 6, [[7]]])))
print(list(chain("ab", [1, 2], range(3))))


def delegating_close(log):
    try:
        yield from inner(10)
    finally:
        log.append("outer closed")


log = []
g = delegating_close(log)
next(g)
g.send("x")
g.close()
print(log)
