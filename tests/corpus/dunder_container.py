# versions: 3.11+
# Container protocol on user classes: __len__, __getitem__/__setitem__/__delitem__ with ints and
# slices, __contains__, __iter__, __reversed__, __bool__ through __len__, and dict.__missing__.


class SparseVector:
    def __init__(self, size):
        self.size = size
        self.data = {}

    def __len__(self):
        return self.size

    def _check(self, i):
        if i < 0:
            i += self.size
        if not 0 <= i < self.size:
            raise IndexError(f"index {i} out of range for size {self.size}")
        return i

    def __getitem__(self, key):
        if isinstance(key, slice):
            return [self[i] for i in range(*key.indices(self.size))]
        return self.data.get(self._check(key), 0)

    def __setitem__(self, key, value):
        i = self._check(key)
        if value:
            self.data[i] = value
        else:
            self.data.pop(i, None)

    def __delitem__(self, key):
        self.data.pop(self._check(key), None)

    def __contains__(self, value):
        return value in self.data.values() or (value == 0 and len(self.data) < self.size)

    def __iter__(self):
        for i in range(self.size):
            yield self[i]

    def __reversed__(self):
        for i in range(self.size - 1, -1, -1):
            yield self[i]

    def __repr__(self):
        return f"SparseVector({self.size}, {dict(sorted(self.data.items()))})"


v = SparseVector(8)
v[1] = 5
v[-1] = 9
v[3] = 2
v[3] = 0
v[4] = 7
print(v, len(v), v[1], v[2], v[-1], v[1:5], v[::3], list(v), list(reversed(v)))
print(5 in v, 0 in v, 3 in v, bool(v), bool(SparseVector(0)), sum(v), max(v), sorted(v)[-2:])
del v[1]
print(v, list(enumerate(v))[:3])
for bad in (8, -9):
    try:
        v[bad]
    except IndexError as e:
        print("IndexError:", e)


class DefaultDict(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory

    def __missing__(self, key):
        print(f"  __missing__({key!r})")
        value = self[key] = self.factory()
        return value


dd = DefaultDict(list)
dd["a"].append(1)
dd["a"].append(2)
dd["b"].append(3)
print(dd, "c" in dd, dd.get("c"), len(dd))
