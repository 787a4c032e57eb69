# versions: 3.11+
# Closure factories: a memoizing decorator with state in cells, functions created in loops with
# captured defaults, two closures sharing one cell, free variables not yet bound, lambdas over genexps.


def memoize(func):
    cache = {}
    hits = [0]

    def wrapper(n):
        if n in cache:
            hits[0] += 1
            return cache[n]
        cache[n] = result = func(n)
        return result

    wrapper.stats = lambda: (len(cache), hits[0])
    return wrapper


@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.stats())


def adders():
    fns = {}
    for name, amount in [("one", 1), ("ten", 10)]:
        def add(x, amount=amount):
            return x + amount
        fns[name] = add
    return fns


print({k: f(5) for k, f in adders().items()})


def shared_cell():
    value = 0

    def get():
        return value

    def set_(v):
        nonlocal value
        value = v

    return get, set_


get, set_ = shared_cell()
set_(42)
print(get(), get.__closure__[0] is set_.__closure__[0], get.__closure__[0].cell_contents)


def unbound_free():
    def read():
        return later

    try:
        read()
    except NameError as e:
        print("NameError:", e)
    later = "now bound"
    return read()


print(unbound_free())
funcs = [(lambda: n) for n in range(3)]
print([f() for f in funcs])
gens = [(lambda n=n: (m * n for m in range(3))) for n in range(1, 3)]
print([list(g()) for g in gens])
