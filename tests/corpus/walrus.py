# versions: 3.8+
data = [3, 8, 1, 9, 4, 12, 7]

if (n := len(data)) > 5:
    print("long list of", n)

results = [y for x in data if (y := x * x) > 20]
print(results)
print(y)

stack = [1, 2, 3]
popped = []
while (top := stack.pop() if stack else None) is not None:
    popped.append(top)
print(popped)


def first_big(values, limit):
    if any((found := v) > limit for v in values):
        return found
    return None


print(first_big(data, 8), first_big(data, 100))
print([last := i for i in range(3)], last)
print((total := 10) + total)
