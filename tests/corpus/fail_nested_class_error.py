# versions: 3.11+
# Fails on purpose: a custom exception class nested inside another class (its qualified name
# Parser.Error appears in the traceback) with a __str__ override, raised from a method.


class Parser:
    class Error(Exception):
        def __init__(self, line, column, message):
            super().__init__(line, column, message)
            self.line, self.column, self.message = line, column, message

        def __str__(self):
            return f"{self.line}:{self.column}: {self.message}"

    def parse(self, text):
        values = []
        for line_no, line in enumerate(text.splitlines(), 1):
            for col, token in enumerate(line.split(","), 1):
                token = token.strip()
                if not token.lstrip("-").isdigit():
                    raise Parser.Error(line_no, col, f"expected an integer, found {token!r}")
                values.append(int(token))
        return values


p = Parser()
print(p.parse("1, 2, 3\n4, -5"))
print(p.parse("10, 20\n30, x30, 40"))
print("never printed")
