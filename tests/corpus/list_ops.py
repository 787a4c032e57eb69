# versions: 3.11+
# list mutation: append/extend/insert/remove/pop/index/count, slice assignment and deletion, aliasing.

nums = [5, 3, 8]
nums.append(1)
nums.extend([9, 2])
nums.extend(range(2))
nums.insert(0, 7)
nums.insert(-1, 6)
nums.insert(100, 4)
print(nums, len(nums))
print(nums.pop(), nums.pop(0), nums.pop(-2), nums)
nums.remove(8)
print(nums, nums.index(9), nums.count(0), nums.count(42))
try:
    nums.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    nums.index(42)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    nums[99]
except IndexError as e:
    print("IndexError:", e)
try:
    nums[99] = 1
except IndexError as e:
    print("IndexError:", e)

letters = list("abcdefghij")
print(letters[2:5], letters[:3], letters[7:], letters[::3], letters[::-2], letters[-3:-1], letters[5:2])
letters[2:5] = ["X"]
print(letters)
letters[1:1] = ["i1", "i2"]
print(letters)
letters[-2:] = []
print(letters)
letters[::2] = "PQRST"[:len(letters[::2])]
print(letters)
try:
    letters[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
del letters[0]
del letters[1:3]
print(letters)
del letters[::2]
print(letters)
letters[:] = range(4)
print(letters)

a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
a.append(4)
print(a, b, c, d, a is b, a is c, a == b)
grid = [[0] * 3] * 3
grid[0][0] = 1
print("aliased rows:", grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print("separate rows:", grid)
a += [5]
a *= 2
print(a, b is a)
a = a + [6]
print(b is a, len(a), len(b))
r = [3, 1, 2]
r.reverse()
print(r, r.copy(), list(reversed(r)), r[::-1])
r.clear()
print(r, [] == r, [1, [2, 3]] == [1, [2, 3]], [1, 2] < [1, 2, 3], [2] > [1, 99])
print(list("xyz") + ["!"], [None] * 3, [[]] * 2, sum([[1], [2, 3]], []))


def rotate(lst, k):
    if not lst:
        return lst
    k %= len(lst)
    return lst[-k:] + lst[:-k]


def chunks(lst, n):
    return [lst[i:i + n] for i in range(0, len(lst), n)]


def dedupe(lst):
    seen = []
    for x in lst:
        if x not in seen:
            seen.append(x)
    return seen


print(rotate([1, 2, 3, 4, 5], 2), rotate([1, 2, 3], -1), rotate([], 3))
print(chunks(list(range(10)), 3), dedupe([3, 1, 3, 2, 1, 4]))
stack = []
for token in "3 4 + 2 * 7 -".split():
    if token in "+-*":
        right, left = stack.pop(), stack.pop()
        stack.append(left + right if token == "+" else left - right if token == "-" else left * right)
    else:
        stack.append(int(token))
    print(f"{token:>2} -> {stack}")
