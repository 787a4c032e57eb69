# versions: 3.12+
# PEP 701: quotes may be reused inside replacement fields, and fields may span lines.
songs = ["Take me back to Eden", "Alkaline", "Ascensionism"]
print(f"This is the playlist: {", ".join(songs)}")
print(f"{f"{f"{f"{f"{1 + 1}"}"}"}"}")
data = {"a": 1, "b": 2}
print(f"{data["a"] + data["b"]}")
print(f"{
    sum(
        [x for x in range(10)]  # a comment inside
    )
}")
print(f"{'\n'.join(["line1", "line2"])}")
print(f"{"\N{GREEK SMALL LETTER ALPHA}"!a}")
