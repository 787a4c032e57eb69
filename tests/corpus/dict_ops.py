# versions: 2.7, 3.6+
from __future__ import print_function

inventory = {"apple": 3, "pear": 5}
inventory["plum"] = 7
inventory.update({"kiwi": 1}, apple=4)
print(sorted(inventory.items()))
print(inventory.get("missing"), inventory.get("missing", 0), "pear" in inventory)
print(inventory.pop("pear"), inventory.pop("nothing", "default"))
print(inventory.setdefault("fig", 9), inventory.setdefault("fig", 10))
del inventory["kiwi"]
print(sorted(inventory), sorted(inventory.values()))
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2
print(sorted(nested["a"]["b"].items()))
merged = dict(inventory)
merged.update(counts)
print(len(merged), sorted(merged)[:3])
print(dict.fromkeys(["x", "y"], 0) == {"x": 0, "y": 0})
grid = {(x, y): x * y for x in range(3) for y in range(3)}
print(grid[(2, 2)], len(grid), sorted(grid)[-1])
literal = {1: "int", 1.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?"}
print(literal[1], literal[1.5], literal[(1, 2)], literal[None], len(literal))
