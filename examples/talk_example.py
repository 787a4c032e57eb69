# versions: 2.7, 3.6+
# The classic example from the talk: a tiny function and one print.


def sum(x, y):
    return x * 2 + y


print(sum(15, 12))
