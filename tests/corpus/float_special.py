# versions: 3.11+
# Infinities, NaN and signed zeros: arithmetic, comparisons, sorting, math predicates and repr.
import math

inf = float("inf")
ninf = -inf
nan = float("nan")
print("reprs:", inf, ninf, nan, repr(-nan), str(inf), [inf, nan], math.inf == inf)
print("arith:", inf + 1, inf * 2, inf - inf, inf * 0, 1 / inf, -1 / inf, inf / inf, inf ** 0)
print("nan arith:", nan + 1, nan * 0, nan ** 0, 1 ** nan, min(5.0, nan), max(nan, 5.0))
print("comparisons:", inf > 1e308, ninf < -1e308, nan == nan, nan != nan, nan < 1, nan > 1,
      nan is nan, inf == inf, ninf == -inf)
print("list membership uses identity first:", nan in [nan], float("nan") in [nan])
print("predicates:", math.isinf(inf), math.isinf(nan), math.isnan(nan), math.isfinite(1e308),
      math.isfinite(inf), math.isfinite(nan))
print("signed zero:", -0.0, 0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, math.copysign(1, -0.0),
      math.copysign(3, 0.0), 1 / inf * -1, -0.0 == 0.0, str(-0.0), format(-0.0, ".1f"))
print("abs/neg:", abs(ninf), -nan if False else "skip", abs(-0.0), -(0.0))
print("formatting:", f"{inf:10.2f}|{ninf:<8}|{nan:^9}|{inf:e}|{nan:%}|{inf:+}")
print("%-format:", "%f %e %g %5.1f" % (inf, ninf, nan, inf))
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.sqrt(-1.0)
except ValueError as e:
    print("ValueError:", e)
try:
    math.log(0.0)
except ValueError as e:
    print("ValueError:", e)
print("math on inf:", math.sqrt(inf), math.exp(ninf), math.atan(inf) * 2 == math.pi,
      math.floor(2.5), math.ceil(-2.5), math.trunc(-2.5))
try:
    math.floor(nan)
except ValueError as e:
    print("ValueError:", e)
try:
    math.ceil(inf)
except OverflowError as e:
    print("OverflowError:", e)
vals = [3.0, ninf, 1.5, inf, -0.0, 0.0, -2.0]
print("sorted:", sorted(vals), "max", max(vals), "min", min(vals))
print("sum with inf:", sum([1.0, inf, 2.0]), sum([inf, ninf]), math.fsum([1e308, 1.0, -1e308]))
try:
    math.fsum([1e308, 1e308, -1e308])
except OverflowError as e:
    print("OverflowError:", e)
print("round:", round(2.5), round(-0.5), round(inf) if False else "skip")
try:
    round(nan)
except ValueError as e:
    print("ValueError:", e)
print("float hashes:", hash(inf), hash(ninf), hash(0.0), hash(-0.0), hash(1.0), hash(0.5),
      hash(1.5) == hash(3 / 2), hash(2.0) == hash(2))
print("isclose:", math.isclose(0.1 + 0.2, 0.3), math.isclose(1.0, 1.0001),
      math.isclose(1.0, 1.0001, rel_tol=1e-3), math.isclose(inf, inf), math.isclose(nan, nan))
print("extremes:", 5e-324 / 2, 5e-324 * 0.6, 1.7976931348623157e308 * 1.0000000000000002,
      2.2250738585072014e-308 / 2)
d = {nan: "nan-key", 0.0: "zero"}
print("dict:", d[0.0], d.get(-0.0), d.get(float("nan"), "other nan not found"), len(d))
