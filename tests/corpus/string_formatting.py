# versions: 2.7, 3.6+
from __future__ import print_function

name = "Ada"
n = 42
pi = 3.14159265

print("Hello, %s!" % name)
print("%d items, %5d|%-5d|%05d" % (n, n, n, n))
print("%.2f %10.3f %-10.1f| %e %E %g" % (pi, pi, pi, pi * 1e6, pi / 1e6, pi))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%r %s" % ("quoted", "plain"))
print("%(name)s is %(age)d years" % {"name": "Bob", "age": 30})
print("%c%c%c" % (80, 121, 99))
print("100%% sure, %+d, % d" % (5, 7))
print("%*d|%-*s|" % (6, 42, 4, "ab"))
print("%.3s" % "truncate")
print("{} and {}".format("this", "that"))
print("{1} {0} {1}".format("a", "b"))
print("{name:>8}|{n:^7}|{pi:.3f}".format(name=name, n=n, pi=pi))
print("{0[0]} {0[1]} {1.real}".format(["x", "y"], 3 + 4j))
print("{:,} {:_<8} {:+.1%}".format(1234567, "pad", 0.256))
print("{!r:>12}".format("repr"))
print("-".join(["a", "b", "c"]), "abc".center(9, "*"), "x".ljust(3, ".") + "|")
print("  strip me  ".strip() + "|", "a,b,,c".split(","), "CamelCase".lower())
print("tab\tsep".expandtabs(4), "%s" % (("tuple", "inside"),))
print("%s %s" % (None, True), "%d" % 3.99, "%s" % 1.0)
