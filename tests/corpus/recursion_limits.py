# versions: 3.11-3.13
# RecursionError from native recursion (repr and comparison of nested containers) against the Python frame limit:
# 3.11 counts both together, 3.12 and 3.13 give native recursion its own limit (1500, 10000).
import sys
for depth in (900, 1400, 1600, 3000, 9000, 12000):
    l = []
    for i in range(depth):
        l = [l]
    try:
        r = repr(l)
        print(depth, "repr ok", len(r))
    except RecursionError as e:
        print(depth, "repr RecursionError", e)
    t1 = t2 = ()
    for i in range(depth):
        t1 = (t1,); t2 = (t2,)
    try:
        print(depth, "eq", t1 == t2)
    except RecursionError as e:
        print(depth, "eq RecursionError", e)
def f(n):
    return 0 if n == 0 else 1 + f(n - 1)
for n in (900, 990, 1100):
    try:
        print(n, f(n))
    except RecursionError as e:
        print(n, "RecursionError", e)
print(sys.getrecursionlimit())
