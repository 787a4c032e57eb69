"""N-body: the Sun and the four gas giants under Newtonian gravity, advanced with a fixed time step.

Exercises float arithmetic on values held in lists and tuples: indexing, augmented assignment to list items,
tuple unpacking in for loops, math.sqrt; no attribute access in the hot loop.

    nbody.py [STEPS]       STEPS: number of time steps (default 300000; the work is linear in it)

Prints the total energy before and after, to 9 decimals (the checksum the benchmark compares).
"""
import math
import sys

DEFAULT_STEPS = 300000

SOLAR_MASS = 4.0 * math.pi * math.pi
DAYS_PER_YEAR = 365.24


def make_bodies():
    # Each body is a list [x, y, z, vx, vy, vz, mass]: positions in AU, velocities in AU/day turned into
    # AU/year, masses in solar masses turned into the units where G = 1.
    planets = (
        # Jupiter
        (4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
         1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
         9.54791938424326609e-04),
        # Saturn
        (8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
         -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
         2.85885980666130812e-04),
        # Uranus
        (1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
         2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
         4.36624404335156298e-05),
        # Neptune
        (1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
         2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
         5.15138902046611451e-05),
    )
    bodies = [[0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS]]
    for x, y, z, vx, vy, vz, m in planets:
        bodies.append([x, y, z, vx * DAYS_PER_YEAR, vy * DAYS_PER_YEAR, vz * DAYS_PER_YEAR, m * SOLAR_MASS])
    return bodies


def all_pairs(bodies):
    pairs = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            pairs.append((bodies[i], bodies[j]))
    return pairs


def zero_momentum(bodies):
    # Give the Sun the velocity that makes the system's total momentum zero.
    px = py = pz = 0.0
    for body in bodies:
        m = body[6]
        px += body[3] * m
        py += body[4] * m
        pz += body[5] * m
    sun = bodies[0]
    sun[3] = -px / SOLAR_MASS
    sun[4] = -py / SOLAR_MASS
    sun[5] = -pz / SOLAR_MASS


def energy(bodies, pairs):
    e = 0.0
    for x, y, z, vx, vy, vz, m in bodies:
        e += 0.5 * m * (vx * vx + vy * vy + vz * vz)
    for a, b in pairs:
        dx = a[0] - b[0]
        dy = a[1] - b[1]
        dz = a[2] - b[2]
        e -= a[6] * b[6] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(bodies, pairs, dt, steps):
    sqrt = math.sqrt
    for _ in range(steps):
        for a, b in pairs:
            dx = a[0] - b[0]
            dy = a[1] - b[1]
            dz = a[2] - b[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * sqrt(d2))
            ma = a[6] * mag
            mb = b[6] * mag
            a[3] -= dx * mb
            a[4] -= dy * mb
            a[5] -= dz * mb
            b[3] += dx * ma
            b[4] += dy * ma
            b[5] += dz * ma
        for body in bodies:
            body[0] += dt * body[3]
            body[1] += dt * body[4]
            body[2] += dt * body[5]


def main(argv):
    steps = int(argv[1]) if len(argv) > 1 else DEFAULT_STEPS
    bodies = make_bodies()
    pairs = all_pairs(bodies)
    zero_momentum(bodies)
    print("%.9f" % energy(bodies, pairs))
    advance(bodies, pairs, 0.01, steps)
    print("%.9f" % energy(bodies, pairs))
    x, y, z = bodies[1][0], bodies[1][1], bodies[1][2]
    print("jupiter at %.6f %.6f %.6f after %d steps" % (x, y, z, steps))


if __name__ == "__main__":
    main(sys.argv)
