# versions: 3.11+
# dict: insertion order, views and set operations on them, comprehensions, pop/popitem/setdefault,
# | and |=, update forms, iteration while mutating, and a word index built with dicts.

d = {"one": 1, "two": 2, "three": 3}
d["four"] = 4
d["one"] = 11
print(d, list(d), list(d.values()), list(d.items()))
del d["two"]
d["two"] = 22
print("re-inserted goes last:", d)
keys, values, items = d.keys(), d.values(), d.items()
d["five"] = 5
print("views are live:", keys, values, items, len(keys))
print("key views support set ops:", keys & {"one", "five"} == {"one", "five"}, sorted(keys - {"one"}),
      sorted(keys | {"six"}), ("one", 11) in items, 22 in values)
print(list(reversed(d)), list(reversed(d.items()))[:2])
print(d.pop("four"), d.pop("missing", None), d.popitem(), d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
print(d.setdefault("new", []), d.setdefault("one", 0), d)
d.setdefault("new", []).append("x")
print(d["new"], d.get("nope"), d.get("nope", "dflt"), "one" in d, 11 in d)
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, {**a, **b, "w": 0})
a |= b
print(a)
a.update([("p", 1)], q=2)
a.update({"x": -1})
print(a)
squares = {n: n * n for n in range(6) if n % 2 == 0}
inverted = {v: k for k, v in squares.items()}
print(squares, inverted, dict(zip("abc", range(3))), dict([("k", 1)], extra=True))
print(dict.fromkeys("aab"), dict.fromkeys(range(3), "v"))
try:
    for k in d:
        d[k + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(d))
for k in list(d):
    if k.endswith("!"):
        del d[k]
print(d)
print({1: "a"} == {1: "a"}, {1: "a", 2: "b"} == {2: "b", 1: "a"}, list({2: 0, 1: 0}))
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
nested = {}
for path, value in [("a/b/c", 1), ("a/b/d", 2), ("a/e", 3), ("f", 4)]:
    node = nested
    parts = path.split("/")
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value
print(nested)


def walk(tree, prefix=""):
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from walk(value, prefix + key + ".")
        else:
            yield prefix + key, value


print(list(walk(nested)))
text = "it was the best of times it was the worst of times"
index = {}
for pos, word in enumerate(text.split()):
    index.setdefault(word, []).append(pos)
print(index)
print(max(index, key=lambda w: len(index[w])), sorted(index, key=lambda w: (-len(index[w]), w))[:4])
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: kv[1]))
print(dict(sorted(counts.items())), {k: v for k, v in counts.items() if v > 1})
