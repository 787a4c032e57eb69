# versions: 3.12+
# PEP 695 type parameters and the type statement.

type Pair[T] = tuple[T, T]
type IntList = list[int]


def first[T](items: list[T]) -> T:
    return items[0]


def clamp[N: (int, float)](x: N, lo: N, hi: N) -> N:
    return max(lo, min(x, hi))


class Box[T]:
    def __init__(self, item: T) -> None:
        self.item = item

    def map[U](self, fn) -> "Box[U]":
        return Box(fn(self.item))

    def __repr__(self):
        return f"Box({self.item!r})"


class Bounded[T: str]:
    pass


def variadic[*Ts, **P](*args: *Ts) -> None:
    return None


print(first([3, 2, 1]), clamp(15, 0, 10), clamp(2.5, 0.0, 1.0))
print(Box(20).map(lambda v: v + 1))
print(Pair.__name__, Pair.__type_params__, IntList.__value__)
print(first.__type_params__, Box.__type_params__, Box.map.__type_params__)
print(Bounded.__type_params__[0].__bound__)
print(clamp.__type_params__[0].__constraints__)
print([p.__name__ for p in variadic.__type_params__])
