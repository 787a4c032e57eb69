# versions: 3.8+
# What hack_targets.py prints once its bytecode is edited (README.md): the * of scale is a +, and greet's
# constant "hello, " is "goodbye, ". CPython's output for this program is the hacks' expected output.


def scale(a):
    return a + 2


def greet(name):
    return "goodbye, " + name


print(scale(21), greet("world"))
