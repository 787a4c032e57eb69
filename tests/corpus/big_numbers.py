# versions: 2.7, 3.6+
from __future__ import print_function

a = 2 ** 100
b = -2 ** 64
c = 10 ** 30
d = 1267650600228229401496703205376
e = -18446744073709551616
f = 0x7FFFFFFFFFFFFFFF
g = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF
h = -9223372036854775808
i = 2147483647
j = -2147483648
k = 1073741823
m = 1073741824
n = 32767
o = 32768
p = -1


def consts():
    return (2 ** 100, 123456789012345678901234567890, -987654321098765432109876543210,
            2 ** 30, 2 ** 31, 2 ** 32, 2 ** 63, 2 ** 64, -2 ** 63 - 1, 0, -0)


print(a)
print(b)
print(c)
print(a == d, b == e)
print(f, g, h)
print(i, j, k, m, n, o, p)
print(consts())
print(a * c - b)
print(a // 3, a % 1000007, -a // 7, -a % 7)
print(divmod(c, 12345678901))
print(pow(3, 200, 10 ** 9 + 7))
print(2 ** 200 >> 150, 1 << 90, ~c, c & 0xFFFF, c | 1, c ^ a)
print(str(7 ** 77)[:20], len(str(7 ** 77)))
print(int("123456789" * 5) + 1)
print(abs(-10 ** 25), -(-2 ** 64))
print(hex(2 ** 70), oct(2 ** 40))
