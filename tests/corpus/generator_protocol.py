# versions: 3.11+
# Generator objects driven by hand: send() values in, throw() an exception that the generator
# handles, close() and GeneratorExit, and a generator that ignores GeneratorExit.


def running_average():
    total = 0.0
    count = 0
    average = None
    while True:
        try:
            value = yield average
        except ValueError as e:
            print(f"  generator caught ValueError({e}); resetting")
            total, count, average = 0.0, 0, None
            continue
        if value is None:
            return (count, average)
        total += value
        count += 1
        average = total / count


avg = running_average()
print(next(avg))
for v in [10, 20, 60]:
    print("sent", v, "average", avg.send(v))
print("after throw:", avg.throw(ValueError("bad data")))
print(avg.send(5), avg.send(7))
try:
    avg.send(None)
except StopIteration as stop:
    print("returned", stop.value, stop.args)
try:
    next(avg)
except StopIteration as stop:
    print("exhausted generator raises StopIteration again, value", stop.value)


def guarded(log):
    log.append("start")
    try:
        while True:
            item = yield
            log.append(f"got {item}")
    except GeneratorExit:
        log.append("GeneratorExit")
        raise
    finally:
        log.append("finally")


log = []
g = guarded(log)
next(g)
g.send("a")
g.send("b")
g.close()
g.close()
print(log)
fresh = guarded(log)
fresh.close()
print("closing an unstarted generator runs nothing:", log[-1])


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuses to stop"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print("finish it by hand:", list(s))
