# versions: 3.11+
# Classic sorting algorithms written by hand (bubble, selection, insertion, merge, quick, heap,
# counting, radix), each checked against sorted() and counting comparisons.


class Counted:
    comparisons = 0

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        Counted.comparisons += 1
        return self.v < other.v


def bubble(a):
    a = list(a)
    for end in range(len(a) - 1, 0, -1):
        swapped = False
        for i in range(end):
            if a[i + 1] < a[i]:
                a[i], a[i + 1] = a[i + 1], a[i]
                swapped = True
        if not swapped:
            break
    return a


def selection(a):
    a = list(a)
    for i in range(len(a)):
        m = min(range(i, len(a)), key=lambda j: a[j])
        a[i], a[m] = a[m], a[i]
    return a


def insertion(a):
    a = list(a)
    for i in range(1, len(a)):
        j = i
        while j and a[j] < a[j - 1]:
            a[j], a[j - 1] = a[j - 1], a[j]
            j -= 1
    return a


def merge(a):
    if len(a) <= 1:
        return list(a)
    left, right = merge(a[:len(a) // 2]), merge(a[len(a) // 2:])
    out = []
    while left and right:
        out.append(right.pop(0) if right[0] < left[0] else left.pop(0))
    return out + left + right


def quick(a):
    if len(a) <= 1:
        return list(a)
    pivot = a[len(a) // 2]
    return quick([x for x in a if x < pivot]) + [x for x in a if not x < pivot and not pivot < x] + quick([x for x in a if pivot < x])


def heap(a):
    a = list(a)

    def sift(start, end):
        root = start
        while 2 * root + 1 <= end:
            child = 2 * root + 1
            if child + 1 <= end and a[child] < a[child + 1]:
                child += 1
            if a[root] < a[child]:
                a[root], a[child] = a[child], a[root]
                root = child
            else:
                return

    for start in range(len(a) // 2 - 1, -1, -1):
        sift(start, len(a) - 1)
    for end in range(len(a) - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end - 1)
    return a


def counting(a):
    lo, hi = min(a), max(a)
    counts = [0] * (hi - lo + 1)
    for x in a:
        counts[x - lo] += 1
    return [v + lo for v, c in enumerate(counts) for _ in range(c)]


def radix(a, base=10):
    a = list(a)
    place = 1
    while any(x // place for x in a):
        buckets = [[] for _ in range(base)]
        for x in a:
            buckets[(x // place) % base].append(x)
        a = [x for b in buckets for x in b]
        place *= base
    return a


data = [(i * 7919) % 101 - 20 for i in range(40)]
expected = sorted(data)
print("data:", data)
for fn in (bubble, selection, insertion, merge, quick, heap):
    Counted.comparisons = 0
    result = [c.v for c in fn([Counted(v) for v in data])]
    print(f"{fn.__name__:<9} ok={result == expected} comparisons={Counted.comparisons}")
print("counting ok:", counting(data) == expected, "radix ok:", radix([x + 20 for x in data]) == [x + 20 for x in expected])
print("already sorted bubble:", bubble(range(10)), "reversed:", insertion(range(5, 0, -1)), "strings:", merge(list("sorting")))
pairs = [(2, "b"), (1, "a"), (2, "a"), (1, "b")]
print("stable merge on keys:", [p for p in merge([(p[0], i, p) for i, p in enumerate(pairs)])])
print("empty and single:", [fn([]) for fn in (bubble, merge, quick, heap)], [fn([7]) for fn in (selection, insertion)])
