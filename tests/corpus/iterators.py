# versions: 2.7, 3.6+
from __future__ import print_function


class Countdown(object):
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

    next = __next__


class Sequence(object):
    """Iterable through the old __getitem__ protocol."""

    def __init__(self, items):
        self.items = items

    def __getitem__(self, i):
        return self.items[i] * 2

    def __len__(self):
        return len(self.items)

    def __contains__(self, v):
        return v in self.items


class Reusable(object):
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1


print(list(Countdown(4)))
print(list(Sequence([1, 2, 3])), 2 in Sequence([1, 2, 3]), len(Sequence("ab")))
r = Reusable(3)
print(list(r), list(r), sum(r))
it = iter([10, 20, 30])
print(next(it), list(it), next(it, "exhausted"))
sentinel_iter = iter(Countdown(5).__next__, 2)
print(list(sentinel_iter))
a, b, c = Countdown(3)
print(a, b, c)
print(dict(zip(Countdown(3), "abc")) == {3: "a", 2: "b", 1: "c"})
