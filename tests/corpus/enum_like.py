# versions: 3.11+
# An Enum written by hand with a metaclass: members created from class attributes, iteration in
# definition order, aliases, lookup by value and by name, auto numbering with ..., members used as
# dict keys and in match statements, and members that cannot be reassigned.


class EnumMeta(type):
    def __new__(mcls, name, bases, ns):
        members = {k: v for k, v in ns.items() if not k.startswith("_") and not callable(v)}
        for k in members:
            del ns[k]
        cls = super().__new__(mcls, name, bases, ns)
        cls._members = {}
        cls._by_value = {}
        counter = 0
        for key, value in members.items():
            if value is ...:
                counter += 1
                value = counter
            else:
                counter = value if isinstance(value, int) else counter
            if value in cls._by_value:
                member = cls._by_value[value]
            else:
                member = object.__new__(cls)
                object.__setattr__(member, "name", key)
                object.__setattr__(member, "value", value)
                cls._by_value[value] = member
            cls._members[key] = member
            type.__setattr__(cls, key, member)
        return cls

    def __iter__(cls):
        seen = []
        for m in cls._members.values():
            if m not in seen:
                seen.append(m)
        return iter(seen)

    def __len__(cls):
        return len(list(iter(cls)))

    def __getitem__(cls, name):
        return cls._members[name]

    def __call__(cls, value):
        try:
            return cls._by_value[value]
        except KeyError:
            raise ValueError(f"{value!r} is not a valid {cls.__name__}") from None

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_members", {}):
            raise AttributeError(f"cannot reassign member {name!r}")
        super().__setattr__(name, value)

    def __contains__(cls, member):
        return isinstance(member, cls)


class Enum(metaclass=EnumMeta):
    def __repr__(self):
        return f"<{type(self).__name__}.{self.name}: {self.value!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self.name}"

    def __setattr__(self, name, value):
        raise AttributeError("enum members are immutable")

    def __hash__(self):
        return hash(self.name)


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def is_warm(self):
        return self is Color.RED


class Weekday(Enum):
    MON = ...
    TUE = ...
    WED = ...
    SAT = 6
    SUN = ...


print(list(Color), len(Color), Color.RED, repr(Color.GREEN), Color.CRIMSON is Color.RED, Color["CRIMSON"])
print(Color(2), Color(3).name, Color.BLUE.value, Color.RED.is_warm(), Color.BLUE.is_warm(), Color.RED in Color)
print([(d.name, d.value) for d in Weekday], Weekday(7), Weekday["MON"].value)
for action in (lambda: Color(9), lambda: Color["PINK"], lambda: setattr(Color, "RED", 5), lambda: setattr(Color.RED, "value", 9)):
    try:
        action()
    except (ValueError, KeyError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
lookup = {Color.RED: "stop", Color.GREEN: "go"}
print(lookup[Color.CRIMSON], {c: c.value * 10 for c in Color}, type(Color.RED).__name__, isinstance(Color.RED, Enum))


def describe(color):
    match color:
        case Color.RED:
            return "warm"
        case Color.GREEN | Color.BLUE:
            return "cool"


print([describe(c) for c in Color])
