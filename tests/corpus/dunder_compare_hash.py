# versions: 3.11+
# Rich comparisons and hashing on user classes: __eq__/__ne__/__lt__/__le__/__gt__/__ge__, reflected
# comparisons, NotImplemented fallback to identity, __hash__ for dict/set keys, and unhashable classes.


class Card:
    RANKS = "23456789TJQKA"

    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit

    def _key(self):
        return Card.RANKS.index(self.rank)

    def __eq__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        return self == other or self < other

    def __hash__(self):
        return hash(self.rank)

    def __repr__(self):
        return self.rank + self.suit


hand = [Card("K", "h"), Card("3", "s"), Card("A", "d"), Card("3", "c"), Card("T", "h")]
print(sorted(hand), max(hand), min(hand), sorted(hand, reverse=True))
print(Card("3", "s") == Card("3", "h"), Card("3", "s") != Card("4", "s"), Card("2", "c") < Card("A", "c"))
print(Card("K", "s") > Card("Q", "s"), Card("K", "s") >= Card("K", "d"), Card("5", "s") <= Card("4", "s"))
print(len(set(hand)), Card("3", "x") in hand, hand.index(Card("A", "x")), hand.count(Card("3", "z")))
print({Card("K", "h"): "king"}[Card("K", "s")], Card("2", "c") == 2, Card("2", "c") != "2c")
try:
    Card("2", "c") < 3
except TypeError as e:
    print("TypeError:", e)


class Trace:
    def __init__(self, name, v):
        self.name, self.v = name, v

    def __eq__(self, other):
        print(f"  {self.name}.__eq__({getattr(other, 'name', other)})")
        return NotImplemented

    def __lt__(self, other):
        print(f"  {self.name}.__lt__({getattr(other, 'name', other)})")
        return NotImplemented

    def __gt__(self, other):
        print(f"  {self.name}.__gt__({getattr(other, 'name', other)})")
        if isinstance(other, Trace):
            return self.v > other.v
        return NotImplemented


a, b = Trace("a", 1), Trace("b", 2)
print("a < b:", a < b)
print("a == b:", a == b)
print("a == a:", a == a)
print("a != b:", a != b)
try:
    print(a < 5)
except TypeError as e:
    print("TypeError:", e)


class Money:
    def __init__(self, amount, currency):
        self.amount, self.currency = amount, currency

    def __eq__(self, other):
        return isinstance(other, Money) and (self.amount, self.currency) == (other.amount, other.currency)

    def __repr__(self):
        return f"{self.amount} {self.currency}"


try:
    hash(Money(1, "EUR"))
except TypeError as e:
    print("TypeError:", e)
print(Money.__hash__, Money(1, "EUR") == Money(1, "EUR"), Money(1, "EUR") in [Money(1, "EUR")])


class Key:
    def __init__(self, parts):
        self.parts = tuple(parts)

    def __eq__(self, other):
        return isinstance(other, Key) and self.parts == other.parts

    def __hash__(self):
        return hash(self.parts)

    def __repr__(self):
        return "Key" + repr(self.parts)


cache = {Key(["a", 1]): "first", Key(("b", 2)): "second"}
print(cache[Key(("a", 1))], Key(["b", 2]) in cache, len({Key([1]), Key((1,)), Key([2])}))
print(hash(Key([1, 2])) == hash((1, 2)), sorted({Key("ab"), Key("ab")}, key=repr))


print(1 < 2.5 < 3, "a" < "b" <= "b", (1, "z") < (2, "a"), [1, 2] == [1, 2.0], {1: 2} == {1.0: 2.0})
