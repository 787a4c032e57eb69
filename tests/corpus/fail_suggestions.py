# versions: 3.11-3.13
# "Did you mean" in uncaught-exception reports: NameError (locals, globals, builtins, self.attr from 3.12),
# AttributeError (3.13 hides _private names unless asked for), printed through sys.excepthook, then one uncaught.
import sys


class Account:
    def __init__(self):
        self.balance = 10
        self._secret = 1

    def show(self):
        return balance


limit = 100


def attempt(kind):
    try:
        if kind == 0:
            total = 5
            print(totl)
        elif kind == 1:
            Account().balanse
        elif kind == 2:
            Account().show()
        elif kind == 3:
            Account()._secre
        elif kind == 4:
            lenn([])
        elif kind == 5:
            print(limt)
        elif kind == 6:
            Account().completely_unrelated_name
    except Exception as e:
        sys.excepthook(type(e), e, e.__traceback__)


for k in range(7):
    attempt(k)
print(Accuont)
