# versions: 3.11+
# Fails on purpose: a ValueError raised inside a generator while a for loop in another function
# consumes it; the traceback shows the generator frame below the consumer.


def parse_lines(lines):
    for number, line in enumerate(lines, 1):
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"line {number}: missing '=' in {line!r}")
        yield key.strip(), int(value)


def load(lines):
    result = {}
    for key, value in parse_lines(lines):
        print("  parsed", key, value)
        result[key] = value
    return result


print(load(["a = 1", "b = 2"]))
print(load(["x = 10", "y 20", "z = 30"]))
print("never printed")
