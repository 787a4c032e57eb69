# versions: 3.8+
x = 10
name = "pyc"
values = [1, 2, 3]
print(f"{x=}")
print(f"{x * 2 = }")
print(f"{name=!r} {name=!s}")
print(f"{x=:08.3f}")
print(f"{values[1:]=}")
print(f"{(lambda y: y + 1)(x)=}")
