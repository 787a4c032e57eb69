# versions: 3.11+
# A vending machine state machine driven by match: literal, capture, sequence, mapping and class
# patterns, guards, or-patterns, as-patterns and wildcards over (state, event) pairs.


class Coin:
    __match_args__ = ("cents",)

    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"Coin({self.cents})"


class Select:
    __match_args__ = ("item",)

    def __init__(self, item):
        self.item = item

    def __repr__(self):
        return f"Select({self.item!r})"


PRICES = {"cola": 150, "chips": 100, "gum": 50}


def step(state, event):
    match state, event:
        case ("idle", Coin(cents)) if cents in (10, 20, 50, 100, 200):
            return ("paying", cents), f"accepted {cents}"
        case ("idle", Coin(cents)):
            return "idle", f"rejected coin {cents}"
        case ("idle", Select(item)):
            return "idle", f"insert coins first for {item}"
        case (("paying", credit), Coin(cents)):
            return ("paying", credit + cents), f"credit now {credit + cents}"
        case (("paying", credit), Select(item)) if item not in PRICES:
            return ("paying", credit), f"unknown item {item!r}"
        case (("paying", credit), Select(item)) if credit >= PRICES[item]:
            change = credit - PRICES[item]
            return "idle", f"vend {item}" + (f", change {change}" if change else "")
        case (("paying", credit), Select(item)):
            return ("paying", credit), f"{item} costs {PRICES[item]}, have {credit}"
        case (("paying", credit), "cancel" | "refund" as word):
            return "idle", f"{word}: return {credit}"
        case ("idle", "cancel" | "refund"):
            return "idle", "nothing to return"
        case (_, {"service": code, **rest}):
            return "service", f"service mode {code} extra={rest}"
        case ("service", "exit"):
            return "idle", "leaving service mode"
        case ("service", _):
            return "service", "ignored in service mode"
        case (s, e):
            return s, f"unhandled {e!r} in {s!r}"


events = [Select("cola"), Coin(3), Coin(100), Coin(20), Select("cola"), Coin(50), Select("tea"),
          Select("cola"), Coin(50), "cancel", "refund", Coin(200), Select("gum"),
          {"service": 7, "tech": "ann"}, Coin(100), "exit", 42]
state = "idle"
for ev in events:
    state, message = step(state, ev)
    print(f"{ev!r:<34} -> {message:<32} state={state}")


def parse_command(line):
    match line.split():
        case []:
            return "empty"
        case ["load", filename]:
            return f"load file {filename}"
        case ["save", filename, *options] if all(o.startswith("--") for o in options):
            return f"save {filename} options={options}"
        case ["move", ("up" | "down" | "left" | "right") as direction, steps] if steps.isdigit():
            return f"move {direction} x{int(steps)}"
        case ["move", *_]:
            return "bad move"
        case [("quit" | "exit")]:
            return "bye"
        case [cmd, *args]:
            return f"unknown {cmd} with {len(args)} args"


for line in ["", "load data.txt", "save out.txt --force --gzip", "save out.txt -f", "move up 3",
             "move sideways 2", "move down x", "quit", "frobnicate a b c"]:
    print(f"{line!r:<30} => {parse_command(line)}")


def classify(value):
    match value:
        case None:
            return "none"
        case True | False as b:
            return f"bool {b}"
        case 0:
            return "zero"
        case int(n) if n < 0:
            return "negative int"
        case int() | float() as num:
            return f"number {num}"
        case str(s) if s.isupper():
            return "shout"
        case str():
            return "text"
        case [x]:
            return f"singleton of {classify(x)}"
        case [x, y, *rest]:
            return f"sequence starting {x!r},{y!r} (+{len(rest)})"
        case {"type": "point", "x": x, "y": y}:
            return f"point({x},{y})"
        case _:
            return f"other {type(value).__name__}"


for v in [None, True, 0, -5, 7, 2.5, "", "HEY", "hey", [1], (1, 2, 3, 4), [1, 2],
          {"type": "point", "x": 1, "y": 2, "z": 3}, {"a": 1}, {1, 2}, b"x", "x" * 0 or None]:
    print(f"{v!r:<40} {classify(v)}")
