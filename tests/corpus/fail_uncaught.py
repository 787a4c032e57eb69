# versions: 2.7, 3.6+
# Fails on purpose: an uncaught exception raised a few frames deep (exit code 1).
from __future__ import print_function


def parse_config(text):
    key, value = text.split("=")
    return {key: validate(value)}


def validate(value):
    if not value.isdigit():
        raise ValueError("not a number: %r" % value)
    return int(value)


print("parsing good line")
print(parse_config("a=1"))
print("parsing bad line")
parse_config("b=two")
print("never printed")
