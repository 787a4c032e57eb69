# versions: 3.11+
# Fails on purpose: an assert with a message fails inside nested function calls (AssertionError).


def mean(values):
    assert values, "mean() of an empty sequence"
    return sum(values) / len(values)


def normalise(groups):
    out = {}
    for name, values in groups.items():
        m = mean(values)
        assert m >= 0, f"group {name!r} has negative mean {m}"
        out[name] = [round(v / m, 3) for v in values]
    return out


print(normalise({"a": [1, 2, 3], "b": [10, 20]}))
print(normalise({"c": [4, 4], "d": [-5, 1], "e": [1]}))
print("never printed")
