# versions: 2.7, 3.6+
from __future__ import print_function


def is_vowel(c):
    return c in {"a", "e", "i", "o", "u"}


def is_small_prime(n):
    return n in {2, 3, 5, 7, 11, 13}


def not_weekend(day):
    return day not in {"sat", "sun"}


def mixed_membership(x):
    return x in {1, 2.5, "three", (4, 5), None, b"six"}


def iterate_set_literal():
    total = 0
    for n in {10, 20, 30}:
        total += n
    return total


def frozen_builtin():
    return frozenset([3, 1, 2]) | frozenset(["x"])


print([c for c in "programming" if is_vowel(c)])
print([n for n in range(20) if is_small_prime(n)])
print(not_weekend("mon"), not_weekend("sun"))
print([mixed_membership(v) for v in (1, 2.5, "three", (4, 5), None, b"six", 7)])
print(iterate_set_literal())
print(sorted(frozen_builtin(), key=str))
print(sorted({1, 2, 3} & {2, 3, 4}), sorted({1, 2} | {5}), sorted({1, 2, 3} - {2}))
print(sorted({1, 2, 3} ^ {3, 4}))
print(frozenset([1, 2]) == frozenset([2, 1]), {1, 2} <= {1, 2, 3})
