# versions: 3.6+


class Yield:
    def __await__(self):
        yield None


async def agen(n):
    for i in range(n):
        await Yield()
        yield i * 10


async def squares(n):
    async for v in agen(n):
        yield v * v


async def collect():
    first = [x async for x in agen(4)]
    second = [x async for x in squares(3) if x > 0]
    third = {x: x // 10 async for x in agen(3)}
    awaited = [await w for w in [value(1), value(2)]]
    return first, second, third, awaited


async def value(v):
    await Yield()
    return v


def run(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
            steps += 1
        except StopIteration as stop:
            return stop.value, steps


result, steps = run(collect())
print(result)
print("steps", steps)
