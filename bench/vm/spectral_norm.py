"""Spectral norm: the largest singular value of the infinite matrix A with A[i][j] = 1 / ((i+j)(i+j+1)/2 + i + 1),
cut to N x N, by ten rounds of the power method on A^T A.

Exercises function calls (a small function called N*N times per product), generator expressions consumed by
sum(), enumerate and zip, list comprehensions, mixed int/float arithmetic, math.sqrt.

    spectral_norm.py [N]   N: size of the matrix (default 400; the work grows like N*N)

Prints the norm to 9 decimals.
"""
import math
import sys

DEFAULT_N = 400


def entry(i, j):
    s = i + j
    return 1.0 / (s * (s + 1) // 2 + i + 1)


def times_a(u):
    # (A u)[i] = sum over j of A[i][j] * u[j]
    return [sum(entry(i, j) * uj for j, uj in enumerate(u)) for i in range(len(u))]


def times_at(u):
    # (A^T u)[i] = sum over j of A[j][i] * u[j]
    return [sum(entry(j, i) * uj for j, uj in enumerate(u)) for i in range(len(u))]


def times_ata(u):
    return times_at(times_a(u))


def spectral_norm(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = times_ata(u)
        u = times_ata(v)
    vbv = sum(ui * vi for ui, vi in zip(u, v))
    vv = sum(vi * vi for vi in v)
    return math.sqrt(vbv / vv)


def main(argv):
    n = int(argv[1]) if len(argv) > 1 else DEFAULT_N
    print("%.9f" % spectral_norm(n))


if __name__ == "__main__":
    main(sys.argv)
