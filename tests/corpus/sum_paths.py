# versions: 3.11-3.13
# sum(): the machine-word int loop, the float loop (Neumaier-compensated from 3.12), the general path, and when each hands
# over to the next; the iterator is never asked again after it ends.
class It:
    def __init__(self, items):
        self.items = list(items)
        self.calls = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.calls += 1
        if not self.items:
            raise StopIteration
        return self.items.pop(0)
for items, start in [([1, 2, 3], 0), ([1, 2.5, 3], 0), ([1, 2, 3.5], 10), ([2**62, 2**62, 1], 0), ([-2**63, -1], 0),
                     ([True, True, 3], 0), ([1.5, 2, 2**70], 0), ([1, 2], 0.5), ([], 0), ([0.1] * 10, 0), ([1, 1e100, 1, -1e100], 0)]:
    it = It(items)
    r = sum(it, start)
    print(repr(r), it.calls)
class Num:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return Num(o + self.v)
    def __add__(self, o): return Num(self.v + (o.v if isinstance(o, Num) else o))
    def __repr__(self): return "Num(%r)" % self.v
it = It([1, 2, Num(3), 4])
print(sum(it), it.calls)
print(sum([[1], [2]], []))
try:
    sum(["a"], "")
except TypeError as e:
    print(e)
try:
    sum([1, "a"])
except TypeError as e:
    print(e)
print(sum(range(1000000)), sum(x * 0.5 for x in range(100)))
