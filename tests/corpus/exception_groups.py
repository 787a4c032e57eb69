# versions: 3.11+


def raise_group():
    raise ExceptionGroup("many problems", [
        ValueError("bad value"),
        TypeError("bad type"),
        ExceptionGroup("nested", [KeyError("k"), ValueError("nested value")]),
    ])


try:
    raise_group()
except* ValueError as eg:
    print("ValueErrors:", sorted(str(e) for e in eg.exceptions if not isinstance(e, ExceptionGroup)))
    print("  count leaves:", len(eg.exceptions))
except* TypeError as eg:
    print("TypeErrors:", [str(e) for e in eg.exceptions])
except* KeyError as eg:
    print("KeyErrors:", [repr(e) for e in eg.exceptions])

try:
    try:
        raise_group()
    except* TypeError:
        print("handled only the TypeError")
except ExceptionGroup as rest:
    print("remaining:", rest.message, len(rest.exceptions))

eg = ExceptionGroup("top", [ValueError(1), ValueError(2), OSError(3)])
match, rest = eg.split(ValueError)
print(len(match.exceptions), len(rest.exceptions))
try:
    raise ValueError("plain")
except* ValueError as eg:
    print("plain exception wrapped:", type(eg).__name__, eg.exceptions)
e = ValueError("with note")
e.add_note("this is a note")
print(e.__notes__)
