# versions: 2.7, 3.6+
from __future__ import print_function

square = lambda x: x * x
add = lambda a, b=1: a + b
compose = lambda f, g: lambda x: f(g(x))
const = lambda: "constant"
varargs = lambda *a, **k: (len(a), sorted(k))

people = [("alice", 31), ("bob", 25), ("carol", 35), ("dave", 25)]

print(square(7), add(1), add(1, 2), const())
print(compose(square, add)(3))
print(varargs(1, 2, 3, x=1, y=2))
print(sorted(people, key=lambda p: (p[1], p[0])))
print(list(map(lambda p: p[0].title(), people)))
print(list(filter(lambda p: p[1] > 30, people)))
print((lambda x, y: x ** y)(2, 10))
print([(lambda n: n + i)(10) for i in range(3)])
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(100) for f in adders])
print((lambda: (lambda: (lambda: "deep")())())())
print(square.__name__, const.__code__.co_argcount, add.__defaults__)
table = {"double": lambda v: v * 2, "neg": lambda v: -v}
print(sorted((name, fn(21)) for name, fn in table.items()))
