# versions: 3.8+
# The classic goto idiom (the goto package's syntax): `label .name` marks a place and `goto .name` jumps to it.
# As plain Python it stops at the first `label` (NameError); `pyc goto` turns the pairs into real jumps, and
# goto_idioms_plain.py prints what the result must print.


def count_to(n):
    i = 0
    total = 0
    label .again
    i += 1
    total += i
    if i < n:
        goto .again
    return total


def skip_ahead(flag):
    out = ["start"]
    if flag:
        goto .done
    out.append("middle")
    label .done
    out.append("end")
    return out


def find_negative(rows):
    # Out of two for loops at once: the jump pops both iterators.
    found = None
    for row in rows:
        for x in row:
            if x < 0:
                found = x
                goto .out
    label .out
    return found


def inside_try(values):
    total = 0
    try:
        i = 0
        label .next
        if i < len(values):
            total += values[i]
            i += 1
            goto .next
    finally:
        total += 1000
    return total


print(count_to(10), skip_ahead(True), skip_ahead(False))
print(find_negative([[1, 2], [3, -4, 5], [-6]]), find_negative([[1]]))
print(inside_try([1, 2, 3]))
