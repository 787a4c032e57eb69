# versions: 3.11+
# Recursion: classic recursive algorithms (Ackermann, Hanoi, flood fill, mutual recursion), memoized
# recursion, and runaway recursion caught as RecursionError (only a fixed message is printed).
import sys


def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((n, src, dst))
    hanoi(n - 1, via, dst, src, moves)


moves = []
hanoi(4, "A", "C", "B", moves)
print(len(moves), moves[:5], moves[-1])


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


print([ackermann(m, n) for m in range(3) for n in range(4)], ackermann(2, 3))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


print([is_even(n) for n in range(6)], is_odd(101))
grid = [list(row) for row in ["#########", "#..#....#", "#..#.##.#", "#....#..#", "######..#", "#....#..#", "#########"]]


def fill(r, c, mark):
    if grid[r][c] != ".":
        return 0
    grid[r][c] = mark
    return 1 + fill(r + 1, c, mark) + fill(r - 1, c, mark) + fill(r, c + 1, mark) + fill(r, c - 1, mark)


print("filled", fill(1, 1, "a"), "then", fill(5, 1, "b"))
print("\n".join("".join(row) for row in grid))
memo = {}


def partitions(n, largest):
    if n == 0:
        return 1
    if n < 0 or largest == 0:
        return 0
    key = (n, largest)
    if key not in memo:
        memo[key] = partitions(n - largest, largest) + partitions(n, largest - 1)
    return memo[key]


print("partitions:", [partitions(n, n) for n in range(1, 16)], partitions(100, 100), len(memo))


def depth_of(nested):
    if not isinstance(nested, list):
        return 0
    return 1 + max((depth_of(x) for x in nested), default=0)


print(depth_of([1, [2, [3, [4]], []], [[[[[]]]]]]), depth_of([]), depth_of(5))


def runaway(n):
    return runaway(n + 1) + 1


try:
    runaway(0)
except RecursionError as e:
    print("RecursionError caught:", type(e).__name__, isinstance(e, RuntimeError))


class Node:
    def __init__(self, value, child=None):
        self.value, self.child = value, child

    def __repr__(self):
        return f"Node({self.value}, {self.child!r})"


chain = None
for i in range(5):
    chain = Node(i, chain)
print(repr(chain))
loop = Node("self")
loop.child = loop
limit = sys.getrecursionlimit()
sys.setrecursionlimit(100)
try:
    repr(loop)
except RecursionError:
    print("repr of a cyclic structure without a guard: RecursionError")
try:
    hanoi(200, "A", "B", "C", [])
except RecursionError:
    print("hanoi(200) exceeds a limit of 100")
finally:
    sys.setrecursionlimit(limit)
deep = []
node = deep
for _ in range(50):
    node.append([])
    node = node[0]
print("depth of a 50-level list:", depth_of(deep))
print("still working after recursion errors:", ackermann(1, 5))
