# versions: 3.11+
# str searching and splitting: split/rsplit/splitlines, join, strip family, replace, find/index, count.

text = "  the quick brown fox jumps over the lazy dog  "
print(repr(text.strip()), repr(text.lstrip()), repr(text.rstrip()))
print(repr("xxhixx".strip("x")), repr("abcHELLOcba".strip("abc")), repr("www.example.com".lstrip("w.")))
words = text.split()
print(words, len(words))
print(text.split(" ")[:5])
print("a,b,,c,".split(","), "a,b,,c,".split(",", 1), "a,b,,c,".rsplit(",", 2))
print("one  two   three".split(None, 1), "  lead".split(), "".split(), "".split(","))
print("k=v=w".partition("="), "k=v=w".rpartition("="), "none".partition("="), "none".rpartition("="))
lines = "first line\nsecond\r\nthird\rfourth\n\nlast"
print(lines.splitlines())
print(lines.splitlines(keepends=True))
print("-".join(words), "".join(reversed("stressed")), ", ".join(str(n) for n in range(5)))
try:
    ", ".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
s = "the cat sat on the mat with the hat"
print(s.replace("the", "a"), "|", s.replace("the", "a", 2), "|", s.replace("", "-")[:12])
print(s.find("at"), s.find("at", 6), s.rfind("at"), s.find("dog"), s.index("sat"), s.rindex("the"))
print(s.count("the"), s.count("at"), s.count(""), "aaaa".count("aa"))
print(s.startswith("the"), s.startswith(("a", "t")), s.endswith("hat"), s.endswith("at", 0, 7),
      s.startswith("cat", 4))
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
print("in:", "cat" in s, "dog" not in s, "" in s)
print("removeprefix:", "unhappy".removeprefix("un"), "unhappy".removesuffix("py"), "x".removeprefix("y"))


def tokenize_csv_line(line):
    fields = []
    current = []
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            fields.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    fields.append("".join(current).strip())
    return fields


for line in ['a, b, c', '"x, y", z', 'single', ',,', ' "quoted" , plain ']:
    print(repr(line), "->", tokenize_csv_line(line))

paragraph = """Python is a programming language.
It lets you work quickly.
Python is fun; python is powerful."""
freq = {}
for w in paragraph.lower().replace(".", " ").replace(";", " ").split():
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
print([line.split(" ", 1)[0] for line in paragraph.splitlines()])
print("str * int:", "ab" * 3, 3 * "-", "x" * 0, "x" * -2 == "")
print("compare:", "apple" < "banana", "Zebra" < "apple", "abc" < "abd", "ab" < "abc", "a" * 3 == "aaa")
print("indexing:", s[0], s[-1], s[4:7], s[::-1][:8], s[100:], s[-3:])
