# versions: 3.11+
# Fails on purpose: ZeroDivisionError inside a list comprehension in a function (3.11 shows a
# <listcomp> frame; 3.12+ inline comprehensions and show none).


def ratios(pairs):
    return [round(a / b, 2) for a, b in pairs]


def safe_ratios(pairs):
    return [round(a / b, 2) if b else None for a, b in pairs]


def report(rows):
    print("rows:", rows)
    print("safe ratios:", safe_ratios(rows))
    print("ratios:", ratios(rows))


report([(1, 2), (3, 4)])
report([(5, 1), (2, 0), (7, 7)])
print("never printed")
