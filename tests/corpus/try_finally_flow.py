# versions: 3.11+
# Control flow through try/except/else/finally: which clauses run, return/break/continue passing
# through finally, a return in finally overriding the exception, and the order of nested cleanup.


def trace(kind):
    log = []
    try:
        log.append("try")
        if kind == "raise":
            raise ValueError("v")
        if kind == "return":
            return log + ["returned from try"]
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log


for kind in ["ok", "raise", "return"]:
    print(kind, trace(kind))


def finally_overrides():
    try:
        return "from try"
    finally:
        print("  finally runs before the return completes")


def finally_swallows():
    for _ in range(1):
        try:
            raise KeyError("lost")
        finally:
            break
    return "exception discarded by break in finally"


def return_in_finally():
    try:
        raise ValueError("discarded")
    finally:
        return "return in finally wins"


def return_value_evaluated_first():
    x = 1
    try:
        return x
    finally:
        x = 2


print(finally_overrides(), "|", finally_swallows(), "|", return_value_evaluated_first())
print(return_in_finally())


def loop_control():
    out = []
    for i in range(6):
        try:
            if i % 2:
                continue
            if i == 4:
                break
            out.append(f"body{i}")
        finally:
            out.append(f"fin{i}")
    return out


print(loop_control())
