"""Calls: recursive functions (Fibonacci, Takeuchi, Ackermann) and calls through closures, default and keyword
arguments, *args, and bound methods.

Exercises the cost of a Python-to-Python call and return: frame set-up, argument binding, recursion depth up to
a few hundred, small-int arithmetic and comparisons.

    calls.py [ROUNDS]      ROUNDS: how many times the set of calls is made (default 30; the work is linear in it)

Prints each function's result.
"""
import sys

DEFAULT_ROUNDS = 30


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def make_counter(step):
    total = 0

    def add(value, scale=1):
        nonlocal total
        total += value * scale + step
        return total

    return add


def spread(*args):
    return len(args) + args[0]


class Accumulator:
    def __init__(self):
        self.value = 0

    def add(self, x, y=0):
        self.value = (self.value + x * 3 + y) % 1000003
        return self.value


def small_calls(n):
    counter = make_counter(2)
    acc = Accumulator()
    add = acc.add
    last = 0
    for i in range(n):
        counter(i)
        counter(i, scale=3)
        last = spread(i, i, i)
        add(i)
        acc.add(i, y=last)
    return counter(0), acc.value, last


def main(argv):
    rounds = int(argv[1]) if len(argv) > 1 else DEFAULT_ROUNDS
    for _ in range(rounds):
        f = fib(22)
        t = tak(18, 12, 6)
        a = ackermann(2, 300)
        s = small_calls(20000)
    print("fib(22) = %d" % f)
    print("tak(18, 12, 6) = %d" % t)
    print("ackermann(2, 300) = %d" % a)
    print("small calls: counter %d, accumulator %d, last %d" % s)


if __name__ == "__main__":
    main(sys.argv)
