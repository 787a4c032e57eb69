# versions: 3.8+
# goto_idioms.py written without goto: CPython's output for this program is what goto_idioms.py must print
# once `pyc goto` has turned its labels and gotos into jumps.


def count_to(n):
    i = 0
    total = 0
    while True:
        i += 1
        total += i
        if not i < n:
            break
    return total


def skip_ahead(flag):
    out = ["start"]
    if not flag:
        out.append("middle")
    out.append("end")
    return out


def find_negative(rows):
    for row in rows:
        for x in row:
            if x < 0:
                return x
    return None


def inside_try(values):
    total = 0
    try:
        i = 0
        while i < len(values):
            total += values[i]
            i += 1
    finally:
        total += 1000
    return total


print(count_to(10), skip_ahead(True), skip_ahead(False))
print(find_negative([[1, 2], [3, -4, 5], [-6]]), find_negative([[1]]))
print(inside_try([1, 2, 3]))
