# versions: 3.11+
# Function objects: __name__, __qualname__, __defaults__, __kwdefaults__, __annotations__, __doc__,
# __module__, __dict__ attributes, code object counts, and functions as first-class values.


def area(width: float, height: float = 1.0, *, unit: str = "m") -> str:
    """Compute an area and format it."""
    return f"{width * height}{unit}^2"


class Shape:
    def perimeter(self, scale=1):
        def helper(x):
            return x * scale
        return helper

    class Inner:
        def method(self):
            return [lambda: 0][0]


print(area.__name__, area.__qualname__, area.__module__, area.__doc__)
print(area.__defaults__, area.__kwdefaults__)
print(area.__annotations__)
print(area(3, 4), area(2, unit="cm"))
print(Shape.perimeter.__qualname__, Shape().perimeter(2).__qualname__, Shape.Inner.method.__qualname__)
print(Shape.Inner().method().__name__, Shape.Inner().method().__qualname__, Shape.Inner.__qualname__)
lam = lambda x, y=5: x + y
print(lam.__name__, lam.__qualname__, lam.__defaults__, lam(1), lam.__doc__)
code = area.__code__
print(code.co_name, code.co_argcount, code.co_kwonlyargcount, code.co_posonlyargcount, code.co_varnames)
print(code.co_qualname, (lambda a, /, b, *c, d, **e: 0).__code__.co_varnames)


def no_doc():
    pass


print(no_doc.__doc__, no_doc.__defaults__, no_doc.__kwdefaults__, no_doc.__annotations__)
area.calls = 0
area.tags = ["geometry"]
print(area.calls, area.tags, sorted(area.__dict__))
area.__defaults__ = (10.0,)
print(area(2))
area.__kwdefaults__ = {"unit": "ft"}
print(area(2))
renamed = area
renamed.__name__ = "surface"
print(area.__name__, renamed is area, callable(renamed))


def counter_fn():
    counter_fn.count += 1
    return counter_fn.count


counter_fn.count = 0
print(counter_fn(), counter_fn(), counter_fn.count)
ops = {"add": lambda a, b: a + b, "mul": lambda a, b: a * b, "max": max, "pow": pow}
for name in sorted(ops):
    print(name, ops[name](3, 4), getattr(ops[name], "__name__"))
pipeline = [str.strip, str.lower, lambda s: s.replace(" ", "_")]
value = "  Hello World  "
for step in pipeline:
    value = step(value)
    print(repr(value))


def compose(*funcs):
    def composed(x):
        for f in reversed(funcs):
            x = f(x)
        return x
    composed.__name__ = "compose(" + ", ".join(f.__name__ for f in funcs) + ")"
    return composed


inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5), inc_then_double.__name__, compose(abs, int)("-7"))
print(type(area).__name__, type(len).__name__, type(Shape().perimeter).__name__, len.__name__, len.__qualname__)
print(isinstance(area, type(lam)), area == renamed, sorted([area, lam], key=lambda f: f.__name__)[0].__name__)
