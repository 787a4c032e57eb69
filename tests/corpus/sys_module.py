# versions: 3.11+
# The sys module: argv, version_info comparisons (never the exact version), maxsize, recursion
# limit get/set, sys.modules, stdout/stderr objects, sys.exit caught as SystemExit, exc_info, intern.
import sys

script = sys.argv[0].replace("\\", "/").split("/")[-1]
print("argv:", len(sys.argv), script.rsplit(".", 1)[0], isinstance(sys.argv, list), all(isinstance(a, str) for a in sys.argv))
print("version_info >= (3, 11):", sys.version_info >= (3, 11), sys.version_info > (3,), sys.version_info < (4, 0))
print("major is 3:", sys.version_info.major == 3, sys.version_info[0] == 3, len(sys.version_info) == 5)
print("releaselevel is a str:", isinstance(sys.version_info.releaselevel, str), type(sys.version_info.minor).__name__)
print("maxsize:", sys.maxsize == 2 ** 63 - 1 or sys.maxsize == 2 ** 31 - 1, sys.maxsize + 1 > sys.maxsize, type(sys.maxsize).__name__)
print("sys in sys.modules:", "sys" in sys.modules, sys.modules["sys"] is sys, "__main__" in sys.modules)
print("main module name:", __name__, sys.modules["__main__"].__name__)
old_limit = sys.getrecursionlimit()
print("recursion limit is an int > 50:", isinstance(old_limit, int) and old_limit > 50)
sys.setrecursionlimit(200)
print("after setrecursionlimit(200):", sys.getrecursionlimit())


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print("depth 150 fine:", depth(150))
try:
    depth(10000)
except RecursionError as e:
    print("RecursionError caught:", "maximum recursion depth exceeded" in str(e))
sys.setrecursionlimit(old_limit)
print("restored:", sys.getrecursionlimit() == old_limit)
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError:", e)
print("stdout/stderr:", sys.stdout is sys.__stdout__, hasattr(sys.stderr, "write"), sys.stdout.encoding.lower())
sys.stdout.write("sys.stdout.write works\n")
sys.stderr.write("sys.stderr.write works\n")
for code in [None, 0, 5, "text message", [1, 2]]:
    try:
        sys.exit(code) if code is not None else sys.exit()
    except SystemExit as e:
        print(f"SystemExit code={e.code!r} args={e.args}")
try:
    raise SystemExit(7)
except SystemExit as e:
    print("raised directly:", e.code, isinstance(e, BaseException), isinstance(e, Exception))
try:
    int("bad")
except ValueError:
    etype, value, tb = sys.exc_info()
    print("exc_info:", etype.__name__, value, type(tb).__name__)
print("exc_info outside:", sys.exc_info())
a = sys.intern("interned" + "_string")
b = sys.intern("interned_" + "string")
print("intern:", a is b, a == b)
print("byteorder:", sys.byteorder in ("little", "big"), "platform is str:", isinstance(sys.platform, str))
print("float_info:", sys.float_info.max == 1.7976931348623157e308, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print("int_info bits_per_digit in (15, 30):", sys.int_info.bits_per_digit in (15, 30))
print("hash_info.modulus:", sys.hash_info.modulus in (2 ** 61 - 1, 2 ** 31 - 1), "inf:", sys.hash_info.inf)
print("getsizeof returns int:", isinstance(sys.getsizeof([]), int))
print("path is a list:", isinstance(sys.path, list), "flags.optimize:", sys.flags.optimize)
print("done")
