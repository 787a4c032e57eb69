# versions: 3.11+
# Closures and cells: late binding in loops versus default-argument capture, nonlocal counters,
# __closure__ and cell_contents, and a closure reading a variable rebound after its creation.


def make_multipliers_late():
    return [lambda x: x * i for i in range(4)]


def make_multipliers_bound():
    return [lambda x, i=i: x * i for i in range(4)]


print([f(10) for f in make_multipliers_late()])
print([f(10) for f in make_multipliers_bound()])


def counter(start=0, step=1):
    count = start

    def increment():
        nonlocal count
        count += step
        return count

    def reset():
        nonlocal count
        old, count = count, start
        return old

    def peek():
        return count

    return increment, reset, peek


inc, reset, peek = counter(10, 5)
print(inc(), inc(), peek(), reset(), peek(), inc())
inc2, _, peek2 = counter()
print(inc2(), inc2(), inc2(), peek2(), peek())
print(inc.__closure__ is not None, len(inc.__closure__), sorted(inc.__code__.co_freevars))
print([c.cell_contents for c in peek.__closure__], inc.__code__.co_freevars)


def outer():
    x = "outer x"

    def middle():
        def inner():
            return x
        return inner

    result = middle()
    x = "rebound x"
    return result


print(outer()())


def make_accumulator():
    history = []

    def add(value):
        history.append(value)
        return sum(history)

    add.history = history
    return add


acc = make_accumulator()
print(acc(5), acc(10), acc(-3), acc.history)
