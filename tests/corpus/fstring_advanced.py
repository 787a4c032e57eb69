# versions: 3.11+
# f-strings: = self-documenting, !r/!s/!a conversions, nested format specs, expressions, nesting.

width, precision = 12, 3
value = 3.14159265
name = "Ada Lovelace"
items = ["x", "y", "z"]
scores = {"alice": 91.5, "bob": 78.25}

print(f"{value=}")
print(f"{value = }")
print(f"{value=:.2f}")
print(f"{name=!r:>20}")
print(f"{len(items)=} {items[1]=} {scores['bob']=}")
print(f"{value:{width}.{precision}f}|")
print(f"{value:<{width}.{precision + 2}}|")
print(f"{name!r} {name!s} {name!a} {'é'!a} {'tab	'!r}")
print(f"{name:*^{width + 8}}")
print(f"{'nested ' + f'{value:.1f}'}")
print(f"{[x * 2 for x in range(4)]} {{braces}} {{{value:.0f}}}")
print(f"{'yes' if value > 3 else 'no'} {(lambda v: v * 2)(21)} {max(items)!r:>5}")
print(f"{3 + 4j} {2 ** 64:,} {255:#06x} {0.125:%} {1e6:g} {-7:+05d}")
for key, score in sorted(scores.items()):
    print(f"{key:<8}|{score:>8.2f}|{score / 100:>7.1%}|{int(score):^5}|")


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"

    def __format__(self, spec):
        if spec.endswith("p"):
            digits = int(spec[:-1] or 0)
            return f"<{self.x:.{digits}f}; {self.y:.{digits}f}>"
        return str(self)


p = Point(1.5, -2.25)
print(f"{p} {p!r} {p!s} {p:2p} {p:p} {p=}")
multi = (
    f"name: {name}, "
    f"initials: {''.join(part[0] for part in name.split())}, "
    f"upper: {name.upper()}"
)
print(multi)
rows = [(i, i ** 2, i ** 0.5) for i in range(1, 6)]
for i, sq, root in rows:
    print(f"{i:>2} {sq:>3} {root:>8.4f} {'#' * sq:<25}|")
fmt_spec = ">10"
print(f"{'dynamic':{fmt_spec}}|{42:{'0'}{5}}|")
d = {"a": {"b": [10, 20]}}
print(f"{d['a']['b'][-1]} {d!r}")
print(f"{'}'!r} {'{'} {chr(65)}")
total = 0
print(f"{(total := total + 5)} {total}")
print(f"{value!r:^24}")
print(F"capital F prefix {value:.1e}", rf"raw {name} \n stays", fr"\t{width}")
