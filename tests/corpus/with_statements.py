# versions: 2.7, 3.6+
from __future__ import print_function

LOG = []


class Managed(object):
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        LOG.append("enter " + self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            LOG.append("exit " + self.name)
        else:
            LOG.append("exit %s with %s" % (self.name, exc_type.__name__))
        return self.suppress


def use_single():
    with Managed("one") as value:
        LOG.append("body " + value)


def use_nested():
    with Managed("outer"):
        with Managed("inner") as inner:
            LOG.append("body " + inner)


def use_multiple():
    with Managed("a") as a, Managed("b") as b:
        LOG.append("body " + a + b)


def suppressing():
    with Managed("quiet", suppress=True):
        raise KeyError("swallowed")
    LOG.append("after suppressed")


def not_suppressing():
    try:
        with Managed("loud"):
            raise ValueError("escapes")
    except ValueError as e:
        LOG.append("caught " + str(e))


def return_inside():
    with Managed("ret"):
        return "returned"


def in_loop():
    for i in range(3):
        with Managed("loop%d" % i):
            if i == 1:
                continue
            LOG.append("loop body %d" % i)


use_single()
use_nested()
use_multiple()
suppressing()
not_suppressing()
LOG.append(return_inside())
in_loop()
for line in LOG:
    print(line)
