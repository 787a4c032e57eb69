# versions: 3.11+
# complex numbers: construction, repr, arithmetic, abs/conjugate, comparison errors, parsing.

zs = [1j, -1j, 2 + 3j, 2 - 3j, -1.5 + 0.5j, complex(4), complex(0, 0), complex(-0.0, -0.0),
      complex(1e20, 1e-20), 1 + 0j, (1 + 2j) * 1j, complex(3, 4) / 2]
for z in zs:
    print(f"{z!r:<26} str={z} real={z.real!r} imag={z.imag!r} abs={abs(z)!r}")

a = 3 + 4j
b = 1 - 2j
print("a+b", a + b, "a-b", a - b, "a*b", a * b, "a/b", a / b)
print("a**2", a ** 2, "a**0.5", a ** 0.5, "1j**2", 1j ** 2, "a**-1", a ** -1)
print("conjugate", a.conjugate(), "a*conj", a * a.conjugate(), "abs", abs(a), abs(b))
print("mixed with int/float", a + 1, 2 * a, a / 2, 1.5 - a, a == 3 + 4j, a == complex(3, 4))
print("equality with real", complex(2, 0) == 2, complex(2, 0) == 2.0, 1j == 1)
for label, fn in [("a < b", lambda: a < b), ("a // b", lambda: a // b), ("a % b", lambda: a % b),
                  ("int(a)", lambda: int(a)), ("a / 0", lambda: a / 0)]:
    try:
        print(label, fn())
    except (TypeError, ZeroDivisionError) as e:
        print(f"{label}: {type(e).__name__}: {e}")
for text in ["1+2j", "-3.5j", " (4-1j) ", "2", "1e3+1e-3j", "j", "-j", "infj", "nan+nanj"]:
    print(f"complex({text!r}) = {complex(text)!r}")
for text in ["1+2", "abc", "1 + 2j", "2jj"]:
    try:
        complex(text)
    except ValueError as e:
        print(f"complex({text!r}): ValueError: {e}")
print("format:", f"{a:.2f}", f"{b:>12}", f"{complex(1.23456, -7.891):.3}", format(1j, "g"))
print("hash:", hash(1 + 0j) == hash(1), hash(2j), hash(complex(1, 1)))


def roots(p, q, r):
    disc = q * q - 4 * p * r
    root = disc ** 0.5
    return (-q + root) / (2 * p), (-q - root) / (2 * p)


print("roots of x^2+1:", roots(1, 0, 1))
print("roots of x^2-3x+2:", roots(1, -3, 2))
print("roots of x^2+2x+5:", roots(1, 2, 5))
z = 1 + 0j
for k in range(8):
    z *= 1j
    print(f"  step {k}: {z}")
total = sum([1 + 1j, 2 - 3j, -0.5j], 0j)
print("sum", total, "bool", bool(0j), bool(1e-300j), "type", type(total).__name__)
