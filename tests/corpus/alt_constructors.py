# versions: 3.11+
# classmethod alternative constructors, staticmethod helpers, class-level counters and registries,
# calling them on classes, subclasses and instances.


class Date:
    instances = 0
    DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    def __init__(self, year, month, day):
        if not Date.is_valid(year, month, day):
            raise ValueError(f"invalid date {year}-{month}-{day}")
        self.year, self.month, self.day = year, month, day
        Date.instances += 1

    @classmethod
    def from_string(cls, text, sep="-"):
        y, m, d = (int(p) for p in text.split(sep))
        return cls(y, m, d)

    @classmethod
    def from_ordinal(cls, year, ordinal):
        month = 1
        while ordinal > cls.days_in(year, month):
            ordinal -= cls.days_in(year, month)
            month += 1
        return cls(year, month, ordinal)

    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

    @staticmethod
    def days_in(year, month):
        return 29 if month == 2 and Date.is_leap(year) else Date.DAYS[month - 1]

    @staticmethod
    def is_valid(year, month, day):
        return 1 <= month <= 12 and 1 <= day <= Date.days_in(year, month)

    def ordinal(self):
        return sum(self.days_in(self.year, m) for m in range(1, self.month)) + self.day

    def __repr__(self):
        return f"{type(self).__name__}({self.year:04d}-{self.month:02d}-{self.day:02d})"


class EuroDate(Date):
    @classmethod
    def from_string(cls, text):
        d, m, y = (int(p) for p in text.split("."))
        return cls(y, m, d)

    def __str__(self):
        return f"{self.day:02d}.{self.month:02d}.{self.year}"


print(Date.from_string("2024-02-29"), Date.from_string("1999/12/31", sep="/"))
print(Date.from_ordinal(2024, 60), Date.from_ordinal(2023, 60), Date.from_ordinal(2000, 366))
e = EuroDate.from_string("14.07.1789")
print(e, repr(e), e.ordinal(), EuroDate.from_ordinal(2021, 100), type(EuroDate.from_ordinal(2021, 1)).__name__)
print([y for y in (1900, 2000, 2023, 2024, 2100) if Date.is_leap(y)], e.is_leap(2000), EuroDate.days_in(2024, 2))
for text in ["2023-02-29", "2024-13-01", "2024-04-31"]:
    try:
        Date.from_string(text)
    except ValueError as err:
        print("ValueError:", err)
print("instances created:", Date.instances)
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_leap"]).__name__,
      Date.__dict__["is_leap"].__func__ is Date.is_leap, Date.from_string.__self__ is Date)


class Shape:
    registry = {}

    def __init__(self, *dims):
        self.dims = dims

    @classmethod
    def register(cls, name):
        def decorator(sub):
            cls.registry[name] = sub
            sub.kind = name
            return sub
        return decorator

    @classmethod
    def create(cls, name, *dims):
        return cls.registry[name](*dims)

    def __repr__(self):
        return f"{self.kind}{self.dims} area={self.area()}"


@Shape.register("square")
class Square(Shape):
    def area(self):
        return self.dims[0] ** 2


@Shape.register("rect")
class Rect(Shape):
    def area(self):
        return self.dims[0] * self.dims[1]


@Shape.register("tri")
class Triangle(Shape):
    def area(self):
        return self.dims[0] * self.dims[1] / 2


for spec in [("square", 3), ("rect", 2, 5), ("tri", 4, 3)]:
    print(Shape.create(*spec))
print(sorted(Shape.registry), Square.kind)
try:
    Shape.create("circle", 1)
except KeyError as err:
    print("KeyError:", err)
