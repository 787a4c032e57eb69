# versions: 2.7, 3.6+
# Exits with status 3 through sys.exit after printing; finally blocks still run.
from __future__ import print_function
import sys


def main():
    try:
        print("doing work")
        sys.exit(3)
    finally:
        print("cleanup in finally")


try:
    main()
except SystemExit as e:
    print("SystemExit code", e.code)
    raise
print("not reached")
