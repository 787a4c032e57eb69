# versions: 3.11+
# A JSON-like serializer written by hand: string escaping (quotes, backslashes, control and non-ASCII
# characters), nesting with indentation, sorted keys, number formatting, and errors for bad values.


def dumps(value, indent=None, level=0, sort_keys=False):
    pad = "" if indent is None else "\n" + " " * (indent * (level + 1))
    end = "" if indent is None else "\n" + " " * (indent * level)
    sep = ", " if indent is None else ","
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"cannot serialize {value!r}")
        return repr(value)
    if isinstance(value, str):
        out = []
        for ch in value:
            if ch in '"\\':
                out.append("\\" + ch)
            elif ch == "\n":
                out.append("\\n")
            elif ch == "\t":
                out.append("\\t")
            elif ord(ch) < 32 or ord(ch) > 126:
                out.append("\\u%04x" % ord(ch))
            else:
                out.append(ch)
        return '"' + "".join(out) + '"'
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[" + sep.join(pad + dumps(v, indent, level + 1, sort_keys) for v in value) + end + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = sorted(value.items()) if sort_keys else value.items()
        return "{" + sep.join(pad + dumps(str(k)) + ": " + dumps(v, indent, level + 1, sort_keys) for k, v in items) + end + "}"
    raise TypeError(f"Object of type {type(value).__name__} is not serializable")


doc = {"name": "PycSharp", "version": [0, 3, 1], "stable": False, "ratio": 0.25, "big": 10 ** 20,
       "tags": ["vm", "bytecode"], "nested": {"empty_list": [], "empty_obj": {}, "none": None},
       "text": 'quote " backslash \\ newline\n tab\t café'}
compact = dumps(doc)
print(compact)
pretty = dumps(doc, indent=2, sort_keys=True)
print(pretty)
print(dumps([]), dumps({}), dumps([[], [{}]], indent=1), dumps("tab\there"), dumps(-0.5), dumps(True), dumps([None, 1e100]))
print(dumps({"z": 1, "a": [1, {"c": 3, "b": 2}]}, sort_keys=True), dumps({1: "int keys become strings"}))
for value in [float("nan"), {1, 2}, (1, "two")]:
    try:
        print(dumps(value))
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
