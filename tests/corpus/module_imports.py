# versions: 3.11+
# Importing the corpus helper module (corpus_mod_helper.py) every way: import, import as, from-import
# with renames, star import; module attributes and shared module-level state; ImportError and
# ModuleNotFoundError caught.
import sys
import corpus_mod_helper
import corpus_mod_helper as helper
from corpus_mod_helper import greet, Counter as HelperCounter, counter as counter_copy
from corpus_mod_helper import *

print(helper is corpus_mod_helper, helper.__name__, type(helper).__name__, "corpus_mod_helper" in sys.modules)
print(sys.modules["corpus_mod_helper"] is helper, helper.__doc__, helper.VERSION, VERSION is helper.VERSION)
print(greet("importer"), greet("x", punctuation="?"), helper.greet is greet)
print("state before:", helper.counter, counter_copy)
print("bump:", bump(), bump(10), helper.bump(), "module sees", helper.counter, "copy stays", counter_copy)
print("register:", register("a"), helper.register("b"), helper.registry, corpus_mod_helper.registry is helper.registry)
c = HelperCounter(3).incr().incr(2)
print(c, HelperCounter is helper.Counter, Counter is HelperCounter, helper.Counter.instances, type(c).__module__)
print(type(c).__qualname__, repr(type(c)), HelperError.__module__, HelperError.__qualname__)
print("area:", area("square", 4), area("rect", 2, 5))
print("private not star-imported:", "_private_note" in globals(), helper._private_note)
print("validate not in __all__:", "validate" in globals(), helper.validate({"id": 1, "name": "n"}))
for record in [{"name": "x"}, {"id": "7", "name": "y"}]:
    try:
        helper.validate(record)
    except HelperError as e:
        print(f"{type(e).__module__}.{type(e).__name__}: {e} (field={e.field})")
try:
    area("circle", 1)
except helper.HelperError as e:
    print("caught via module attribute:", e, isinstance(e, Exception))
public = sorted(name for name in dir(helper) if not name.startswith("_"))
print("public names:", public)
print("has attrs:", hasattr(helper, "greet"), hasattr(helper, "missing"), getattr(helper, "missing", "default"))
helper.new_attribute = "set from importer"
print(corpus_mod_helper.new_attribute, "new_attribute" in vars(helper))
import corpus_mod_helper as again
print("re-import gives the same module:", again is helper, again.counter)
try:
    import corpus_mod_helper_missing
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, "| name:", e.name, "| is ImportError:", isinstance(e, ImportError))
try:
    from corpus_mod_helper import does_not_exist
except ImportError as e:
    print("ImportError for missing name:", type(e).__name__, e.name)
try:
    import corpus_mod_helper.sub
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)


def lazy_import():
    import corpus_mod_helper as inner
    return inner.greet("function scope")


print(lazy_import(), "inner" in globals())
print("this module:", __name__, sys.modules[__name__].__name__, "greet" in vars(sys.modules[__name__]))
