# versions: 3.14+
# PEP 750 template strings and PEP 758 unparenthesized except clauses.
from string.templatelib import Template, Interpolation

name = "World"
value = 3.14159
t = t"Hello {name}! pi is about {value:.2f} {name!r}"
print(type(t).__name__)
print(t.strings)
print([(i.value, i.expression, i.conversion, i.format_spec) for i in t.interpolations])


def render(template):
    parts = []
    for item in template:
        if isinstance(item, Interpolation):
            v = item.value
            if item.conversion == "r":
                v = repr(v)
            parts.append(format(v, item.format_spec))
        else:
            parts.append(item)
    return "".join(parts)


print(render(t))
print(render(t"{1 + 1} and {'x' * 3:>5}"))
try:
    int("nope")
except ValueError, TypeError:
    print("caught without parentheses")
