# versions: 3.11+
# The math module: constants, sqrt/isqrt, floor/ceil/trunc, gcd/lcm, factorial/comb/perm, fsum/prod,
# isclose, exp/log family, trigonometry (printed rounded), hypot/dist, copysign/fmod/remainder/modf.
import math

print("constants:", math.pi, math.e, math.tau, math.inf, -math.inf, math.nan != math.nan)
print("sqrt:", math.sqrt(2), math.sqrt(16), math.sqrt(0.25), math.isqrt(17), math.isqrt(10 ** 30))
print("floor/ceil/trunc:", [(math.floor(x), math.ceil(x), math.trunc(x)) for x in (2.7, -2.7, 5, -0.5)])
print("floor of big float:", math.floor(1e20), type(math.floor(2.5)).__name__, math.ceil(10 ** 20 + 0.0))
print("gcd/lcm:", math.gcd(48, 18), math.gcd(0, 5), math.gcd(-12, 8), math.gcd(12, 18, 27), math.gcd(), math.lcm(4, 6), math.lcm(3, 5, 7))
print("factorial:", math.factorial(0), math.factorial(10), math.factorial(25))
print("comb/perm:", math.comb(10, 3), math.comb(52, 5), math.perm(5, 2), math.perm(5), math.comb(5, 7))
print("fsum vs sum:", math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.prod([1, 2, 3, 4]), math.prod([0.5, 4], start=3))
print("isclose:", math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9))
print("exp/log:", math.exp(0), math.exp(1) == math.e, math.log(1), math.log(math.e), math.log(8, 2), math.log2(1024), math.log10(0.001))
print("log of big int:", round(math.log10(10 ** 400), 6), math.log2(2 ** 1000), math.log1p(0.0), math.expm1(0.0))
print("pow:", math.pow(2, 10), math.pow(4, 0.5), math.pow(-8, 3))
angles = [0, 30, 45, 60, 90, 180, 270]
for deg in angles:
    rad = math.radians(deg)
    print(f"  {deg:>3} deg: rad={rad:.6f} sin={math.sin(rad):+.6f} cos={math.cos(rad):+.6f} tan={math.tan(rad) if deg % 180 != 90 else 'inf':>9}"[:80])
print("inverse trig:", round(math.degrees(math.asin(0.5)), 9), round(math.degrees(math.acos(0.5)), 9), math.degrees(math.atan(1)), round(math.atan2(1, -1), 12))
print("hyperbolic:", math.sinh(0), math.cosh(0), math.tanh(0), round(math.tanh(1), 12))
print("hypot/dist:", math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)), math.dist((1, 1, 1), (2, 2, 2)) ** 2)
print("copysign:", math.copysign(3, -0.0), math.copysign(-2, 1), math.fabs(-7), math.fabs(7))
print("fmod vs %:", math.fmod(-7, 3), -7 % 3, math.fmod(7, -3), 7 % -3, math.remainder(7, 3), math.remainder(8, 3))
print("modf/frexp/ldexp:", math.modf(3.75), math.modf(-3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print("predicates:", math.isfinite(1e308), math.isinf(-math.inf), math.isnan(float("nan")))
print("nextafter/ulp:", math.nextafter(1.0, 2.0), math.ulp(1.0), math.ulp(0.0) > 0)
for label, fn in [("sqrt(-1)", lambda: math.sqrt(-1)), ("log(0)", lambda: math.log(0)), ("factorial(-1)", lambda: math.factorial(-1)),
                  ("factorial(2.5)", lambda: math.factorial(2.5)), ("exp(1000)", lambda: math.exp(1000)), ("acos(2)", lambda: math.acos(2)),
                  ("comb(-1, 2)", lambda: math.comb(-1, 2)), ("isqrt(-4)", lambda: math.isqrt(-4))]:
    try:
        print(label, "=", fn())
    except (ValueError, OverflowError, TypeError) as e:
        print(f"{label}: {type(e).__name__}: {e}")


def newton_sqrt(x, tol=1e-12):
    guess = x / 2 or 1.0
    steps = 0
    while abs(guess * guess - x) > tol * x:
        guess = (guess + x / guess) / 2
        steps += 1
    return guess, steps


for x in (2, 10, 12345.678):
    approx, steps = newton_sqrt(x)
    print(f"newton sqrt({x}) ~ {approx:.10f} in {steps} steps, close={math.isclose(approx, math.sqrt(x))}")
circle = [(round(math.cos(2 * math.pi * k / 8), 6), round(math.sin(2 * math.pi * k / 8), 6)) for k in range(8)]
print([(x + 0.0, y + 0.0) for x, y in circle])
print("area of unit circle polygon (n=1000):", round(0.5 * 1000 * math.sin(2 * math.pi / 1000), 9))
