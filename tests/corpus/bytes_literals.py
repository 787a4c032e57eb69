# versions: 2.7, 3.6+
from __future__ import print_function

B1 = b'\x00\x01\x02\xff'
B2 = b'hello\nworld\t\\ \'q\' "dq"'
B3 = b'\x80abc\x7f'
B4 = br'\x00 raw'
B5 = b''
B6 = b'A' * 40


def as_ints(b):
    return list(bytearray(b))


def constants():
    return (b'\xde\xad\xbe\xef', b'\r\n', b'\x00' * 3, b'mixed\x01\xfe')


print(as_ints(B1))
print(as_ints(B2))
print(as_ints(B3))
print(as_ints(B4))
print(len(B5), len(B6))
for c in constants():
    print(as_ints(c))
ba = bytearray(b'abc')
ba.append(0x64)
ba.extend(b'\xff')
print(as_ints(ba))
print(as_ints(b'abc' + b'\x00' + B1[1:3]))
print(B2.split(b'\n')[0] == b'hello', B1.startswith(b'\x00'))
print(as_ints(b'%s-%d' % (b'x', 5)))
print(b'\xe2\x98\x83'.decode('utf-8') == u'\u2603')
