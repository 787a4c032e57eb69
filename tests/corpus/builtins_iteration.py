# versions: 3.11+
# Builtins that consume or produce iterables: sorted, min/max with key and default, sum with start,
# enumerate with start, zip (including strict=True), map with several iterables, filter, reversed,
# any/all short-circuiting, len, and list/tuple/dict/set constructors.

scores = {"ann": 88, "bob": 95, "cy": 70, "dee": 95}
print(sorted(scores), sorted(scores.values()), sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
print(min(scores, key=scores.get), max(scores, key=scores.get), max(scores.values()), min("hello"))
print(min([], default="empty"), max([], default=None), min([3], default=0), max(2, 8, 5), min("b", "a", "c"))
print(max([(1, "b"), (1, "a")]), max(["apple", "fig", "kiwi"], key=len), min(["apple", "fig", "kiwi"], key=len))
for call in [lambda: min([]), lambda: max(), lambda: max(1), lambda: min([1], [2], default=0)]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(sum([1, 2, 3]), sum(range(101)), sum([0.5, 0.25]), sum([[1], [2]], []), sum((), 10), sum([1, 2], start=100))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
print(list(enumerate("abc")), list(enumerate("abc", start=10)), list(enumerate([], 5)))
print(list(zip("abc", [1, 2, 3], (True, False, None))), list(zip("abcd", range(2))), list(zip()))
print(list(zip("ab", "cd", strict=True)))
for args in [("abc", "de"), ("a", "bc"), ("ab", "cd", "e")]:
    try:
        list(zip(*args, strict=True))
    except ValueError as e:
        print("ValueError:", e)
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3, 4], [3, 2, 1])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "ef")))
print(list(map(str.upper, ["x", "y"])), list(map(len, ["", "ab", "abcd"])), list(map(int, "123")))
print(list(filter(None, [0, 1, "", "a", [], [0], None])), list(filter(str.isdigit, "a1b2c3")), list(filter(lambda n: n % 3 == 0, range(10))))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(1, 10, 3))), list(reversed((1,))))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
checked = []


def check(v):
    checked.append(v)
    return v > 2


print(any(check(v) for v in [1, 3, 5]), checked)
checked.clear()
print(all(check(v) for v in [3, 1, 5]), checked)
print(any([]), all([]), any([0, None, ""]), all([1, "a", [0]]), any(x > 10 for x in range(5)))
print(len([1, 2]), len("héllo"), len(b"h\xc3\xa9"), len({1: 2}), len(range(0, 100, 7)), len(set("banana")))
print(list("abc"), tuple([1, 2]), dict([("a", 1), ("b", 2)]), dict(a=1), set([1, 1, 2]), frozenset("aa"))
print(list(range(3)) + list(map(str, range(2))), tuple(x * x for x in range(4)), dict(enumerate("xy")))
students = ["zed", "amy", "bob"]
grades = [70, 95, 82]
ranked = sorted(zip(grades, students), reverse=True)
print(ranked, [name for _, name in ranked], dict(zip(students, grades)))
for i, (name, grade) in enumerate(zip(students, grades), start=1):
    print(f"{i}. {name:<4} {grade:>3} {'*' * (grade // 10)}")
print(sorted([-3, 1, -2, 4], key=abs), sorted(["b", "A", "c"], key=str.lower, reverse=True))
print(max(enumerate([5, 9, 2]), key=lambda p: p[1]), min(zip([3, 1], "ab")))
