# versions: 3.11+
# yield from delegation: values, send() and throw() passed through to the inner generator, return
# values of sub-generators, and close() reaching the inner generator.


def averager():
    total, count = 0, 0
    while True:
        value = yield
        if value is None:
            break
        total += value
        count += 1
    return total / count if count else 0.0


def grouper(results, key):
    while True:
        results[key] = yield from averager()
        print(f"  group {key!r} finished with {results[key]}")


data = {"girls;kg": [40.9, 38.5, 44.3], "boys;m": [1.38, 1.5, 1.32, 1.25]}
results = {}
for key, values in data.items():
    group = grouper(results, key)
    next(group)
    for v in values:
        group.send(v)
    group.send(None)
print(results)


def inner():
    try:
        x = yield "inner-1"
        print("  inner received", x)
        y = yield "inner-2"
        print("  inner received", y)
    except KeyError as e:
        print("  inner handled", repr(e))
        yield "inner-recovered"
    finally:
        print("  inner finally")
    return "inner-result"


def outer():
    print("  outer start")
    r = yield from inner()
    print("  outer got", r)
    yield "outer-after"
    return "outer-result"


o = outer()
print(next(o))
print(o.send("A"))
print(o.send("B"))
try:
    next(o)
except StopIteration as stop:
    print("outer returned", stop.value)
o = outer()
next(o)
print(o.throw(KeyError("boom")))
print(next(o))
o = outer()
next(o)
o.close()
print("closed during delegation")
