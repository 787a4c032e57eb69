# versions: 2.7, 3.6+
from __future__ import print_function, division, absolute_import

import os.path
import collections as col
from itertools import chain, islice, count
from math import sqrt as square_root, pi
from json import dumps, loads
import string, re

Point = col.namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p._replace(x=10), square_root(p.x ** 2 + p.y ** 2))
print(list(islice(count(5, 5), 4)), list(chain("ab", "cd")))
print(os.path.join("a", "b", "c.txt"), os.path.splitext("file.tar.gz"))
print(dumps({"k": [1, 2.5, None, True]}, sort_keys=True), loads('{"a": [1]}')["a"])
print(string.ascii_lowercase[:5], re.sub(r"(\d+)", r"<\1>", "a1b22c333"))
print(round(pi, 4), 7 / 2, 7 // 2)
dq = col.deque([1, 2, 3], maxlen=3)
dq.append(4)
print(list(dq))
counter = col.Counter("abracadabra")
print(sorted(counter.items()))
od = col.OrderedDict([("z", 1), ("a", 2)])
print(list(od.keys()))
dd = col.defaultdict(list)
dd["x"].append(1)
print(dict(dd))
