# versions: 3.11+
# bytearray: in-place mutation, slice assignment, append/extend/insert/pop/remove, a small byte buffer.

ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[1:3])
ba[0] = 72
print(ba)
ba.append(33)
ba.extend(b" more")
ba.extend([32, 65, 66])
print(ba)
ba.insert(0, 62)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("m"))
print(ba)
ba[1:3] = b"EEEE"
print(ba)
ba[::2] = bytes(len(ba[::2]))
print(ba)
del ba[:4]
print(ba, ba.count(0))
ba.reverse()
print(ba)
ba += b"++"
ba *= 2
print(ba, len(ba))
ba.clear()
print(ba, len(ba), bool(ba))
try:
    ba.pop()
except IndexError as e:
    print("IndexError:", e)
try:
    bytearray(b"x")[0] = 300
except ValueError as e:
    print("ValueError:", e)
try:
    bytearray(b"abc").remove(100)
except ValueError as e:
    print("ValueError:", e)
c = bytearray(b"Mixed Case")
print(c.upper(), c.lower(), c.replace(b" ", b"_"), c.split(), c.find(b"C"), bytes(c), c.hex())
print(bytearray(3), bytearray([1, 2, 3]), bytearray("ü", "utf-8"), bytearray.fromhex("4142"))
print(c == b"Mixed Case", c < bytearray(b"Z"), c + b"!", type(c + b"!").__name__, type(b"!" + c).__name__)


class ByteBuffer:
    def __init__(self):
        self.data = bytearray()
        self.pos = 0

    def write_u8(self, v):
        self.data.append(v & 0xFF)

    def write_u16(self, v):
        self.data += v.to_bytes(2, "little")

    def write_str(self, s):
        raw = s.encode("utf-8")
        self.write_u16(len(raw))
        self.data.extend(raw)

    def read_u8(self):
        v = self.data[self.pos]
        self.pos += 1
        return v

    def read_u16(self):
        v = int.from_bytes(self.data[self.pos:self.pos + 2], "little")
        self.pos += 2
        return v

    def read_str(self):
        n = self.read_u16()
        s = self.data[self.pos:self.pos + n].decode("utf-8")
        self.pos += n
        return s


buf = ByteBuffer()
buf.write_u8(7)
buf.write_u16(0xBEEF)
buf.write_str("naïve")
buf.write_str("")
buf.write_u8(300)
print(bytes(buf.data), len(buf.data))
print(buf.read_u8(), hex(buf.read_u16()), repr(buf.read_str()), repr(buf.read_str()), buf.read_u8())
print("remaining", len(buf.data) - buf.pos)
