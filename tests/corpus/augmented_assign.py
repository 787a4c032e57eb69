# versions: 3.11+
# Augmented assignment: every operator on ints, in-place list/set/dict/str/bytes updates, __iadd__
# versus __add__ fallback, subscript targets whose key expression is evaluated once, and the
# tuple-item += that mutates and then fails.

n = 7
for op in ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="]:
    x = n
    try:
        if op == "+=": x += 3
        elif op == "-=": x -= 3
        elif op == "*=": x *= 3
        elif op == "/=": x /= 2
        elif op == "//=": x //= 2
        elif op == "%=": x %= 4
        elif op == "**=": x **= 3
        elif op == "<<=": x <<= 2
        elif op == ">>=": x >>= 1
        elif op == "&=": x &= 3
        elif op == "|=": x |= 8
        elif op == "^=": x ^= 5
        elif op == "@=": x @= 2
        print(f"7 {op} -> {x!r}")
    except TypeError as e:
        print(f"7 {op} -> TypeError: {e}")
items = [1, 2]
alias = items
items += (3, 4)
items += "ab"
items *= 2
print(items, alias is items)
try:
    items = items + (5,)
except TypeError as e:
    print("TypeError:", e)
s = {1, 2}
s_alias = s
s |= {3}
s &= {2, 3, 4}
s -= {9}
s ^= {5}
print(s, s is s_alias)
d = {"a": 1}
d_alias = d
d |= {"b": 2}
print(d, d is d_alias)
text = "ab"
t_alias = text
text += "cd"
text *= 2
print(text, t_alias, text is t_alias)
buf = bytearray(b"x")
buf_alias = buf
buf += b"yz"
print(buf, buf is buf_alias)
fs = frozenset({1})
fs_alias = fs
fs |= {2}
data = b"x"
data += b"y"
print(fs, fs is fs_alias, fs_alias, data)


counter = {"calls": 0}


def key():
    counter["calls"] += 1
    return "k"


store = {"k": [1]}
store[key()] += [2]
store[key()][0] *= 100
print(store, "key() called", counter["calls"], "times")


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        print("  __add__ (new object)")
        return Num(self.v + other)

    def __repr__(self):
        return f"Num({self.v})"


class InPlace(Num):
    def __iadd__(self, other):
        print("  __iadd__ (same object)")
        self.v += other
        return self


for obj in (Num(1), InPlace(1)):
    before = obj
    obj += 10
    print(obj, "same object:", obj is before)
pair = ([1], "s")
try:
    pair[0] += [2]
except TypeError as e:
    print("TypeError:", e, "| but the list changed:", pair)
