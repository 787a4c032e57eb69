# versions: 3.8+
# Functions the bytecode hacks of README.md edit: a constant to replace, a * to turn into a +.


def scale(a):
    return a * 2


def greet(name):
    return "hello, " + name


print(scale(21), greet("world"))
