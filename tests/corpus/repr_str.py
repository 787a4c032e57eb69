# versions: 3.11+
# __repr__ vs __str__ vs __format__: which one print, str(), repr(), f-strings, %-formatting and
# containers use; the default reprs of classes; recursive containers; repr of many builtin values.


class Both:
    def __repr__(self):
        return "Both(repr)"

    def __str__(self):
        return "Both(str)"


class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"


class StrOnly:
    def __str__(self):
        return "StrOnly as str"


b, r = Both(), ReprOnly()
print(b, r, str(b), repr(b), str(r), f"{b} {b!r} {r}", "%s %r" % (b, b))
print([b, r], (b,), {"k": b}, {b: 1} if False else "-", str([b]), repr([r]))
so = StrOnly()
print(so, str(so), repr(so).startswith("<__main__.StrOnly object at 0x"), f"{so}")
print(repr(Both).replace("__main__", "M"), str(ReprOnly), Both.__name__, type(b))


class Tree:
    def __init__(self, value, *children):
        self.value, self.children = value, list(children)

    def __repr__(self):
        if not self.children:
            return f"Tree({self.value!r})"
        return f"Tree({self.value!r}, {', '.join(map(repr, self.children))})"

    def __str__(self):
        lines = []
        self._render(lines, 0)
        return "\n".join(lines)

    def _render(self, lines, depth):
        lines.append("  " * depth + "- " + str(self.value))
        for child in self.children:
            child._render(lines, depth + 1)


t = Tree("root", Tree("a", Tree(1), Tree(2.5)), Tree("b"), Tree(None, Tree("leaf")))
print(repr(t))
print(t)
lst = [1, 2]
lst.append(lst)
d = {"self": None}
d["self"] = d
print(lst, d, repr(lst))
values = [0, -1, 2 ** 70, 1.0, 1e-9, float("inf"), 1 + 2j, "s", "it's", 'say "x"', "both ' \"",
          "tab\tend", "caf\u00e9 \u20ac", b"\x00a'", bytearray(b"x"), None, True, Ellipsis,
          NotImplemented, [], (), (1,), {}, set(), frozenset(), range(3), slice(1, 2), [[]], {1: {2: ()}}]
for v in values:
    print(f"{type(v).__name__:>14}: repr={v!r} str={v!s}")
print(repr("\x00\x7f\u00e9\u2028\n\\"), ascii("\u00e9\u2028"))
print(repr(str), repr(int.__add__)[:28], repr(len), repr(print))
print(repr(type(None)), repr(type(...)), repr(object), repr(Exception("msg")), repr(KeyError("k")))
print(str(Exception("msg")), str(KeyError("k")), str(ValueError()), repr(ValueError()), str(OSError(2, "nf")))
print(repr(ValueError("a", 2)), str(ValueError("a", 2)), repr(StopIteration(5)), str(SystemExit(3)))
