# versions: 3.11+
# The iterator protocol by hand: classes with __iter__/__next__, iterables vs iterators, exhaustion,
# iter(callable, sentinel), next() with a default, for-loop else, and builtins consuming iterators.


class Fib:
    def __init__(self, limit):
        self.limit = limit

    def __iter__(self):
        return FibIterator(self.limit)


class FibIterator:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit

    def __iter__(self):
        return self

    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        value = self.a
        self.a, self.b = self.b, self.a + self.b
        return value


fib = Fib(100)
print(list(fib), list(fib), sum(fib), max(fib), 55 in fib, 56 in fib)
it = iter(fib)
print(next(it), next(it), next(it), iter(it) is it, list(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration after exhaustion")


class Lines:
    def __init__(self, text):
        self.lines = text.split("\n")
        self.pos = 0

    def readline(self):
        if self.pos >= len(self.lines):
            return ""
        line = self.lines[self.pos] + "\n"
        self.pos += 1
        return line


src = Lines("alpha\nbeta\nEND\ngamma")
print(list(iter(lambda: src.readline().strip(), "END")))
rolls = iter([3, 5, 6, 2, 6, 1])
print(list(iter(lambda: next(rolls), 6)), list(rolls))
for n in [7, 9]:
    for d in range(2, n):
        if n % d == 0:
            print(n, "is divisible by", d)
            break
    else:
        print(n, "is prime")
i = 0
while i < 3:
    i += 1
else:
    print("while-else ran, i =", i)
print(dict(zip(fib, "abcdefg")), list(enumerate(Fib(5), start=1)), list(map(str, Fib(10))))
print(sorted(Fib(30), reverse=True), tuple(filter(lambda x: x % 2, Fib(30))), set(Fib(3)))
a, b, *rest = Fib(20)
print(a, b, rest)
words = iter("the quick brown fox".split())
first = next(words)
print(first, list(words))
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    iter(42)
except TypeError as e:
    print("TypeError:", e)


class BadIter:
    def __iter__(self):
        return 42


try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
list_it = iter([1, 2, 3])
print(type(list_it).__name__, type(iter("ab")).__name__, type(iter({})).__name__, type(iter(range(2))).__name__)
print(next(list_it), list(list_it), list(list_it))
d = {"x": 1, "y": 2}
keys_it = iter(d)
print(next(keys_it), list(d.items()), list(iter(d.values())))
pairs = zip([1, 2, 3], "ab")
print(next(pairs), list(pairs), list(pairs))
r = reversed([1, 2, 3])
print(next(r), list(r), list(reversed("abc")), list(reversed(range(3))))
