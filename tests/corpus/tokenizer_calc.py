# versions: 3.11+
# A hand-written tokenizer and a recursive-descent parser/evaluator for arithmetic with precedence
# levels driven by a table of lambdas, right-associative **, variables, and errors with positions.
import math


class CalcError(Exception):
    def __init__(self, message, pos):
        super().__init__(f"{message} at position {pos}")


def tokenize(text):
    tokens, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or (ch == "." and i + 1 < len(text) and text[i + 1].isdigit()):
            start = i
            while i < len(text) and (text[i].isdigit() or text[i] == "."):
                i += 1
            literal = text[start:i]
            tokens.append(("num", float(literal) if "." in literal else int(literal), start))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < len(text) and (text[i].isalnum() or text[i] == "_"):
                i += 1
            tokens.append(("name", text[start:i], start))
        elif text.startswith("**", i):
            tokens.append(("op", "**", i))
            i += 2
        elif ch in "+-*/%()=":
            tokens.append(("op", ch, i))
            i += 1
        else:
            raise CalcError(f"unexpected character {ch!r}", i)
    tokens.append(("end", None, len(text)))
    return tokens


class Parser:
    LEVELS = [("+", "-"), ("*", "/", "%")]
    OPS = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b,
           "/": lambda a, b: a / b, "%": lambda a, b: a % b}

    def __init__(self, env):
        self.env = env

    def parse(self, text):
        self.tokens, self.i = tokenize(text), 0
        target = None
        if self.peek()[0] == "name" and self.tokens[1][1] == "=":
            target = self.advance()[1]
            self.advance()
        value = self.binary(0)
        self.expect("end")
        if target is not None:
            self.env[target] = value
        return value

    def peek(self):
        return self.tokens[self.i]

    def advance(self):
        self.i += 1
        return self.tokens[self.i - 1]

    def expect(self, kind, value=None):
        tok = self.advance()
        if tok[0] != kind or (value is not None and tok[1] != value):
            raise CalcError(f"expected {value or kind}, got {tok[1]!r}", tok[2])
        return tok

    def binary(self, level):
        if level == len(self.LEVELS):
            return self.unary()
        value = self.binary(level + 1)
        while self.peek()[1] in self.LEVELS[level]:
            _, op, pos = self.advance()
            rhs = self.binary(level + 1)
            if op in "/%" and rhs == 0:
                raise CalcError("division by zero", pos)
            value = self.OPS[op](value, rhs)
        return value

    def unary(self):
        if self.peek()[1] == "-":
            self.advance()
            return -self.unary()
        base = self.atom()
        if self.peek()[1] == "**":
            self.advance()
            return base ** self.unary()
        return base

    def atom(self):
        kind, value, pos = self.advance()
        if kind == "num":
            return value
        if kind == "name":
            if value not in self.env:
                raise CalcError(f"undefined variable {value}", pos)
            return self.env[value]
        if value == "(":
            inner = self.binary(0)
            self.expect("op", ")")
            return inner
        raise CalcError(f"unexpected {value!r}", pos)


print(tokenize("x1 = 3.5 * (y + 2) ** 2"))
env = {"pi": math.pi}
p = Parser(env)
for line in ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "7 % 4 + 10 / 4", "r = 2.5", "area = pi * r ** 2",
             "area / (r * r) - pi", "x = y + 1", "4 / (2 - 2)", "5 % (1 - 1)", "3 + * 4", "2 $ 3", "(1 + 2", "1 2",
             ".5 + 1", "big = 2 ** 100 % 1000007"]:
    try:
        print(f"{line:<30} => {p.parse(line)!r}")
    except CalcError as e:
        print(f"{line:<30} !! {e}")
print(sorted((k, round(v, 4)) for k, v in env.items()))
