# versions: 3.8+


def pos_only(a, b, /, c, *, d):
    return (a, b, c, d)


def with_defaults(x, y=10, /, z=20):
    return x + y + z


def kwargs_clash(name, /, **kwargs):
    return name, sorted(kwargs.items())


print(pos_only(1, 2, 3, d=4))
print(pos_only(1, 2, c=3, d=4))
print(with_defaults(1), with_defaults(1, 2), with_defaults(1, 2, z=3))
print(kwargs_clash("pos", name="kw"))
try:
    pos_only(a=1, b=2, c=3, d=4)
except TypeError:
    print("positional-only passed as keyword")
print(pos_only.__code__.co_posonlyargcount, pos_only.__code__.co_argcount,
      pos_only.__code__.co_kwonlyargcount)
print(divmod(17, 5), len([1, 2]))
