# versions: 3.11+
# bytes: construction, indexing to ints, slicing, methods, hex/fromhex, repr escapes, comparisons.

b = b"Hello, World"
print(b, len(b), b[0], b[-1], b[:5], b[7:], b[::-1], b[::3])
print(list(b[:4]), tuple(b"\x00\x7f\x80\xff"), b[0] == 72, b[0:1] == b"H")
print(bytes(5), bytes([65, 66, 67]), bytes(range(48, 58)), bytes("é", "utf-8"), bytes(b"copy"))
print(bytes.fromhex("de ad be ef"), b"\xde\xad\xbe\xef".hex(), b"abc".hex("-"), b"abcdef".hex(":", 2))
print(repr(b"\t\n\r\x00 '\"\\"), repr(b"it's"), repr(b'say "hi"'), repr(b"both ' and \""))
print(b.lower(), b.upper(), b.swapcase(), b.title(), b"  pad ".strip(), b"xxaxx".strip(b"x"))
print(b.split(b", "), b"a b  c".split(), b"1,2,3".split(b",", 1), b"line1\nline2\r\n".splitlines())
print(b"-".join([b"a", b"b", b"c"]), b.replace(b"l", b"L"), b.replace(b"l", b"", 2))
print(b.find(b"o"), b.rfind(b"o"), b.find(b"zz"), b.index(b"W"), b.count(b"l"), b.count(b"l", 4))
print(b.startswith(b"Hell"), b.endswith((b"x", b"ld")), b"o" in b, 111 in b, b"xyz" in b)
print(b.partition(b", "), b.center(16, b"*"), b.ljust(14, b"."), b"42".zfill(5))
print(b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b" ".isspace(), b"ABC".isupper())
print(b.decode(), b.decode("ascii"), b"caf\xc3\xa9".decode("utf-8"), str(b"x", "ascii"))
print(b + b"!", b * 2, b"ab" < b"b", b"abc" == bytearray(b"abc"), b"a" != "a")
print(b"%s=%d" % (b"k", 5), b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"AbC".translate(None, b"C"))
print(sorted(b"banana"), max(b"zebra"), sum(b"\x01\x02\x03"), bytes(sorted(set(b"mississippi"))))
try:
    b[0] = 74
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b"abc" + "def"
except TypeError as e:
    print("TypeError:", e)
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], b"".join([]) == b"")


def checksum(data):
    total = 0
    for i, byte in enumerate(data):
        total = (total * 31 + byte * (i + 1)) % 65521
    return total


def xor_cipher(data, key):
    return bytes(c ^ key[i % len(key)] for i, c in enumerate(data))


secret = xor_cipher(b"attack at dawn", b"key")
print("cipher", secret, secret.hex())
print("plain", xor_cipher(secret, b"key"), "checksum", checksum(b"attack at dawn"))


def hexdump(data, width=8):
    for off in range(0, len(data), width):
        chunk = data[off:off + width]
        hexes = " ".join("%02x" % c for c in chunk)
        text = "".join(chr(c) if 32 <= c < 127 else "." for c in chunk)
        print("%04x  %-*s  %s" % (off, width * 3 - 1, hexes, text))


hexdump(b"PycSharp\x00\x01\x02bytes\xff\xfe end")
print(int.from_bytes(b"\x01\x00", "little"), (513).to_bytes(2, "big"), b"\x00\x10"[1])
