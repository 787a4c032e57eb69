# versions: 3.11+
# Introspection builtins: type(), isinstance/issubclass with tuples and ABC-free hierarchies,
# getattr/setattr/hasattr/delattr, vars(), dir() of user classes and instances, callable(), id()
# used only for identity comparisons, and object() sentinels.


class Animal:
    kingdom = "animalia"

    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."


class Dog(Animal):
    sound = "woof"

    def speak(self):
        return self.sound

    def _private(self):
        return "hidden"


rex = Dog("rex")
print(type(rex).__name__, type(rex) is Dog, type(rex) == Animal, type(Dog).__name__, type(type).__name__)
print(isinstance(rex, Animal), isinstance(rex, (int, str)), isinstance(rex, (int, Dog)), isinstance(Dog, type))
print(issubclass(Dog, Animal), issubclass(Dog, (int, Animal)), issubclass(Animal, Dog), issubclass(bool, (str, int)))
print(isinstance(3, (float, (int, str))), isinstance(True, int), isinstance(None, type(None)), isinstance([], object))
try:
    isinstance(rex, "Dog")
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(rex, Animal)
except TypeError as e:
    print("TypeError:", e)
print(vars(rex), vars(Dog)["sound"], "speak" in vars(Dog), "kingdom" in vars(Dog))
print([n for n in dir(rex) if not n.startswith("__")])
print([n for n in dir(Dog) if not n.startswith("__")], [n for n in dir(Animal) if not n.startswith("_")])
print("__init__" in dir(rex), "__class__" in dir(Dog), sorted(set(dir(rex)) - set(dir(Animal))))
setattr(rex, "age", 3)
print(getattr(rex, "age"), getattr(rex, "color", "unknown"), hasattr(rex, "age"), hasattr(rex, "speak"))
delattr(rex, "age")
print(hasattr(rex, "age"), vars(rex))
print(getattr(rex, "speak")(), getattr(Dog, "speak")(rex), getattr(Animal, "kingdom"), getattr(rex, "_private")())
setattr(Dog, "legs", 4)
print(rex.legs, Dog.legs, "legs" in vars(Dog), "legs" in vars(rex))
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
print(callable(rex), callable(rex.speak), callable(Dog), callable(print), callable("s"), callable(None))
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c)
MISSING = object()
store = {"x": None}
for key in ["x", "y"]:
    value = store.get(key, MISSING)
    print(key, "missing" if value is MISSING else f"present ({value!r})")
print(type(MISSING).__name__, object().__class__ is object, isinstance(MISSING, object))
try:
    MISSING.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
Cat = type("Cat", (Animal,), {"speak": lambda self: "meow", "lives": 9})
tom = Cat("tom")
print(tom.speak(), tom.lives, tom.name, type(tom).__name__, Cat.__mro__[1].__name__, isinstance(tom, Animal))
print(type(1), type("s"), type(1.5), type(None), type(print), type(len), type(Dog.speak), type(rex.speak))
print(type(3)(4.9), type("x")(42), type([])("ab"), type(rex)("fido").name)
print([type(v).__name__ for v in (1, 1.0, 1j, "", b"", [], (), {}, set(), frozenset(), range(1), slice(1), None, ..., NotImplemented)])
print(Dog.__name__, Dog.__qualname__, Dog.__module__, Dog.__bases__, Dog.__doc__, rex.__class__.__name__)
print(sorted(k for k in Dog.__dict__ if not k.startswith("__")), Animal.__init__.__name__)
