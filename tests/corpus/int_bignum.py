# versions: 3.11+
# Arbitrary-precision ints: factorials, Fibonacci, powers, modular arithmetic, to_bytes/from_bytes.


def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def isqrt(n):
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x


for n in (0, 1, 5, 20, 21, 30, 50):
    print(f"{n}! = {factorial(n)}")
print("100! has", len(str(factorial(100))), "digits, trailing zeros:",
      len(str(factorial(100))) - len(str(factorial(100)).rstrip("0")))
for n in (10, 50, 90, 100, 200):
    print(f"fib({n}) = {fib(n)}")

big = 2 ** 127 - 1
print("M127", big, big.bit_length())
print("M127 hex", hex(big), "oct", oct(big)[:12])
print("isqrt", isqrt(big), isqrt(10 ** 40), isqrt(99))
print("square check", isqrt(10 ** 40) ** 2 == 10 ** 40)
print("big // and %", big // 12345678901234567, big % 12345678901234567)
print("negative big", -big // 10 ** 20, -big % 10 ** 20)
print("divmod", divmod(-(10 ** 30), 7 ** 20))
print("pow mod", pow(2, 10 ** 18, 10 ** 9 + 7), pow(12345, 6789, 2 ** 64))
print("mod inverse", pow(65537, -1, 2 ** 61 - 1))
print("shifts", big >> 100, big << 3, -big >> 120)
print("bit ops", big & (2 ** 64 - 1), (big ^ (2 ** 126)) >> 120, ~big)
print("mixed", big * 1.0, float(2 ** 1000) > 1e300)
try:
    float(2 ** 1024)
except OverflowError as e:
    print("OverflowError:", e)
print("true division of bigs", (10 ** 50) / (10 ** 48), (2 ** 200) / 3)

data = (1234567890123456789).to_bytes(8, "big")
print("to_bytes big", data)
print("to_bytes little", (1234567890123456789).to_bytes(8, "little"))
print("from_bytes", int.from_bytes(data, "big"), int.from_bytes(data, "little"))
print("signed", (-2).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xfe", "big", signed=True))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)

digits = str(3 ** 500)
print("3**500 starts", digits[:30], "ends", digits[-10:], "len", len(digits))
print("digit sum", sum(int(c) for c in digits))
collatz_steps = 0
n = 2 ** 100 + 1
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    collatz_steps += 1
print("collatz steps from 2**100+1:", collatz_steps)
print("compare", 10 ** 30 > 10 ** 29, -(10 ** 30) < 5, 10 ** 20 == 100000000000000000000)
print("hash of big", hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 70)))
