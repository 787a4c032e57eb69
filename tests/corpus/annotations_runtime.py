# versions: 3.11+
# Annotations evaluated at runtime: function __annotations__ (including defaults, *args, **kwargs,
# return), module-level and class-level annotations, annotation-only names, and a tiny runtime
# type checker driven by annotations.
import sys

limit: int = 10
ratio: float
names: list[str] = ["a"]


def scale(value: float, factor: "int | float" = 2, *rest: int, label: str = "x", **opts: bool) -> float:
    return value * factor


class Point:
    x: int
    y: int = 0
    label: str = "origin"

    def move(self, dx: int, dy: int = 0) -> "Point":
        return self


print(scale.__annotations__)
print(Point.__annotations__)
print(Point.move.__annotations__)
module_annotations = sys.modules[__name__].__annotations__
print(sorted(module_annotations), module_annotations["limit"], module_annotations["names"])
print("ratio" in globals(), "limit" in globals(), hasattr(Point, "x"), Point.y, Point.label)
print((lambda: 0).__annotations__ if hasattr(lambda: 0, "__annotations__") else {})


def checked(func):
    hints = func.__annotations__
    names = func.__code__.co_varnames[:func.__code__.co_argcount]

    def wrapper(*args, **kwargs):
        bound = dict(zip(names, args))
        bound.update(kwargs)
        for name, value in bound.items():
            expected = hints.get(name)
            if isinstance(expected, type) and not isinstance(value, expected):
                raise TypeError(f"{func.__name__}(): {name} must be {expected.__name__}, got {type(value).__name__}")
        result = func(*args, **kwargs)
        expected = hints.get("return")
        if isinstance(expected, type) and not isinstance(result, expected):
            raise TypeError(f"{func.__name__}() returned {type(result).__name__}, expected {expected.__name__}")
        return result
    wrapper.__name__ = func.__name__
    return wrapper


@checked
def repeat(text: str, times: int = 2) -> str:
    return text * times


@checked
def broken(n: int) -> str:
    return n


print(repeat("ab"), repeat("x", times=3), repeat(text="-", times=4))
for call in [lambda: repeat(3), lambda: repeat("a", "b"), lambda: broken(5), lambda: repeat("ok", times=True)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)


def annotated_locals():
    count: int = 0
    unused: str
    count += 1
    return count, "unused" in locals()


print(annotated_locals(), annotated_locals.__annotations__)
x: int
try:
    print(x)
except NameError as e:
    print("NameError:", e)
print(int | None, list[int] | dict[str, int], type(int | str).__name__, (int | str).__args__)
print(isinstance(3, int | str), isinstance(3.0, int | str), issubclass(bool, int | float))
