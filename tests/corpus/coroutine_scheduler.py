# versions: 3.11+
# Coroutines without asyncio: custom awaitables with __await__, a scheduler with virtual time that
# drives coroutines through send(), message passing through a queue, and a crashing task.


class Sleep:
    def __init__(self, delay):
        self.delay = delay

    def __await__(self):
        yield ("sleep", self.delay)
        return self.delay


class Receive:
    def __init__(self, queue):
        self.queue = queue

    def __await__(self):
        while not self.queue.items:
            yield ("wait", self.queue)
        return self.queue.items.pop(0)


class Queue:
    def __init__(self, name):
        self.name = name
        self.items = []

    def put(self, item):
        self.items.append(item)


class Scheduler:
    def __init__(self):
        self.now = 0
        self.ready = []
        self.sleeping = []
        self.results = {}
        self.trace = []

    def spawn(self, name, coro):
        self.ready.append((name, coro))

    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                self.sleeping.sort(key=lambda item: (item[0], item[1]))
                wake, order, name, coro = self.sleeping.pop(0)
                self.now = wake
                self.ready.append((name, coro))
            name, coro = self.ready.pop(0)
            try:
                request = coro.send(None)
            except StopIteration as stop:
                self.results[name] = stop.value
                self.trace.append(f"t={self.now} {name} finished -> {stop.value!r}")
                continue
            except Exception as e:
                self.results[name] = f"failed: {type(e).__name__}: {e}"
                self.trace.append(f"t={self.now} {name} crashed")
                continue
            kind, arg = request
            delay = arg if kind == "sleep" else 1
            self.sleeping.append((self.now + delay, len(self.trace), name, coro))
            self.trace.append(f"t={self.now} {name} -> {kind} {arg if kind == 'sleep' else arg.name}")


async def producer(queue, items):
    for item in items:
        await Sleep(2)
        queue.put(item)
    queue.put(None)
    return f"produced {len(items)}"


async def consumer(queue):
    seen = []
    while True:
        item = await Receive(queue)
        if item is None:
            break
        seen.append(item.upper())
    return seen


async def ticker(n):
    total = 0
    for _ in range(n):
        total += await Sleep(3)
    return total


async def faulty():
    await Sleep(1)
    raise ValueError("sensor offline")


q = Queue("jobs")
sched = Scheduler()
sched.spawn("producer", producer(q, ["a", "b", "c"]))
sched.spawn("consumer", consumer(q))
sched.spawn("ticker", ticker(2))
sched.spawn("faulty", faulty())
sched.run()
for line in sched.trace:
    print(line)
for name in sorted(sched.results):
    print(name, "=", sched.results[name])
print("final time", sched.now)
