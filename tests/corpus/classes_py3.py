# versions: 3.6+
class Registry(type):
    classes = []

    def __new__(mcls, name, bases, ns, **kwargs):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)
        cls.tag = kwargs.get("tag", "none")


class Base(metaclass=Registry):
    def hello(self):
        return "Base.hello from " + type(self).__name__


class Child(Base, tag="child"):
    def hello(self):
        return "Child -> " + super().hello()


class GrandChild(Child, tag="grand"):
    def hello(self):
        return "GrandChild -> " + super().hello()

    def which_class(self):
        return __class__.__name__


class Plugin:
    plugins = []

    def __init_subclass__(cls, kind="generic", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.kind = kind
        Plugin.plugins.append((cls.__name__, kind))


class JsonPlugin(Plugin, kind="json"):
    pass


class XmlPlugin(Plugin):
    pass


class Field:
    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "<unset " + self.name + ">")

    def __set__(self, obj, value):
        obj.__dict__[self.name] = value.upper()


class Record:
    title = Field()
    author = Field()


class A:
    def who(self):
        return ["A"]


class B(A):
    def who(self):
        return ["B"] + super().who()


class C(A):
    def who(self):
        return ["C"] + super().who()


class D(B, C):
    def who(self):
        return ["D"] + super().who()


print(GrandChild().hello())
print(GrandChild().which_class())
print(Registry.classes)
print(Base.tag, Child.tag, GrandChild.tag)
print(Plugin.plugins)
rec = Record()
rec.title = "dune"
print(rec.title, rec.author)
print(D().who())
print([k.__name__ for k in D.__mro__])
print(type(Base).__name__, type(Record).__name__)
print(Record.__qualname__, Record.__dict__["title"].name)
