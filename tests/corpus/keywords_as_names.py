# versions: 2.7, 3.6
# "async" and "await" became reserved keywords in 3.7; before that they were plain names.
from __future__ import print_function


def async(x):
    return "async called with %d" % x


await = 5
print(async(await))


class Task(object):
    async = True

    def await(self):
        return "awaited"


print(Task.async, Task().await())
