# versions: 3.11+
# Fails on purpose: StopIteration escaping from a generator body becomes RuntimeError("generator
# raised StopIteration"), printed with the StopIteration as its direct cause.


def first_words(lines):
    for line in lines:
        words = iter(line.split())
        yield next(words)


def safe_first_words(lines):
    for line in lines:
        word = next(iter(line.split()), None)
        if word is not None:
            yield word


text = ["one two", "", "three four five"]
print(list(first_words(["alpha beta", "gamma"])))
print(list(safe_first_words(text)))
gen = first_words(text)
print("first:", next(gen))
print("second:", next(gen))
print("never printed")
