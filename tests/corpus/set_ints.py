# versions: 3.11+
# Sets and frozensets of ints printed directly (their iteration order), set algebra and mutation.

evens = {0, 2, 4, 6, 8, 10}
primes = {2, 3, 5, 7, 11, 13}
print(evens, primes)
print("union", evens | primes)
print("intersection", evens & primes, "difference", evens - primes, primes - evens)
print("symmetric", evens ^ primes)
print("methods", evens.union([20, 1]), evens.intersection(range(5)), primes.difference({2, 3}),
      primes.symmetric_difference([1, 2]))
print("subset", {2, 4} <= evens, {2, 4} < evens, evens <= evens, evens < evens, evens >= {0},
      {1}.isdisjoint(evens), {2}.isdisjoint(primes), {2, 3}.issubset(primes), primes.issuperset({13}))
s = set()
for n in [5, 3, 5, 1, 9, 3, 7, 100, 64, 33, 32, -1, -5]:
    s.add(n)
print(s, len(s))
s.discard(100)
s.discard(1000)
s.remove(64)
print(s)
try:
    s.remove(64)
except KeyError as e:
    print("KeyError:", e)
popped = s.pop()
print("popped", popped, s)
s.update([40, 41], {42})
s |= {50}
s &= set(range(0, 45))
s -= {3}
s ^= {0, 5}
print(s)
print({n % 7 for n in range(30)}, {n * n for n in range(-4, 5)}, set(range(20, 0, -3)))
print(set([3, 2, 1]), set((1000, 1, 2000, 2)), {17, 33, 1, 65, 49}, {8, 16, 24, 32, 40, 48, 56, 64})
print(sorted({5, 1, 3}), min({4, 2, 9}), max({4, 2, 9}), sum({1, 2, 3, 3}), 3 in {1, 2, 3})
fs = frozenset([3, 1, 4, 1, 5, 9, 2, 6])
print(fs, fs | {100}, fs & {1, 2, 3}, type(fs | {1}).__name__, type({1} | fs).__name__)
print(frozenset(), set(), frozenset({1}) == {1}, hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
groups = {frozenset({1, 2}): "a", frozenset({3}): "b"}
print(groups[frozenset([2, 1])], {frozenset({1, 2}), frozenset({2, 1})})
try:
    fs.add(7)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
print({True, 1, 1.0}, {0, False, 0.0, -0.0}, {1, 2} == {2, 1}, {1} != {1.0})


def sieve(limit):
    candidates = set(range(2, limit + 1))
    for i in range(2, int(limit ** 0.5) + 1):
        if i in candidates:
            candidates -= set(range(i * i, limit + 1, i))
    return candidates


print("primes below 60:", sieve(60))
graph = {1: {2, 3}, 2: {4}, 3: {4, 5}, 4: {6}, 5: {6}, 6: set()}
seen = set()
frontier = {1}
level = 0
while frontier:
    print("level", level, frontier)
    seen |= frontier
    frontier = set().union(*(graph[n] for n in frontier)) - seen
    level += 1
print("seen", seen)
