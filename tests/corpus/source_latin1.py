# versions: 2.7, 3.6+
# -*- coding: latin-1 -*-
# This file is encoded in Latin-1, not UTF-8: the literals below contain raw bytes 0xE9 and 0xFC.
from __future__ import print_function

text = u"café über"
print(len(text))
print(repr(text.encode("utf-8")))
print([hex(ord(c)) for c in text])
print(text == u"caf\u00e9 \u00fcber")
