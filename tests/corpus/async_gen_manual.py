# versions: 3.11+
# Async generators driven by hand: __anext__().send(None), asend(), athrow(), aclose(), async for and
# async comprehensions inside a coroutine run by a minimal loop, StopAsyncIteration at the end.


class Tick:
    def __await__(self):
        value = yield "tick"
        return value


async def numbers(limit):
    try:
        for i in range(limit):
            got = await Tick()
            received = yield i
            if received is not None:
                print(f"  agen received {received!r}")
    finally:
        print("  numbers() cleanup")


def run(awaitable):
    """Drive an awaitable to completion, counting the ticks it yields."""
    ticks = 0
    value = None
    while True:
        try:
            awaitable.send(value)
            ticks += 1
        except StopIteration as stop:
            return stop.value, ticks
        except StopAsyncIteration:
            return "StopAsyncIteration", ticks


agen = numbers(3)
print(type(agen).__name__, agen.__name__)
print(run(agen.__anext__()))
print(run(agen.asend("hello")))
print(run(agen.__anext__()))
print(run(agen.__anext__()))
print(run(agen.__anext__()))


async def resilient():
    attempt = 0
    while True:
        try:
            yield f"attempt {attempt}"
        except ConnectionError as e:
            attempt += 1
            print(f"  caught {e!r}, retrying")
            if attempt >= 2:
                yield "giving up"
                return


r = resilient()
print(run(r.__anext__()))
print(run(r.athrow(ConnectionError("reset"))))
print(run(r.athrow(ConnectionError("again"))))
print(run(r.__anext__()))
closing = numbers(10)
print(run(closing.__anext__()))
print(run(closing.aclose()))
print(run(closing.__anext__()))


async def window(source, size):
    buf = []
    async for item in source:
        buf.append(item)
        if len(buf) == size:
            yield tuple(buf)
            buf.pop(0)


async def main():
    squares = [x * x async for x in numbers(4)]
    evens = [x async for x in numbers(6) if x % 2 == 0]
    windows = [w async for w in window(numbers(5), 3)]
    total = 0
    async for value in numbers(3):
        total += value
    return squares, evens, windows, total


result, ticks = run(main())
print(result)
print("ticks", ticks)


async def empty():
    return
    yield


print(run(empty().__anext__()))
try:
    numbers(1).__anext__().send("x")
except TypeError as e:
    print("TypeError:", e)
