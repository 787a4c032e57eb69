# versions: 3.11+
# Fails on purpose: an IndexError in a chain of subscripts on one line, a few calls deep.

report = {"rows": [["ann", 3], ["bob", 5], ["cy", 7]], "columns": ["name", "count"]}


def cell(data, row, column):
    return data["rows"][row][data["columns"].index(column)]


def render(data, rows):
    widths = [max(len(str(r[i])) for r in data["rows"]) for i in range(len(data["columns"]))]
    print(" | ".join(c.ljust(w) for c, w in zip(data["columns"], widths)))
    for r in range(rows):
        print(" | ".join(str(cell(data, r, c)).ljust(w) for c, w in zip(data["columns"], widths)))


print("total count:", sum(cell(report, r, "count") for r in range(3)))
render(report, 3)
print("rendering one row too many")
render(report, 4)
print("never printed")
