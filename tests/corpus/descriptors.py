# versions: 3.11+
# Custom descriptors: __get__/__set__/__delete__/__set_name__, data vs non-data precedence,
# typed and validated fields, a descriptor-based ORM-ish model and method binding via __get__.


class Typed:
    def __init__(self, kind, default=None):
        self.kind = kind
        self.default = default

    def __set_name__(self, owner, name):
        self.name = name
        self.storage = "_" + name
        print(f"  __set_name__({owner.__name__}, {name!r})")

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.storage, self.default)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.storage, value)

    def __delete__(self, obj):
        print(f"  deleting {self.name}")
        delattr(obj, self.storage)


class Bounded(Typed):
    def __init__(self, kind, low, high, default=None):
        super().__init__(kind, default)
        self.low, self.high = low, high

    def __set__(self, obj, value):
        super().__set__(obj, value)
        if not self.low <= value <= self.high:
            delattr(obj, self.storage)
            raise ValueError(f"{self.name}={value} outside [{self.low}, {self.high}]")


print("defining Product")


class Product:
    name = Typed(str, "unnamed")
    price = Bounded(float, 0.0, 1000.0, 0.0)
    qty = Bounded(int, 0, 99, 0)

    def __init__(self, name, price, qty):
        self.name, self.price, self.qty = name, price, qty

    def __repr__(self):
        return f"Product({self.name!r}, {self.price}, {self.qty})"


p = Product("lamp", 19.5, 3)
print(p, vars(p))
for field, value in [("price", 5), ("qty", 100), ("name", b"x"), ("qty", 7)]:
    try:
        setattr(p, field, value)
        print(f"set {field}={value!r} ->", p)
    except (TypeError, ValueError) as e:
        print(f"{type(e).__name__}: {e}")
del p.qty
print(p, type(Product.price).__name__, Product.price.name, Product.qty.low)


class NonData:
    def __get__(self, obj, objtype=None):
        return "from non-data descriptor"


class Data:
    def __get__(self, obj, objtype=None):
        return "from data descriptor"

    def __set__(self, obj, value):
        print("  Data.__set__ ignored", value)


class Demo:
    nd = NonData()
    dd = Data()


demo = Demo()
print(demo.nd, demo.dd)
demo.__dict__["nd"] = "instance dict wins over non-data"
demo.__dict__["dd"] = "instance dict loses to data"
print(demo.nd, demo.dd)
demo.dd = "assigned"
print(Demo.nd, Demo.__dict__["dd"].__class__.__name__)


class Method:
    """A pure-Python stand-in for function binding."""

    def __init__(self, func):
        self.func = func

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return lambda *args: self.func(obj, *args)


class Calc:
    def __init__(self, base):
        self.base = base

    @Method
    def add(self, x):
        return self.base + x


print(Calc(10).add(5), type(Calc.add).__name__)
