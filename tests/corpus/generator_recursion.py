# versions: 3.11+
# Recursive generators with yield from: tree walks, chaining, flattening nested lists,
# permutations, and return values of sub-generators collected by the delegating generator.


def tree_walk(node, depth=0):
    name, children = node
    yield "  " * depth + name
    for child in children:
        yield from tree_walk(child, depth + 1)


tree = ("root", [("src", [("main.py", []), ("util.py", [])]), ("tests", [("test_main.py", [])]), ("README", [])])
for line in tree_walk(tree):
    print(line)


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(chain("ab", range(3), (x * x for x in range(3)), {"k": 1})))


def gen_with_return():
    yield 1
    yield 2
    return 99


def collector():
    values = []
    result = yield from gen_with_return()
    values.append(result)
    result2 = yield from []
    values.append(result2)
    yield values


print(list(collector()))


def flatten(items):
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item


print(list(flatten([1, [2, (3, [4, []]), 5], [[[6]]], "text"])))


def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, first in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [first] + rest


print(["".join(p) for p in permutations("abc")], sum(1 for _ in permutations(list(range(5)))))
