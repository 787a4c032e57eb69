# versions: 3.11+
"""exec(), eval() and compile() of source text: the subset the PycSharp compiler handles."""
ns = {}
exec("x = 6 * 7\ny = [x, x + 1, *range(3)]\nz = {'a': x, **{'b': 2}}", ns)
print(ns["x"], ns["y"], sorted(ns["z"].items()))
print(eval("2 ** 8"), eval("  1 + 2"), eval("(1, 'two', 3.0, 4j, b'5', None, ...)"))
print(eval("a < b < c", {"a": 1, "b": 2, "c": 3}), eval("a if a > b else b", {"a": 5, "b": 9}))
code = compile("total = 0\nfor i in range(5):\n    if i % 2:\n        continue\n    total += i\nelse:\n    done = True\n", "<loop>", "exec")
g = {}
exec(code, g)
print(g["total"], g["done"], code.co_filename, code.co_name)
exec("while n > 0:\n    n -= 3\n    if n == 4:\n        break\n", g2 := {"n": 10})
print(g2["n"])
exec("import math as m\nfrom os import path as p\nr = m.floor(2.5), p.join('a', 'b')", ns)
print(ns["r"])
exec("s = 'abc'\ns2 = s[1:] + s[::-1] + r'\\n' + '\\t'.join(['x', 'y'])\nk, *rest = s", ns)
print(repr(ns["s2"]), ns["k"], ns["rest"])
exec("o = type('O', (), {})()\no.v = 1\no.v += 2\nd = {}\nd['k'] = o.v\ndel o.v", ns)
print(ns["d"], hasattr(ns["o"], "v"))
print(eval(compile("x * 2", "<e>", "eval"), {"x": 21}))
exec(compile("print('single', 1 + 1)", "<s>", "single"))
try:
    exec("assert 1 > 2, 'nope'")
except AssertionError as e:
    print("AssertionError", e)
for bad in ["x = = 1", "f(1, 2", "if x:\ny = 1"]:
    try:
        compile(bad, "<bad>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
try:
    eval("x = 1")
except SyntaxError as e:
    print("SyntaxError", e.msg)
# Functions, closures and lambdas defined and called in compiled source.
exec('''
def add(a, b=10, *rest, scale=1, **extra):
    """Add things."""
    return (a + b + sum(rest)) * scale, sorted(extra)

def make_counter(start):
    count = start
    def step(by=1):
        nonlocal count
        count += by
        return count
    return step

def compose(f, g):
    return lambda x: f(g(x))

def twice(fn):
    def wrapper(*args):
        return fn(*args) * 2
    return wrapper

@twice
def square(n):
    return n * n

total = 0
def bump(n):
    global total
    for i in range(n):
        if i == 3:
            return i
        total += i
    return None

counter = make_counter(5)
results = [add(1), add(1, 2, 3, 4, scale=2, z=1), counter(), counter(10), compose(abs, lambda v: v - 7)(3),
           square(4), bump(10), total, add.__doc__, add.__name__, counter.__qualname__,
           add.__defaults__, add.__kwdefaults__]
''', ns)
print(ns["results"])
def_ns = {}
exec("def f(x):\n    if x:\n        y = 1\n    return y\n", def_ns)
try:
    def_ns["f"](0)
except UnboundLocalError as e:
    print("UnboundLocalError", e)
print(def_ns["f"](1), eval("(lambda a, *, b=3: a * b)(2)"))
