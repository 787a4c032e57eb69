"""Integer kernels over lists of ints: matrix products, a sieve of Eratosthenes and Collatz chains.

Exercises nested range loops, list indexing and item assignment, small-integer arithmetic (+, *, //, %,
comparisons, shifts and bit masks), while loops; no floats, no calls in the inner loops.

    intkernel.py [N]       N: size (default 120; four products of N x N matrices, a sieve up to 2 * N**3, and
                           Collatz chains from every start below N**3 // 32: the work grows like N**3)

Prints the trace and a checksum of the matrix, the number of primes with their sum, and the longest chain.
"""
import sys

DEFAULT_N = 120
PRODUCTS = 4
MODULUS = 10007


def make_matrix(n, a, b, c):
    return [[(i * a + j * b + c) % 101 - 50 for j in range(n)] for i in range(n)]


def matmul(x, y, modulus):
    n = len(x)
    result = []
    for i in range(n):
        xi = x[i]
        row = [0] * n
        for k in range(n):
            xik = xi[k]
            yk = y[k]
            for j in range(n):
                row[j] += xik * yk[j]
        for j in range(n):
            row[j] %= modulus
        result.append(row)
    return result


def matrix_summary(m):
    n = len(m)
    trace = 0
    for i in range(n):
        trace += m[i][i]
    check = 0
    for row in m:
        for v in row:
            check = (check * 131 + v) & 0xFFFFFFF
    return trace, check


def sieve(limit):
    flags = [1] * (limit + 1)
    flags[0] = flags[1] = 0
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = 0
        i += 1
    count = 0
    total = 0
    for k in range(limit + 1):
        if flags[k]:
            count += 1
            total += k
    return count, total


def longest_collatz(limit):
    best_start = 1
    best_len = 1
    for start in range(1, limit):
        x = start
        steps = 1
        while x != 1:
            if x & 1:
                x = 3 * x + 1
            else:
                x >>= 1
            steps += 1
        if steps > best_len:
            best_len = steps
            best_start = start
    return best_start, best_len


def main(argv):
    n = int(argv[1]) if len(argv) > 1 else DEFAULT_N
    a = make_matrix(n, 37, 11, 5)
    b = make_matrix(n, 7, 53, 29)
    m = a
    for _ in range(PRODUCTS):
        m = matmul(m, b, MODULUS)
    trace, check = matrix_summary(m)
    print("A*B^%d mod %d: trace=%d checksum=%d" % (PRODUCTS, MODULUS, trace, check))
    limit = 2 * n ** 3
    count, total = sieve(limit)
    print("primes up to %d: %d, sum %d" % (limit, count, total))
    limit = n ** 3 // 32
    start, length = longest_collatz(limit)
    print("longest Collatz chain below %d: %d steps from %d" % (limit, length, start))


if __name__ == "__main__":
    main(sys.argv)
