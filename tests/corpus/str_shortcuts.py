# versions: 3.11-3.13
# The VM's shortcuts for str: ASCII case mapping, strip returning the string itself when nothing goes, join over a list
# or tuple, concatenation in BINARY_OP; each beside the general path it must agree with.
a = "abc"
print(a.strip() is a, a.lstrip() is a, a.rstrip("x") is a, " a ".strip() is a)
print(repr("\u2000x\u205f".strip()), repr("  a ".strip("")), repr("xxaxx".strip("x")), repr("xxaxx".lstrip("x")), repr("xxaxx".rstrip("x")))
class S(str): pass
s = S("abc")
print(type(s.strip()).__name__, s.strip() is s)
for w in ["Hello World", "", "ABC", "ǅx", "ßtraße", "İstanbul", "ΣΑΣ", "a1B2", "hELLO"]:
    print(w.lower(), w.upper(), w.capitalize())
print("-".join(["a", "b"]), "-".join(("a",)), "".join(x for x in "xyz"), ",".join([]))
try:
    "-".join(["a", 1])
except TypeError as e:
    print(e)
b = "x"
for i in range(3):
    b += "y" + b
print(b, "a" + "\U0001F600", len("\ud83d" + "\ude00"))
