# versions: 3.11+
# A JSON parser written by hand (recursive descent with nested helper functions and a walrus loop):
# objects, arrays, strings with escapes, numbers, literals, and error messages with offsets.


class Parser:
    def __init__(self, text):
        self.text, self.i = text, 0

    def error(self, msg):
        raise ValueError(f"{msg} at offset {self.i}")

    def peek(self):
        while self.text[self.i:self.i + 1] in (" ", "\n", "\t"):
            self.i += 1
        return self.text[self.i:self.i + 1]

    def take(self, allowed):
        ch = self.peek()
        if ch not in allowed:
            self.error("expected " + " or ".join(repr(a) for a in allowed))
        self.i += 1
        return ch

    def parse(self):
        value = self.value()
        if self.peek():
            self.error("trailing data")
        return value

    def sequence(self, close, item):
        self.i += 1
        if self.peek() == close:
            self.i += 1
            return
        while True:
            item()
            if self.take([",", close]) == close:
                return

    def value(self):
        ch = self.peek()
        if ch == "{":
            obj = {}

            def member():
                self.peek()
                key = self.value()
                self.take([":"])
                obj[key] = self.value()
            self.sequence("}", member)
            return obj
        if ch == "[":
            arr = []
            self.sequence("]", lambda: arr.append(self.value()))
            return arr
        if ch == '"':
            self.i += 1
            out = []
            while (c := self.text[self.i]) != '"':
                if c == "\\":
                    esc = self.text[self.i + 1]
                    if esc == "u":
                        out.append(chr(int(self.text[self.i + 2:self.i + 6], 16)))
                        self.i += 6
                        continue
                    out.append({"n": "\n", "t": "\t"}.get(esc, esc))
                    self.i += 2
                    continue
                out.append(c)
                self.i += 1
            self.i += 1
            return "".join(out)
        for word, val in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, self.i):
                self.i += len(word)
                return val
        start = self.i
        while self.i < len(self.text) and self.text[self.i] in "+-0123456789.eE":
            self.i += 1
        literal = self.text[start:self.i]
        if not literal:
            self.error(f"unexpected {ch!r}")
        return float(literal) if any(c in literal for c in ".eE") else int(literal)


TEXT = """
{
  "name": "PycSharp",
  "version": [0, 3, 1],
  "stable": false,
  "ratio": 0.25,
  "big": 100000000000000000000,
  "tags": ["vm", "bytecode"],
  "nested": {"empty_list": [], "empty_obj": {}, "none": null},
  "text": "quote \\" backslash \\\\ newline\\n tab\\t caf\\u00e9"
}
"""
doc = Parser(TEXT).parse()
print(doc)
print(sorted(doc), doc["text"], type(doc["big"]).__name__, type(doc["ratio"]).__name__, doc["nested"]["none"])
print(Parser(' [ -1.5e3 , 42 , "\\u00e9" , true , null, [[]] ] ').parse(), Parser("  7 ").parse(), Parser('""').parse())
for bad in ['{"a": 1,}', '[1 2]', '{"a" 1}', '[1, 2] x', '@', '{"k": [1, {"x": }]}']:
    try:
        Parser(bad).parse()
    except ValueError as e:
        print(f"{bad!r}: ValueError: {e}")
