# versions: 2.7, 3.6+
from __future__ import print_function
import math

values = [1e100, 0.1, -0.0, 0.0, 1.5e-7, 2.5, -3.75, 1e-300, 1.7976931348623157e308,
          5e-324, 123456789.125, 1.0 / 3, 2.0 ** 0.5]
inf = float("inf")
ninf = float("-inf")
nan = float("nan")


def float_consts():
    return (1e100, 0.1, -0.0, 1.5e-7, 3.141592653589793, 6.02214076e23)


def complex_consts():
    return (3j, -1.5 + 2j, 1j * 1j, 0j, -0j, 2.5e10j, 1 + 0j)


for v in values:
    print(repr(v))
print(inf, ninf, inf > 1e308, -inf == ninf)
print(nan != nan, math.isnan(nan), math.isinf(inf))
print(math.copysign(1.0, -0.0), -0.0 == 0.0)
print(float_consts())
print(complex_consts())
z = -1.5 + 2j
print(z.real, z.imag, abs(3 + 4j), z * z.conjugate())
print((1 + 2j) * (3 - 4j), (1 + 2j) / (1 - 1j))
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, round(2.675, 2))
print(7.0 // 2, 7.0 % 2.5, -7.5 // 2, divmod(-7.5, 2))
print(float("1e-7"), float("  -12.5  "), float(10 ** 20))
print(int(3.99), int(-3.99), math.floor(-0.5), math.ceil(-0.5))
print(1e16, 1e15, 123456789012345678.0, 0.000001, 0.0000001)
print("%.3f %.10g %e %g" % (math.pi, math.e, 12345.678, 0.00001234))
print(complex("1+2j"), complex(0, -1))
