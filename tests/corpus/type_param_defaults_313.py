# versions: 3.13+
# PEP 696 defaults for type parameters (3.13+), together with a small generic event bus and a
# generic cache whose parameters default to common types; introspection of has_default/__default__.

type Handler[E = str] = list[E]


class EventBus[E = str]:
    def __init__(self) -> None:
        self.handlers: dict[str, list["handler of E"]] = {}
        self.log: list[str] = []

    def on(self, topic: str, handler: "handler of E") -> None:
        self.handlers.setdefault(topic, []).append(handler)

    def emit(self, topic: str, event: E) -> int:
        handlers = self.handlers.get(topic, [])
        for h in handlers:
            h(event)
        self.log.append(f"{topic}:{len(handlers)}")
        return len(handlers)


class Cache[K = str, V = int]:
    def __init__(self) -> None:
        self.data: dict[K, V] = {}

    def get_or_compute(self, key: K, compute: "function K -> V") -> V:
        if key not in self.data:
            self.data[key] = compute(key)
        return self.data[key]


def first_or[T = None](items: list[T], default: T | None = None) -> T | None:
    return items[0] if items else default


bus = EventBus()
seen: list[str] = []
bus.on("greet", lambda e: seen.append("hello " + e))
bus.on("greet", lambda e: seen.append(e.upper()))
bus.on("count", lambda e: seen.append(str(len(e))))
print(bus.emit("greet", "ann"), bus.emit("count", "abcd"), bus.emit("none", "x"), seen, bus.log)
cache = Cache()
print(cache.get_or_compute("hello", len), cache.get_or_compute("hello", lambda k: -1), cache.data)
print(first_or([3, 4]), first_or([], "empty"), first_or([]))
params = EventBus.__type_params__ + Cache.__type_params__ + first_or.__type_params__ + Handler.__type_params__
for p in params:
    print(p.__name__, p.has_default(), p.__default__)
print(Cache[bytes], EventBus[int], Handler.__value__, Handler[int], Handler[int].__args__)
