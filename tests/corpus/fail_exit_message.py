# versions: 3.11+
# Fails on purpose: sys.exit() with a string prints the message to stderr and exits with status 1;
# finally blocks and an except clause for Exception do not stop it.
import sys


def load(path):
    print("loading", path)
    try:
        if not path.endswith(".cfg"):
            sys.exit(f"fatal: {path} is not a .cfg file")
    except Exception:
        print("never: SystemExit is not an Exception")
    finally:
        print("cleanup in finally")


load("settings.cfg")
load("settings.txt")
print("never printed")
