# versions: 3.6+
# Coroutines driven by a tiny hand-written event loop (no asyncio).


class Sleep:
    """An awaitable that suspends the coroutine once per tick."""

    def __init__(self, ticks):
        self.ticks = ticks

    def __await__(self):
        for _ in range(self.ticks):
            yield "tick"
        return self.ticks


class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    async def __aenter__(self):
        self.log.append("enter " + self.name)
        await Sleep(1)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        self.log.append("exit " + self.name)
        return False


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await Sleep(1)
        self.n -= 1
        return self.n


async def worker(name, steps, log):
    total = 0
    for i in range(steps):
        total += await Sleep(1)
        log.append("%s step %d" % (name, i))
    return name + " done after " + str(total)


async def main(log):
    async with Resource("db", log) as res:
        log.append("using " + res.name)
    items = []
    async for v in Countdown(3):
        items.append(v)
    log.append("items " + repr(items))
    result = await worker("solo", 2, log)
    try:
        await failing()
    except RuntimeError as e:
        log.append("caught " + str(e))
    return result


async def failing():
    await Sleep(1)
    raise RuntimeError("boom")


def run_all(coros):
    """Round-robin scheduler: send None into each coroutine until all finish."""
    results = {}
    ticks = 0
    pending = list(coros.items())
    while pending:
        still = []
        for name, coro in pending:
            try:
                coro.send(None)
                ticks += 1
                still.append((name, coro))
            except StopIteration as stop:
                results[name] = stop.value
        pending = still
    return results, ticks


log = []
results, ticks = run_all({
    "a": worker("a", 3, log),
    "b": worker("b", 1, log),
    "main": main(log),
})
for line in log:
    print(line)
for key in sorted(results):
    print(key, "=>", results[key])
print("ticks", ticks)
