# versions: 3.11+
# Sorting: list.sort and sorted with key and reverse, stability, multi-key sorts, comparison errors.

people = [("Ann", 31, "Oslo"), ("bob", 25, "Rome"), ("Cid", 31, "Lima"), ("dee", 25, "Oslo"),
          ("Eve", 40, "Rome"), ("fay", 31, "Rome")]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: p[0].lower()))
print(sorted(people, key=lambda p: (p[2], -p[1])))
by_city = sorted(people, key=lambda p: p[0])
by_city.sort(key=lambda p: p[2])
print("stable two-pass:", [p[0] for p in by_city])
words = "banana Apple cherry apple Banana date Cherry".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w.lower(), w)))
nums = [5, -3, 2, -8, 0, 7, -1]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.sort(key=abs)
print(nums)
print(sorted(nums, key=lambda n: (n % 2, n)), sorted("sorting"), sorted({"b": 1, "a": 2}))
print(sorted([3.5, 1, 2.25, -0.5, True]), sorted([[2, 1], [1, 5], [1, 2, 0]]), sorted([(1, "b"), (1, "a")]))
try:
    sorted([1, "two", 3])
except TypeError as e:
    print("TypeError:", e)
try:
    [None, 1].sort()
except TypeError as e:
    print("TypeError:", e)


class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
        self.text = text

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return self.text


versions = [Version(v) for v in ["1.10", "1.2", "1.2.1", "0.9", "1.0", "10.0", "2.0"]]
print(sorted(versions), max(versions, key=lambda v: v.parts), min(versions))
keyed_calls = []


def tracking_key(x):
    keyed_calls.append(x)
    return -x


print(sorted([3, 1, 2], key=tracking_key), "key called for", keyed_calls)
records = [{"name": n, "score": s} for n, s in [("a", 3), ("b", 1), ("c", 3), ("d", 2), ("e", 1)]]
records.sort(key=lambda r: r["score"], reverse=True)
print("reverse keeps equal items in order:", [r["name"] for r in records])


def insertion_sort(xs):
    xs = list(xs)
    for i in range(1, len(xs)):
        cur = xs[i]
        j = i - 1
        while j >= 0 and xs[j] > cur:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = cur
    return xs


def merge_sort(xs, key=lambda v: v):
    if len(xs) <= 1:
        return list(xs)
    mid = len(xs) // 2
    left, right = merge_sort(xs[:mid], key), merge_sort(xs[mid:], key)
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if key(right[j]) < key(left[i]):
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
    return out + left[i:] + right[j:]


data = [29, 3, 17, 3, -4, 11, 0, 42, 17, 8]
print(insertion_sort(data), merge_sort(data) == sorted(data))
print(merge_sort(people, key=lambda p: p[1]) == sorted(people, key=lambda p: p[1]))
print(sorted(range(10), key=lambda n: (n % 3, -n)), list(reversed(sorted("hello"))))
