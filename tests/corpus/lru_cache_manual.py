# versions: 3.11+
# An LRU cache built on dict insertion order (pop and re-insert to refresh), a caching decorator with
# hit/miss statistics and maxsize, cache_clear, and keyword-argument keys.


class LRUCache:
    def __init__(self, capacity):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = self.evictions = 0

    def get(self, key, default=None):
        if key in self.data:
            self.hits += 1
            value = self.data.pop(key)
            self.data[key] = value
            return value
        self.misses += 1
        return default

    def put(self, key, value):
        if key in self.data:
            self.data.pop(key)
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            del self.data[oldest]
            self.evictions += 1
            print(f"  evict {oldest!r}")
        self.data[key] = value

    def __contains__(self, key):
        return key in self.data

    def __len__(self):
        return len(self.data)

    def __repr__(self):
        return f"LRU({list(self.data.items())}, hits={self.hits}, misses={self.misses}, evictions={self.evictions})"


cache = LRUCache(3)
for op in ["put a 1", "put b 2", "put c 3", "get a", "put d 4", "get b", "get c", "put e 5", "put a 10", "get d", "get a"]:
    parts = op.split()
    if parts[0] == "put":
        cache.put(parts[1], int(parts[2]))
        print(op, "->", list(cache.data))
    else:
        print(op, "->", cache.get(parts[1], "miss"), list(cache.data))
print(cache, len(cache), "a" in cache, "b" in cache)
try:
    LRUCache(0)
except ValueError as e:
    print("ValueError:", e)


def lru_cache(maxsize=128):
    def decorator(func):
        store = LRUCache(maxsize)
        sentinel = object()

        def wrapper(*args, **kwargs):
            key = (args, tuple(sorted(kwargs.items())))
            result = store.get(key, sentinel)
            if result is sentinel:
                result = func(*args, **kwargs)
                store.put(key, result)
            return result

        def cache_info():
            return {"hits": store.hits, "misses": store.misses, "size": len(store), "maxsize": maxsize}

        def cache_clear():
            store.data.clear()
            store.hits = store.misses = 0

        wrapper.cache_info, wrapper.cache_clear = cache_info, cache_clear
        wrapper.__name__ = func.__name__
        return wrapper
    return decorator


@lru_cache(maxsize=1000)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(90), fib.cache_info())
print(fib(91), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib.__name__)


@lru_cache(maxsize=2)
def describe(x, *, style="plain"):
    print(f"  computing describe({x!r}, style={style!r})")
    return f"{style}:{x}"


for args, kwargs in [((1,), {}), ((1,), {}), ((1,), {"style": "bold"}), ((2,), {}), ((1,), {"style": "bold"}), ((1,), {})]:
    print(describe(*args, **kwargs))
print(describe.cache_info())
