# versions: 3.11+
# global statements and module scope: module counters, shadowing, UnboundLocalError, names created
# by `global` inside functions, names resolved at call time, class-body scope, and shadowed builtins.


counter = 0
settings = {"mode": "fast"}


def increment(by=1):
    global counter
    counter += by
    return counter


def mutate_without_global():
    settings["mode"] = "slow"
    return settings


def shadow():
    counter = "local"
    return counter


print(increment(), increment(5), shadow(), counter, mutate_without_global())


def broken():
    try:
        print(counter)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    counter = 1
    return counter


print(broken())


def define_global():
    global created_later
    created_later = "made inside a function"


define_global()
print(created_later)


def uses_later():
    return later_defined * 2


later_defined = 21
print(uses_later())
later_defined = "ab"
print(uses_later())


class Config:
    value = "class attr"
    doubled = value * 2

    def method(self):
        return value


value = "module value"
print(Config.doubled, Config().method())


def len(obj):
    return "shadowed len"


print(len([1, 2]))
del len
print(len([1, 2]))


def scope_report():
    local_var = 1
    return sorted(locals()), "counter" in globals(), "local_var" in globals()


print(scope_report())
