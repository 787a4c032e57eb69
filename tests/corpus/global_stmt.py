# versions: 2.7, 3.6+
from __future__ import print_function

total = 0
names = []


def add(n):
    global total
    total += n


def register(name):
    global names
    names = names + [name]


def define_new_global():
    global brand_new
    brand_new = "created inside a function"


def shadow():
    total = "local"
    return total


for i in range(1, 6):
    add(i)
register("a")
register("b")
define_new_global()
print(total)
print(names)
print(brand_new)
print(shadow(), total)
