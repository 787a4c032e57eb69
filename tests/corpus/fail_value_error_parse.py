# versions: 3.11+
# Fails on purpose: ValueError from int() while parsing a table row by row in a nested helper.


def parse_row(row):
    name, *numbers = row.split()
    return name, [int(n) for n in numbers]


def parse_table(text):
    rows = {}
    for line in text.strip().splitlines():
        name, numbers = parse_row(line)
        rows[name] = sum(numbers)
        print(f"{name}: {rows[name]}")
    return rows


parse_table("""
alpha 1 2 3
beta 10 20
gamma 5 5x 5
delta 1
""")
print("never printed")
