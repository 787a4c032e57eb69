# versions: 3.6+
counter_total = 0


def make_counter(start):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count
    return inc, get


def bump_global():
    global counter_total
    counter_total += 1
    return counter_total


def nested_nonlocal():
    x = "outer"

    def level1():
        nonlocal x
        x = "level1"

        def level2():
            nonlocal x
            x = x + "+level2"
        level2()
        return x
    r = level1()
    return r, x


def class_scope():
    v = "function v"

    class C:
        v = "class v"
        w = v

        def m(self):
            return v
    return C.w, C().m()


inc, get = make_counter(10)
inc()
inc(5)
print(get())
bump_global()
bump_global()
print(counter_total)
print(nested_nonlocal())
print(class_scope())
print(make_counter.__code__.co_cellvars, inc.__code__.co_freevars)
