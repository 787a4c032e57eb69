# versions: 3.11+
# Metaclasses: __prepare__ returning a recording mapping, __new__/__init__ seeing the namespace and
# class keywords, a custom __repr__ on the metaclass, and metaclass inheritance by subclasses.


class OrderedNamespace(dict):
    def __init__(self):
        super().__init__()
        self.order = []

    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.order.append(key)
        super().__setitem__(key, value)


class Recording(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        print(f"  __prepare__({name!r}, kwargs={kwargs})")
        return OrderedNamespace()

    def __new__(mcls, name, bases, ns, **kwargs):
        print(f"  __new__({name!r}) definition order {ns.order}")
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.field_order = tuple(ns.order)
        cls.options = kwargs
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        print(f"  __init__({name!r}) bases {[b.__name__ for b in bases]}")
        super().__init__(name, bases, ns)

    def __repr__(cls):
        return f"<model {cls.__name__}>"


print("defining Model")


class Model(metaclass=Recording, table="models"):
    zeta = 1
    alpha = 2

    def method(self):
        return "m"

    beta = 3


print(Model, Model.field_order, Model.options, type(Model).__name__, isinstance(Model, Recording))


class Sub(Model, verbose=True):
    gamma = 4


print(Sub, Sub.field_order, Sub.options, Sub.zeta, type(Sub) is Recording)
