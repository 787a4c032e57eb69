# versions: 2.7, 3.6+
from __future__ import print_function

DEEP = (1, (2, (3, (4, (5, (6, (7, (8, ("bottom",)))))))))


def level1(a):
    def level2(b):
        def level3(c):
            def level4(d):
                def level5(e):
                    def level6(f):
                        return [a, b, c, d, e, f]
                    return level6
                return level5
            return level4
        return level3
    return level2


class Outer(object):
    class Middle(object):
        class Inner(object):
            class Innermost(object):
                value = "innermost"

                def method(self):
                    def helper():
                        return "helper in " + type(self).__name__
                    return helper()


def function_with_class():
    class Local(object):
        def method(self):
            class Deeper(object):
                def go(self):
                    return lambda: (lambda: "lambda in lambda")()
            return Deeper().go()()
    return Local().method()


def depth(t):
    if isinstance(t, tuple) and t:
        return 1 + max(depth(x) for x in t)
    return 0


data = {"a": [{"b": {"c": [1, 2, {"d": ("e", ["f", {"g": "h"}])}]}}]}

print(level1(1)(2)(3)(4)(5)(6))
print(Outer.Middle.Inner.Innermost.value)
print(Outer.Middle.Inner.Innermost().method())
print(Outer.Middle.Inner.Innermost.__name__)
print(function_with_class())
print(depth(DEEP))
print(DEEP[1][1][1][1][1][1][1][1])
print(data["a"][0]["b"]["c"][2]["d"][1][1]["g"])
print([[[[i * j * k for k in range(2)] for j in range(2)] for i in range(2)]])
