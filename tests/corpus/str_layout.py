# versions: 3.11+
# str padding and case methods: center/ljust/rjust/zfill, title/capitalize/swapcase/casefold, expandtabs.

for w in ["a", "odd", "even", "longer than width"]:
    print(f"[{w.center(10)}] [{w.center(10, '*')}] [{w.ljust(8, '.')}] [{w.rjust(8, '_')}]")
for n in ["42", "-42", "+7", "3.14", "", "abc", "-"]:
    print(f"zfill({n!r}, 6) = {n.zfill(6)!r}")
samples = ["hello world", "HELLO World", "they're bill's friends", "ǅemal", "straße", "ÉCOLE élève",
           "mIxEd CaSe 123", "a-b_c d"]
for s in samples:
    print(f"{s!r}: upper={s.upper()!r} lower={s.lower()!r} title={s.title()!r} "
          f"cap={s.capitalize()!r} swap={s.swapcase()!r} fold={s.casefold()!r}")
print("casefold compare:", "Straße".casefold() == "STRASSE".casefold(), "Straße".lower() == "strasse")
print("istitle/isupper/islower:", "Hello World".istitle(), "HELLO".isupper(), "hello1".islower(),
      "123".isupper(), "Hello world".istitle())
table = "name\tqty\tprice\napple\t3\t1.25\nwatermelon\t1\t4.5"
print(table.expandtabs())
print(table.expandtabs(12))
print(repr("a\tb\tc".expandtabs(4)), repr("\t".expandtabs(0)))


def format_table(rows, aligns):
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(rows[0]))]
    out = []
    for r, row in enumerate(rows):
        cells = []
        for i, cell in enumerate(row):
            text = str(cell)
            if aligns[i] == "<":
                cells.append(text.ljust(widths[i]))
            elif aligns[i] == ">":
                cells.append(text.rjust(widths[i]))
            else:
                cells.append(text.center(widths[i]))
        out.append("| " + " | ".join(cells) + " |")
        if r == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


rows = [("item", "count", "note"), ("pen", 12, "blue"), ("notebook", 3, ""), ("eraser", 150, "soft")]
print(format_table(rows, "<>^"))


def banner(title, width=30, fill="="):
    line = fill * width
    return "\n".join([line, title.upper().center(width), line])


print(banner("report"))
print(banner("x", 9, "#"))
print("chars:", "".join(c.upper() if i % 2 else c for i, c in enumerate("alternating")))
print("words:", " ".join(w.capitalize() for w in "the old man and the sea".split()))
print("len of unicode:", len("straße"), len("STRASSE"), len("ǅ".upper()), "ß".upper(), "ﬁ".upper())
