"""Fannkuch-redux: for each permutation of 0..N-1, count the prefix reversals ("pancake flips") it takes to bring
0 to the front; report the largest count and a signed checksum of all counts.

Exercises lists: copies by slicing, reversal of a prefix by slice assignment (p[k::-1]), rotation by slice
assignment and concatenation, element reads and writes, while loops and integer comparisons.

    fannkuch.py [COUNT [N]]    visit the first COUNT permutations of N elements (default 800000 of 10; the work
                               is linear in COUNT); COUNT 0, or more than N!, visits all N! of them

The permutations are visited in the rotation order of the Computer Language Benchmarks Game, so that visiting all
of them gives its published results (N=7: checksum 228, at most 16 flips; N=10: 73196 and 38). The first 9! = 362880
permutations of 10 are those of 9 with 9 left at the end.
"""
import sys

DEFAULT_COUNT = 800000
DEFAULT_N = 10


def fannkuch(n, limit):
    perm = list(range(n))   # the current permutation
    count = [0] * n         # count[i]: rotations of the first i+1 elements still to do at level i
    max_flips = 0
    checksum = 0
    visited = 0
    even = True             # parity of the permutation's index: the checksum adds even ones, subtracts odd
    r = n
    while True:
        while r > 1:
            count[r - 1] = r
            r -= 1

        first = perm[0]
        if first:
            p = perm[:]
            flips = 0
            while first:
                p[:first + 1] = p[first::-1]
                flips += 1
                first = p[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if even else -flips
        even = not even
        visited += 1
        if visited == limit:
            return checksum, max_flips, visited

        # Next permutation: rotate the first r+1 elements left by one, as many times as count[r] allows,
        # moving up a level each time a level is used up.
        while True:
            if r == n:
                return checksum, max_flips, visited
            perm[:r + 1] = perm[1:r + 1] + perm[:1]
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main(argv):
    limit = int(argv[1]) if len(argv) > 1 else DEFAULT_COUNT
    n = int(argv[2]) if len(argv) > 2 else DEFAULT_N
    checksum, max_flips, visited = fannkuch(n, limit)
    print(checksum)
    print("Pfannkuchen(%d) = %d" % (n, max_flips))
    print("%d permutations visited" % visited)


if __name__ == "__main__":
    main(sys.argv)
