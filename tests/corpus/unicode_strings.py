# versions: 2.7, 3.6+
# -*- coding: ascii -*-
from __future__ import print_function, unicode_literals

SMILE = '\U0001F600'
E_ACUTE = '\u00e9'
NUL = '\x00'
LONE = '\ud800'
LOW = '\udfff'
MIXED = 'na\u00efve caf\u00e9 \u2603 \U0001F600 \t\n\r\\ \'q\' "dq"'
CJK = '\u4e2d\u6587'
RAW = r'\u00e9 stays escaped \n'
LONG = 'x' * 300
EMPTY = ''


def constants():
    return ('\U0001F600', '\u00e9', '\x00', '\ud800', '\udbff\udc00', '\u0100\u0101',
            '\x7f\x80\xff', 'plain ascii')


def show(s):
    return '%d %s' % (len(s), ' '.join('%04x' % ord(ch) for ch in s))


print(show(SMILE))
print(show(E_ACUTE))
print(show(NUL))
print(show(LONE))
print(show(LOW))
print(show(MIXED))
print(show(CJK))
print(show(RAW))  # Python 2: \u is still processed in raw unicode literals
print(len(LONG), len(EMPTY))
for c in constants():
    print(show(c))
print(E_ACUTE.upper() == '\u00c9', CJK[1] == '\u6587')
print(MIXED.split(' ')[0].encode('utf-8'))
print(SMILE.encode('utf-8'))
print(LONE.encode('utf-8', 'surrogatepass') if str is not bytes else 'py2 skips surrogatepass')
print(b'caf\xc3\xa9'.decode('utf-8') == 'caf\u00e9')
