# versions: 3.11+
# time.time()/perf_counter()/monotonic() used only through differences and comparisons (never printed),
# and the builtins module: builtins.len is len, shadowing builtins in globals, builtins.__dict__,
# __import__, and a builtin replaced at runtime and restored.
import time
import builtins

start_wall = time.time()
start = time.perf_counter()
mono = time.monotonic()
total = 0
for i in range(200000):
    total += i % 7
elapsed = time.perf_counter() - start
print("work result:", total)
print("perf_counter advanced:", elapsed >= 0, type(elapsed).__name__)
print("time.time is a plausible epoch:", time.time() > 1_600_000_000, time.time() >= start_wall)
print("monotonic non-decreasing:", time.monotonic() >= mono)
print("time_ns is int:", isinstance(time.time_ns(), int), time.perf_counter_ns() >= 0)
t0 = time.perf_counter()
time.sleep(0.01)
print("slept at least ~10ms:", time.perf_counter() - t0 >= 0.005)
print("gmtime(0):", tuple(time.gmtime(0))[:6], time.gmtime(86400 * 365).tm_year)
print("strftime on a fixed time:", time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(1_000_000_000)))


def timed(func):
    def wrapper(*args):
        t = time.perf_counter()
        result = func(*args)
        wrapper.durations.append(time.perf_counter() - t)
        return result
    wrapper.durations = []
    return wrapper


@timed
def slow_sum(n):
    return sum(range(n))


print(slow_sum(1000), slow_sum(10), len(slow_sum.durations), all(d >= 0 for d in slow_sum.durations))
print("builtins identity:", builtins.len is len, builtins.print is print, builtins.int is int, builtins.__name__)
print("builtins dict has len:", "len" in builtins.__dict__, "zip" in dir(builtins), callable(getattr(builtins, "sorted")))
print("exceptions live there too:", builtins.ValueError is ValueError, getattr(builtins, "Ellipsis") is ..., builtins.__dict__["None"])
real_len = builtins.len


def len(obj):
    return "module-level len shadows builtins: " + str(real_len(obj))


print(len([1, 2, 3]))
print(builtins.len([1, 2, 3]))
del len
print(len([1, 2, 3]))
builtins.my_helper = lambda x: x * 3
print("new builtin visible everywhere:", my_helper(7))
del builtins.my_helper
try:
    my_helper(1)
except NameError as e:
    print("NameError:", e)
math_mod = __import__("math")
print("__import__:", math_mod.sqrt(81), __import__("sys").maxsize > 0, type(math_mod).__name__)
try:
    __import__("no_such_module_xyz")
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
saved_print = builtins.print
log = []
builtins.print = lambda *args, **kw: log.append(" ".join(map(str, args)))
print("captured by replaced builtin")
builtins.print = saved_print
print("replaced print captured:", log)
print("abs via builtins:", getattr(builtins, "abs")(-4), builtins.max(3, 9), builtins.sum([1, 2]))
print("type of module:", type(builtins).__name__, type(time).__name__, time.__name__)
