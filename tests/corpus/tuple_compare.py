# versions: 3.11-3.13
# Tuple comparisons the VM answers without slot dispatch (exact tuples of exact ints, strs, floats and such tuples,
# Ops.TryCompareTuples) beside those that take the general path: other item types, big ints, nan, None, bool.
nan = float("nan")
cases = [((1, "a"), (1, "b")), ((1, "a"), (1, "a")), ((1,), (1, 2)), ((), ()), ((1, (2, "x")), (1, (2, "y"))),
         ((nan,), (nan,)), ((1.5, 2), (1.5, 3)), ((1, 2.0), (1, 2)), ((2**70, 1), (2**70, 2)), (("\U0001F600",), ("\uffff",)),
         ((1, None), (1, None)), ((True, 1), (1, 1)), ((((((((((1,),),),),),),),),), (((((((((((2,),),),),),),),),),)))]
n = nan
cases.append(((n, 1), (n, 2)))
for a, b in cases:
    row = []
    for op in ("<", "<=", "==", "!=", ">", ">="):
        try:
            row.append(str({"<": a < b, "<=": a <= b, "==": a == b, "!=": a != b, ">": a > b, ">=": a >= b}[op]))
        except TypeError as e:
            row.append("TypeError")
            break
    print(" ".join(row))
try:
    print((1, None) < (1, None))
except TypeError as e:
    print(e)
try:
    print((1, None) < (1, 2))
except TypeError as e:
    print(e)
d = {(1, "a"): 1, (2, ("b", 3)): 2}
print(d[(1, "a")], d[(2, ("b", 3))], (1, "a") in d, sorted([(2, "b"), (1, "z"), (1, "a"), (2, "a")]))
