# versions: 3.11+
# Exception groups: except* splitting by type (including nested groups), raising inside except*,
# split() and subgroup(), derive() on a subclass, BaseExceptionGroup, and collecting task errors.


class TaskError(Exception):
    def __init__(self, task, reason):
        super().__init__(f"{task}: {reason}")
        self.task = task


def run_tasks(tasks):
    errors, results = [], []
    for name, fn in tasks:
        try:
            results.append((name, fn()))
        except Exception as e:
            e.add_note(f"in task {name}")
            errors.append(e)
    if errors:
        raise ExceptionGroup(f"{len(errors)} task(s) failed", errors)
    return results


tasks = [
    ("parse", lambda: int("12")),
    ("divide", lambda: 1 / 0),
    ("lookup", lambda: {}["key"]),
    ("convert", lambda: int("x")),
    ("custom", lambda: (_ for _ in ()).throw(TaskError("custom", "broken"))),
    ("ok", lambda: "fine"),
]
try:
    run_tasks(tasks)
except* ZeroDivisionError as eg:
    print("math errors:", [str(e) for e in eg.exceptions])
except* (KeyError, ValueError) as eg:
    print("data errors:", [(type(e).__name__, e.__notes__) for e in eg.exceptions])
except* TaskError as eg:
    print("task errors:", [e.task for e in eg.exceptions], eg.message)
print(run_tasks(tasks[:1] + tasks[-1:]))
nested = ExceptionGroup("outer", [
    ValueError("v1"),
    ExceptionGroup("inner", [TypeError("t1"), ValueError("v2")]),
    KeyError("k1"),
])
matched, rest = nested.split(ValueError)
print("split match:", repr(matched))
print("split rest:", repr(rest))
print("subgroup:", repr(nested.subgroup(lambda e: isinstance(e, (TypeError, KeyError)))))
print("none matched:", nested.subgroup(OSError), nested.split(OSError)[0])
print(str(nested), len(nested.exceptions), nested.message, type(nested.exceptions).__name__)
try:
    try:
        raise nested
    except* TypeError:
        print("handled TypeError only")
        raise RuntimeError("raised from handler")
except ExceptionGroup as eg:
    print("outer sees:", repr(eg))
    print("  with context:", [type(e).__name__ for e in eg.exceptions])
except RuntimeError as e:
    print("plain RuntimeError:", e)


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        g = MyGroup(self.message + " (derived)", excs)
        g.tag = getattr(self, "tag", None)
        return g


g = MyGroup("mine", [ValueError(1), TypeError(2)])
g.tag = "T"
m, r = g.split(TypeError)
print(type(m).__name__, m.message, m.tag, type(r).__name__, r.message)
try:
    raise BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError("v")])
except* KeyboardInterrupt as eg:
    print("caught", type(eg).__name__, eg.exceptions)
except* ValueError as eg:
    print("and", type(eg).__name__, eg.exceptions)
print(type(BaseExceptionGroup("x", [ValueError()])).__name__, type(BaseExceptionGroup("x", [SystemExit()])).__name__)
for bad in [lambda: ExceptionGroup("empty", []), lambda: ExceptionGroup("not list", ValueError()),
            lambda: ExceptionGroup("base inside", [KeyboardInterrupt()])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    raise ExceptionGroup("wrapped", [OSError("disk")])
except* OSError as eg:
    try:
        raise
    except ExceptionGroup as inner:
        print("bare raise inside except* re-raises:", repr(inner))
