# versions: 3.11-3.13
# The VM caches what LOAD_ATTR, its method form and STORE_ATTR found at each instruction
# (src/PycSharp.Runtime/Interpreter/AttributeCache.cs). The same instructions run again after each change that must
# make them find something else: class attributes, properties and __getattribute__ added later, instance dicts
# shadowing methods, __class__ and __dict__ assignment, deletions.


class A:
    def __init__(self, x):
        self.x = x

    def get(self):
        return "A.get"


class B:
    def __init__(self, x):
        self.x = x

    def get(self):
        return "B.get"


def read(o):
    return o.x


def call(o):
    try:
        return o.get()
    except TypeError as e:
        return "TypeError: %s" % e


def write(o, v):
    o.x = v


a = A(1)
results = []
for step in range(12):
    if step == 2:
        a.get = lambda: "instance get"
    elif step == 3:
        del a.get
    elif step == 4:
        A.get = lambda self: "new A.get"
    elif step == 5:
        a.__class__ = B
    elif step == 6:
        a.__dict__ = {"x": "replaced dict"}
    elif step == 7:
        B.x = property(lambda self: "property wins")
    elif step == 8:
        del B.x
    elif step == 9:
        B.__getattribute__ = lambda self, name: "getattribute " + name
    elif step == 10:
        del B.__getattribute__
    elif step == 11:
        del a.x
    try:
        value = read(a)
    except AttributeError as e:
        value = "AttributeError: %s" % e
    results.append((step, value, call(a)))
    try:
        write(a, step * 10)
    except AttributeError as e:
        results.append((step, "AttributeError: %s" % e))
for r in results:
    print(r)


class Slotted:
    __slots__ = ("x",)

    def __init__(self):
        self.x = 5


s = Slotted()
for i in range(3):
    write(s, i)
    print(read(s))
try:
    s.y = 1
except AttributeError as e:
    print("AttributeError:", e)


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n


objs = [Counter() for _ in range(3)]
for i in range(9):
    objs[i % 3].bump()
objs[1].extra = "grown dict"
for i in range(6):
    objs[i % 3].bump()
print([o.n for o in objs], vars(objs[1]))
