# versions: 3.11+
# Coroutine objects by hand: send()/throw()/close(), awaiting other coroutines and custom
# awaitables, return values through StopIteration, reuse errors, and non-awaitable objects.


class Sleep:
    def __init__(self, delay):
        self.delay = delay

    def __await__(self):
        yield ("sleep", self.delay)
        return self.delay


class Countdown:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        return self._steps()

    def _steps(self):
        for i in range(self.n, 0, -1):
            yield ("count", i)
        return "liftoff"


async def ticker(n):
    total = 0
    for _ in range(n):
        total += await Sleep(3)
    return total


async def nested():
    first = await ticker(2)
    second = await Countdown(3)
    return first, second


def drive(coro):
    yielded = []
    try:
        while True:
            yielded.append(coro.send(None))
    except StopIteration as stop:
        return yielded, stop.value


print(drive(nested()))
print(drive(ticker(0)), drive(Countdown(2).__await__()))
async def guarded():
    try:
        await Sleep(1)
        await Sleep(1)
    except KeyError as e:
        return f"recovered from {e!r}"
    finally:
        print("  guarded finally")


c = guarded()
print(c.send(None))
try:
    c.throw(KeyError("k"))
except StopIteration as stop:
    print("throw result:", stop.value)
c2 = guarded()
c2.send(None)
c2.close()
print("closed; type:", type(c2).__name__, c2.__name__, c2.__qualname__)
c3 = ticker(1)
c3.close()
try:
    c3.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)


class NotAwaitable:
    pass


async def bad_await():
    await NotAwaitable()


try:
    bad_await().send(None)
except TypeError as e:
    print("TypeError:", e)
