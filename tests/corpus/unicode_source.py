# versions: 3.6+
# -*- coding: utf-8 -*-
# Non-ASCII characters written directly in the source, and as identifiers.
größe = 42
naïve = "café ☃ 😀"
π = 3.14159
名前 = "名前"


def grüß(name):
    return "Grüß dich, " + name + "!"


print(größe)
print(naïve, len(naïve))
print(ascii(naïve))
print(π * 2)
print(名前, ascii(名前))
print(grüß("Jürgen"))
print("\N{SNOWMAN} \N{LATIN SMALL LETTER E WITH ACUTE}")
print([hex(ord(c)) for c in "😀é\x00"])
print(repr("\ud800"), len("\ud800\udc00"))
print("é".encode("utf-8"), "😀".encode("utf-16-le"))
print(sorted(k for k in globals() if not k.startswith("__")))
