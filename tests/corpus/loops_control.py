# versions: 2.7, 3.6+
from __future__ import print_function


def find(haystack, needle):
    for i, item in enumerate(haystack):
        if item == needle:
            print("found %r at %d" % (needle, i))
            break
    else:
        print("%r not found" % (needle,))


def primes(limit):
    out = []
    n = 2
    while n < limit:
        for p in out:
            if n % p == 0:
                break
        else:
            out.append(n)
        n += 1
    return out


def nested_loops():
    out = []
    for i in range(4):
        for j in range(4):
            if j > i:
                break
            if (i + j) % 2:
                continue
            out.append((i, j))
    return out


def while_else(n):
    while n > 0:
        n -= 3
        if n == 1:
            return "hit one"
    else:
        return "ended at %d" % n


find([1, 2, 3], 2)
find("abc", "z")
print(primes(50))
print(nested_loops())
print(while_else(10), while_else(9))
count = 0
while True:
    count += 1
    if count >= 5:
        break
print(count)
for ch in "abc":
    pass
print(ch)
total = 0
for i in range(100):
    if i % 3 == 0 or i % 5 == 0:
        total += i
print(total)
