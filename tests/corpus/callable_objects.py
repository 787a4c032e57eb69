# versions: 3.11+
# Callable objects with __call__: stateful function objects, memoizers, validators, partial
# application written by hand, callable() on many kinds of objects.


class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = coeffs

    def __call__(self, x):
        result = 0
        for c in self.coeffs:
            result = result * x + c
        return result

    def __repr__(self):
        terms = []
        degree = len(self.coeffs) - 1
        for i, c in enumerate(self.coeffs):
            p = degree - i
            if c:
                terms.append(f"{c}x^{p}" if p > 1 else f"{c}x" if p == 1 else f"{c}")
        return " + ".join(terms) or "0"


p = Polynomial(2, -3, 0, 5)
print(p, [p(x) for x in range(-2, 3)], callable(p), list(map(p, [10, 0.5])))


class Memo:
    def __init__(self, func):
        self.func = func
        self.cache = {}
        self.calls = 0

    def __call__(self, *args):
        self.calls += 1
        if args not in self.cache:
            self.cache[args] = self.func(*args)
        return self.cache[args]


@Memo
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)


print(paths(10, 10), paths.calls, len(paths.cache), type(paths).__name__)


class Partial:
    def __init__(self, func, *args, **kwargs):
        self.func, self.args, self.kwargs = func, args, kwargs

    def __call__(self, *more, **kw):
        return self.func(*self.args, *more, **{**self.kwargs, **kw})


power_of_two = Partial(pow, 2)
join_dash = Partial(str.join, "-")
fmt = Partial("{greeting}, {name}".format, greeting="Hi")
print(power_of_two(10), join_dash(["a", "b"]), fmt(name="Ann"), fmt(name="Bo", greeting="Yo"))


class Validator:
    def __init__(self):
        self.rules = []

    def rule(self, message):
        def register(check):
            self.rules.append((check, message))
            return check
        return register

    def __call__(self, value):
        return [msg.format(v=value) for check, msg in self.rules if not check(value)]


validate = Validator()


@validate.rule("{v!r} is too short")
def long_enough(s):
    return len(s) >= 6


@validate.rule("{v!r} has no digit")
def has_digit(s):
    return any(ch.isdigit() for ch in s)


@validate.rule("{v!r} is all lowercase")
def has_upper(s):
    return s != s.lower()


for pw in ["abc", "abcdef1", "Secret99", "UPPER"]:
    print(pw, "->", validate(pw) or "ok")


things = [len, print, Polynomial, p, 42, "str", lambda: 0, Memo.__call__, [].append, type, None]
print([callable(t) for t in things])
try:
    number = 42
    number()
except TypeError as e:
    print("TypeError:", e)
try:
    Polynomial(1)(1, 2)
except TypeError as e:
    print("TypeError:", e)
