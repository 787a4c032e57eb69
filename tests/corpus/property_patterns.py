# versions: 3.11+
# More property patterns: property() called directly with a docstring, a subclass overriding only
# the getter (@Base.prop.getter), a lazily computed cached value, and lambda-based properties.


class Account:
    def __init__(self, owner):
        self.owner = owner
        self._history = []

    def _get_balance(self):
        return sum(self._history)

    def _set_balance(self, value):
        self._history.append(value - self._get_balance())

    balance = property(_get_balance, _set_balance, None, "current balance")


acct = Account("ann")
acct.balance = 100
acct.balance = 70
acct.balance += 5
print(acct.balance, acct._history, Account.balance.__doc__)


class Base:
    def __init__(self):
        self._size = 1

    @property
    def size(self):
        return self._size

    @size.setter
    def size(self, v):
        self._size = v


class Doubling(Base):
    @Base.size.getter
    def size(self):
        return self._size * 2


d = Doubling()
d.size = 21
print(d.size, Base.size is Doubling.size, Doubling.size.fset is Base.size.fset)


class Lazy:
    def __init__(self):
        self.computed = 0

    @property
    def expensive(self):
        if "_cache" not in self.__dict__:
            self.computed += 1
            self._cache = sum(i * i for i in range(1000))
        return self._cache


lz = Lazy()
print(lz.expensive, lz.expensive, lz.computed)


class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h

    area = property(lambda self: self.w * self.h)
    perimeter = property(lambda self: 2 * (self.w + self.h))

    @property
    def shape(self):
        return "square" if self.w == self.h else "rectangle"


for r in [Rect(2, 3), Rect(4, 4)]:
    print(r.area, r.perimeter, r.shape)
