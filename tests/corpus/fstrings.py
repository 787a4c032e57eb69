# versions: 3.6+
import math

name = "World"
value = 3.14159265
width = 12
precision = 3
items = ["a", "b"]
data = {"key": "val", "n": 7}

print(f"Hello, {name}!")
print(f"{value:.2f} {value:10.4f}| {value:<10.1f}| {value:e}")
cafe = "caf\u00e9"
print(f"{name!r} {name!s} {cafe!a} {cafe!r}")
print(f"{value:{width}.{precision}f}|")
print(f"{42:#x} {42:#o} {42:#b} {42:08d} {-42:+d} {1234567:,} {0.25:%}")
print(f"{name:>10}|{name:<10}|{name:^10}|{name:*^11}")
print(f"{items!r} {items[0]} {data['key']} {data['n'] * 2}")
print(f"{'nested ' + f'{name.lower()}'}")
print(f"{{literal braces}} {len(name)}")
print(f"{math.pi:.{precision + 2}f}")
print(f"{3 + 4j} {(1, 2)} {None} {True}")
print(f"result: {[x * 2 for x in range(3)]}")
print(f"multi {name}" f" part {value:.1f}" " plain")
print(f"{name[::-1]} {name if value > 3 else 'small'}")
row = ("id", 7, 2.5)
print(f"|{row[0]:<6}|{row[1]:>4d}|{row[2]:^7.2f}|")
print(f"{ {'inner': 1}['inner'] }")
print(F"upper-case prefix {name}", rf"raw \n {name}")
