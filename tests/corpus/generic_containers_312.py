# versions: 3.12+
# PEP 695 generics used for real work: a generic Stack and a generic Result type, generic functions
# with bounds and constraints, type aliases (lazy values), and introspection of the type parameters.

type Pair[K, V] = tuple[K, V]
type Tree = dict[str, "Tree"] | None
type Mapper[T, U] = dict[T, U]


class Stack[T]:
    def __init__(self) -> None:
        self._items: list[T] = []

    def push(self, item: T) -> "Stack[T]":
        self._items.append(item)
        return self

    def pop(self) -> T:
        if not self._items:
            raise IndexError("pop from empty Stack")
        return self._items.pop()

    def map[U](self, fn: "Mapper[T, U]") -> "Stack[U]":
        out = Stack[U]()
        for item in self._items:
            out.push(fn(item))
        return out

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Stack({self._items!r})"


class Result[T, E: Exception]:
    def __init__(self, value: T | None = None, error: E | None = None) -> None:
        self.value, self.error = value, error

    @classmethod
    def of[R](cls, fn: "callable returning R") -> "Result[R, Exception]":
        try:
            return cls(value=fn())
        except Exception as e:
            return cls(error=e)

    def unwrap_or(self, default: T) -> T:
        return default if self.error is not None else self.value

    def __repr__(self) -> str:
        return f"Ok({self.value!r})" if self.error is None else f"Err({type(self.error).__name__}: {self.error})"


def largest[N: (int, float)](*values: N) -> N:
    return max(values)


def pairs[K: str, V](mapping: dict[K, V]) -> list[Pair[K, V]]:
    return sorted(mapping.items())


s = Stack[int]().push(3).push(4).push(5)
print(s, len(s), s.pop(), s.map(lambda v: v * 1.5), s.map(str))
try:
    Stack[str]().pop()
except IndexError as e:
    print("IndexError:", e)
results = [Result.of(lambda: 10 // 2), Result.of(lambda: 10 // 0), Result.of(lambda: int("x")), Result.of(lambda: [1][0])]
print(results, [r.unwrap_or(-1) for r in results])
print(largest(3, 9, 4), largest(2.5, 1.5), pairs({"b": 2, "a": 1}))
print(Stack.__type_params__, Result.__type_params__, Stack.map.__type_params__, Result.of.__type_params__)
T, E = Result.__type_params__
print(T.__name__, E.__name__, E.__bound__, T.__bound__, largest.__type_params__[0].__constraints__)
print(pairs.__type_params__[0].__bound__, type(T).__name__, Stack[int], Stack[int].__origin__ is Stack)
print(Pair.__name__, Pair.__type_params__, Pair.__value__, Pair[str, int], type(Pair).__name__)
print(Tree.__value__, Mapper.__value__, Mapper[int, str].__args__)
print(Stack.map.__annotations__, Result.unwrap_or.__annotations__["return"])
