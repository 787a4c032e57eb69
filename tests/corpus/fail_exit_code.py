# versions: 3.11+
# Fails on purpose: sys.exit(3) deep in nested calls passes through `except Exception` handlers and
# finally blocks, and the process exits with status 3 without a traceback.
import sys


def step(n):
    print("step", n)
    if n == 3:
        sys.exit(n)
    return n


def pipeline():
    done = []
    for n in range(1, 6):
        try:
            done.append(step(n))
        except Exception as e:
            print("not reached", e)
        finally:
            print("  finally after step", n)
    return done


try:
    pipeline()
except ValueError:
    print("not reached either")
print("never printed")
