# versions: 3.11+
# Comparison chains and conditional expressions: evaluation order and short-circuiting shown by a
# tracing helper, operator precedence, `in`/`is` in chains, and comparisons across numeric types.

calls = []


def v(label, value):
    calls.append(label)
    return value


def show(label, result):
    print(f"{label:<34} -> {result!r:<6} evaluated {calls}")
    calls.clear()


show("1 < 2 < 3", v("a", 1) < v("b", 2) < v("c", 3))
show("3 < 2 < f() (short-circuits)", v("a", 3) < v("b", 2) < v("c", 99))
show("middle evaluated once", v("a", 1) < v("b", 5) > v("c", 2))
show("a == b == c", v("a", 2) == v("b", 2.0) == v("c", 2 + 0j))
show("x in y in z", v("a", 1) in v("b", [1, 2]) in v("c", [[1, 2], [3]]))
show("x is not y < z", v("a", None) is not v("b", 0) < v("c", 1))
show("cond expr true branch", v("then", "T") if v("cond", True) else v("else", "E"))
show("cond expr false branch", v("then", "T") if v("cond", 0) else v("else", "E"))
show("nested conditional", v("x", "neg") if v("c1", -1) < 0 else v("y", "zero") if v("c2", 0) == 0 else v("z", "pos"))
show("and/or mix", v("a", 0) or v("b", 2) and v("c", 3))
show("not binds looser than ==", not v("a", 1) == v("b", 2))
show("chain with and", v("a", 1) < v("b", 2) and v("c", 3) > v("d", 4))
print("precedence:", 2 + 3 * 4 ** 2, (2 + 3) * 4, -2 ** 2, (-2) ** 2, 2 ** -1, 10 - 4 - 3, 2 ** 3 ** 2, 100 // 10 // 3)
print("bitwise vs comparison:", 1 | 2 == 3, (1 | 2) == 3, 6 & 3 < 4, 1 << 2 + 1, ~0 + 1, 5 ^ 3 & 1)
print("numeric cross-type:", 1 == 1.0 == True, 0.1 + 0.2 == 0.3, 1 < 1.5 < 2, 2 ** 64 > 1.8e19, 10 ** 400 > float("inf"), -(10 ** 400) < float("-inf"))
print("big int vs float:", 2 ** 53 + 1 > 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, float(2 ** 53 + 1) == 2.0 ** 53)
print("nan:", float("nan") < 1, float("nan") >= 1, 1 < float("nan") or "neither")
print("strings:", "a" < "b" < "c", "Z" < "a", "abc" < "abd" < "abe", "" < "a", "10" < "9", [1, 2] < [1, 2, 0] < [1, 3])
print("tuples lexicographic:", (1, 2, 3) < (1, 2, 4), (1, 2) < (1, 2, -1), (2,) > (1, 99, 99), () == ())
print("sets partial order:", {1} < {1, 2}, {1, 2} < {1, 3}, {1, 3} < {1, 2}, {1, 2} == {2, 1}, {1} <= {1})
grades = [(95, "A"), (85, "B"), (75, "C"), (65, "D")]


def grade(score):
    return next((g for cutoff, g in grades if score >= cutoff), "F")


print([(s, grade(s)) for s in (100, 95, 94.9, 70, 12)])


def clamp(x, lo, hi):
    return lo if x < lo else hi if x > hi else x


print([clamp(x, 0, 10) for x in (-5, 0, 5, 10, 15)], [0 <= x <= 10 for x in (-1, 0, 10, 11)])
x = 5
print("range checks:", 1 < x < 10, 1 < x > 3, x == 5 != 6, 3 > x or x > 4, (lambda y: 0 < y < 3)(x))
try:
    show("TypeError in chain", v("a", 1) < v("b", "x") < v("c", 3))
except TypeError as e:
    print("TypeError:", e, "after evaluating", calls)
