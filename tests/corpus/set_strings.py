# versions: 3.11+
# Sets and frozensets of strings, bytes and tuples printed directly: their iteration order comes from
# the string hashes (PYTHONHASHSEED=0 in the fixtures).

fruits = {"apple", "banana", "cherry", "date", "elderberry"}
print(fruits)
print(set("mississippi"), set("hello world"), frozenset("abcdef"))
tropical = {"banana", "mango", "papaya", "coconut"}
print(fruits & tropical, fruits | tropical)
print(fruits - tropical, tropical - fruits, fruits ^ tropical)
words = "the quick brown fox jumps over the lazy dog the end".split()
unique = set(words)
print(unique, len(words), len(unique))
print({w.upper() for w in unique if len(w) > 3}, {w[0] for w in words})
print({(1, "a"), (2, "b"), (1, "a")}, {("x", "y"), ("y", "x")}, {b"raw", b"bytes", b"raw"})
print(frozenset({"red", "green", "blue"}), {"single"}, {"", " ", "  "})
mixed = {1, "1", 1.5, (1,), None, True, "True"}
print(len(mixed), sorted(str(x) for x in mixed))
tags = {}
posts = [("p1", ["python", "bytecode", "vm"]), ("p2", ["csharp", "vm"]), ("p3", ["python", "csharp"])]
for post, post_tags in posts:
    for t in post_tags:
        tags.setdefault(t, set()).add(post)
print(tags)
print("python and vm:", tags["python"] & tags["vm"], "any:", tags["python"] | tags["csharp"])
vowels = frozenset("aeiou")
for w in ["rhythm", "education", "queue", "sky"]:
    print(w, set(w) & vowels, vowels - set(w) if len(vowels - set(w)) < 3 else "many missing")
s = {"k%d" % i for i in range(12)}
print(s)
s.discard("k3")
s.add("new")
print(s)
print([x for x in {"only"}], list({"b", "a"}), tuple({"zz", "aa", "mm"}), "-".join({"x", "y", "z"}))
print({c: c.upper() for c in set("abc")}, dict.fromkeys({"p", "q", "r"}, 0))
print(sorted(fruits), sorted(fruits, key=len), max(fruits, key=len), min(fruits))
print("hashes:", hash("apple"), hash("banana"), hash(""), hash("a"), hash(b"apple"), hash(("a", "b")))
