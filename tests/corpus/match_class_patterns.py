# versions: 3.11+
# match with class patterns over an expression tree: __match_args__, positional and keyword
# sub-patterns, nested class patterns, or-patterns of tuples, and guards, used to simplify and evaluate.


class Expr:
    pass


class Num(Expr):
    __match_args__ = ("value",)

    def __init__(self, value):
        self.value = value


class Var(Expr):
    __match_args__ = ("name",)

    def __init__(self, name):
        self.name = name


class BinOp(Expr):
    __match_args__ = ("op", "left", "right")

    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right


def show(e):
    match e:
        case Num(value):
            return str(value)
        case Var(name):
            return name
        case BinOp(op, left, right):
            return f"({show(left)} {op} {show(right)})"


def simplify(e):
    match e:
        case BinOp(op, left, right):
            left, right = simplify(left), simplify(right)
            match op, left, right:
                case ("+", Num(0), x) | ("+", x, Num(0)):
                    return x
                case ("*", Num(1), x) | ("*", x, Num(1)):
                    return x
                case ("*", Num(0), _) | ("*", _, Num(0)):
                    return Num(0)
                case "-", x, y if isinstance(x, Var) and isinstance(y, Var) and x.name == y.name:
                    return Num(0)
                case op, Num(a), Num(b):
                    return Num({"+": a + b, "-": a - b, "*": a * b}[op])
                case _:
                    return BinOp(op, left, right)
        case _:
            return e


def evaluate(e, env):
    match e:
        case Num(value=v):
            return v
        case Var(name=n) if n in env:
            return env[n]
        case Var(name=n):
            raise NameError(f"unbound variable {n}")
        case BinOp(op="+", left=l, right=r):
            return evaluate(l, env) + evaluate(r, env)
        case BinOp(op="-", left=l, right=r):
            return evaluate(l, env) - evaluate(r, env)
        case BinOp(op="*", left=l, right=r):
            return evaluate(l, env) * evaluate(r, env)


exprs = [
    BinOp("+", Num(0), Var("x")),
    BinOp("*", BinOp("+", Num(2), Num(3)), Var("y")),
    BinOp("*", Var("z"), BinOp("-", Var("a"), Var("a"))),
    BinOp("-", BinOp("*", Num(1), Var("x")), BinOp("+", Num(4), Num(0))),
]
env = {"x": 10, "y": 3, "z": 7, "a": 1}
for e in exprs:
    s = simplify(e)
    print(f"{show(e):<28} => {show(s):<14} = {evaluate(e, env)} / {evaluate(s, env)}")
try:
    evaluate(Var("q"), env)
except NameError as err:
    print("NameError:", err)
