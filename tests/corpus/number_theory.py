# versions: 3.11+
# Number theory with ints: sieve, factorization, Miller-Rabin with three-argument pow, extended gcd,
# modular inverse, Chinese remainder theorem, Euler's totient, perfect numbers, and digit tricks.


def sieve(n):
    is_prime = [False, False] + [True] * (n - 1)
    for i in range(2, int(n ** 0.5) + 1):
        if is_prime[i]:
            is_prime[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_prime) if p]


def factorize(n):
    factors, d = {}, 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors


def is_probable_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y


def crt(remainders, moduli):
    total, prod = 0, 1
    for m in moduli:
        prod *= m
    for r, m in zip(remainders, moduli):
        p = prod // m
        total += r * p * pow(p, -1, m)
    return total % prod


def totient(n):
    result = n
    for p in factorize(n):
        result -= result // p
    return result


primes = sieve(100)
print(len(primes), primes[:10], primes[-5:], sum(primes))
for n in [1, 2, 12, 97, 360, 1001, 2 ** 16 + 1, 600851475143, 2 ** 32 - 1]:
    f = factorize(n)
    print(f"{n} = " + (" * ".join(f"{p}^{e}" if e > 1 else str(p) for p, e in f.items()) or "1"))
candidates = [2 ** 61 - 1, 2 ** 67 - 1, 10 ** 18 + 9, 10 ** 18 + 7, 561, 1105, 2 ** 89 - 1, 3 * 10 ** 20 + 1]
print([(n, is_probable_prime(n)) for n in candidates])
print("agreement with sieve:", [p for p in range(200) if is_probable_prime(p)] == sieve(199))
for a, b in [(240, 46), (17, 5), (10 ** 20, 3 ** 40)]:
    g, x, y = egcd(a, b)
    print(f"egcd({a}, {b}) = {g}, {x}, {y}; check {a * x + b * y == g}")
print("inverse of 17 mod 3120:", pow(17, -1, 3120), 17 * pow(17, -1, 3120) % 3120)
x = crt([2, 3, 2], [3, 5, 7])
print("CRT:", x, [x % m for m in (3, 5, 7)], crt([1, 2, 3, 4], [5, 7, 9, 11]))
print("totients:", [totient(n) for n in range(1, 21)], totient(10 ** 6))
perfect = [n for n in range(2, 10000) if sum(d + n // d for d in range(2, int(n ** 0.5) + 1) if n % d == 0) + 1 == n]
print("perfect numbers:", perfect)
print("digit sum of 2**1000:", sum(map(int, str(2 ** 1000))), "trailing zeros of 100!:", sum(100 // 5 ** k for k in range(1, 4)))
print("RSA toy:", (lambda n, e, d: (pow(pow(42, e, n), d, n), n))(61 * 53, 17, pow(17, -1, 60 * 52)))
