# versions: 2.7, 3.6+
# Fails on purpose: AttributeError at module level after some output.
import sys


class Thing(object):
    def __init__(self):
        self.present = "yes"


t = Thing()
sys.stdout.write("present: %s\n" % t.present)
sys.stderr.write("about to fail\n")
t.absent
