# versions: 3.11+
# open() for text and binary files: write, append, read back whole/by line/by chunk, seek/tell,
# iteration, readlines, encodings, "x" mode, errors for missing files. The program creates its files
# in the current directory under unique names and removes them at the end (os.remove only).
import os

base = "_file_roundtrip_tmp"
text_path = base + ".txt"
bin_path = base + ".bin"
with open(text_path, "w", encoding="utf-8") as f:
    print("opened", f.name, f.mode, f.closed, f.writable(), f.readable())
    n = f.write("first line\n")
    f.write("second line: ünïcödé\n")
    f.writelines(["third\n", "fourth\n"])
    print("write returned", n)
print("closed after with:", f.closed)
with open(text_path, "a", encoding="utf-8") as f:
    f.write("appended line\n")
with open(text_path, encoding="utf-8") as f:
    content = f.read()
print(repr(content))
print("line count", content.count("\n"), "char count", len(content))
with open(text_path, encoding="utf-8") as f:
    print("readline:", repr(f.readline()), repr(f.readline(6)), repr(f.readline()))
    print("rest:", f.readlines())
    print("at EOF:", repr(f.read()), repr(f.readline()))
with open(text_path, encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        print(f"{i}: {line.rstrip()!r} ({len(line)} chars)")
with open(text_path, encoding="utf-8") as f:
    words = [w for line in f for w in line.split()]
print("words:", words)
with open(bin_path, "wb") as f:
    f.write(bytes(range(10)))
    f.write("é€".encode("utf-8"))
    print("tell after writes:", f.tell())
with open(bin_path, "rb") as f:
    data = f.read()
    print(data, len(data))
    f.seek(3)
    print("seek 3 ->", f.read(4), "tell", f.tell())
    f.seek(-5, 2)
    print("last 5:", f.read(), "decoded:", data[10:].decode("utf-8"))
    f.seek(0)
    chunks = []
    while chunk := f.read(4):
        chunks.append(chunk)
    print("chunks:", chunks)
with open(bin_path, "r+b") as f:
    f.seek(2)
    f.write(b"\xff\xfe")
with open(bin_path, "rb") as f:
    print("patched:", f.read(6))
with open(text_path, "rb") as f:
    raw = f.read()
print("utf-8 bytes on disk:", len(raw), raw[:24])
with open(text_path, "w", encoding="latin-1") as f:
    f.write("café\n")
with open(text_path, "rb") as f:
    print("latin-1 bytes:", f.read())
with open(text_path, encoding="utf-8", errors="replace") as f:
    print("read as utf-8 with replace:", repr(f.read()))
try:
    with open(text_path, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e.reason)
try:
    open(text_path, "x")
except FileExistsError as e:
    print("FileExistsError:", e.strerror, e.filename)
missing = base + "_does_not_exist.txt"
try:
    open(missing)
except FileNotFoundError as e:
    print("FileNotFoundError:", e.errno, e.strerror, e.filename)
try:
    with open(text_path) as f:
        f.write("x")
except OSError as e:
    print(type(e).__name__ + ":", e)
f = open(text_path, "w")
f.write("not closed by with")
f.close()
try:
    f.write("more")
except ValueError as e:
    print("ValueError:", e)
for path in (text_path, bin_path):
    os.remove(path)
print("cleaned up:", [os.path.exists(p) for p in (text_path, bin_path)])
