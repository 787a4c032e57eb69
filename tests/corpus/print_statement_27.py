# versions: 2.7
# Python 2 only syntax: print statement, backticks, exec statement, <>, long and octal literals.
import sys


class OldStyle:
    def __init__(self, v):
        self.v = v


print "print statement", 1, 2.5
print "no newline,",
print "continued"
print >>sys.stdout, "redirected", "print"
print
big = 10L
octal = 0777
print big, octal, type(big).__name__
print `42`, `"backticks"`
exec "answer = 6 * 7"
print answer
ns = {}
exec "x = 1" in ns
print ns["x"]
print 1 <> 2, 3 <> 3
print OldStyle(5).v, type(OldStyle(1)).__name__
print u"unicode", ur"raw\n", repr(u"\u00e9")
print dict(a=1).has_key("a")
print 7 / 2, -7 / 2, 7.0 / 2
print reduce(lambda a, b: a * b, xrange(1, 6))
print sorted([3, 1, 2], cmp=lambda a, b: b - a)
try:
    raise ValueError, "old raise syntax"
except ValueError, e:
    print "caught", e
print map(None, [1, 2], [3, 4])
print "%s" % unichr(233).encode("utf-8"), repr(buffer("abc")[1:])
