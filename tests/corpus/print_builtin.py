# versions: 3.11+
# print() with sep/end/file/flush, writing to sys.stdout and sys.stderr directly (both streams are
# recorded), the return values of write(), and a file-like object passed as file=.
import sys

print("plain")
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=" | ")
print("no newline", end="")
print(" <- continued", end="!\n")
print()
print("", end="")
print(1, 2.5, None, True, [1], (2,), {"k": 3}, sep=", ")
print("multi", "line", sep="\n")
print(*range(5), sep="-", end=".\n")
print("to stderr", 42, file=sys.stderr)
print("flushed", flush=True)
print("stderr with sep", "x", "y", sep="/", end=";\n", file=sys.stderr)
n = sys.stdout.write("written directly\n")
print("write returned", n)
m = sys.stderr.write("stderr direct write\n")
print("stderr write returned", m)
sys.stdout.write("no newline from write")
sys.stdout.write("\n")
sys.stdout.flush()
print("sep=None and end=None mean defaults:", "x", sep=None, end=None)


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def flush(self):
        self.parts.append("<flush>")


c = Collector()
print("into", "collector", sep="_", file=c)
print("second", file=c, flush=True)
print(file=c)
print("collected:", c.parts)
print("file=None means stdout", file=None)
for bad in [dict(sep=1), dict(end=2), dict(file="notafile")]:
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)


def table(rows):
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print(*(str(v).ljust(w) for v, w in zip(r, widths)), sep=" | ")


table([("id", "name", "score"), (1, "ann", 9.5), (22, "bartholomew", 10), (333, "cy", 7.25)])
for i in range(3):
    print(i, end=" " if i < 2 else "\n")
print("unicode:", "ünïcödé", "→", "日本", "😀")
print("done", file=sys.stdout)
sys.stderr.write("last stderr line\n")
