# versions: 3.11+
# Fails on purpose: an exception class defined in the corpus helper module escapes, so the traceback
# names it with its module (corpus_mod_helper.HelperError) and shows frames from both files. It leaves
# the helper's module-level state alone (programs share imported modules when run in-process).
import corpus_mod_helper as helper

print(helper.greet("fail_helper_exception"))
records = [{"id": 1, "name": "ok"}, {"id": 2, "name": "fine"}, {"id": "3", "name": "bad id"}, {"name": "no id"}]
accepted = []
for record in records[:2]:
    print("validating", record)
    helper.validate(record)
    accepted.append(record["id"])
    print("  valid; area of a square with that side:", helper.area("square", record["id"]))
try:
    helper.validate(records[2])
except helper.HelperError as e:
    print("caught and reported:", e, "| field:", e.field)
print("accepted so far:", accepted, "helper version:", helper.VERSION, "counter unchanged:", helper.counter)
for record in records[3:]:
    print("validating", record)
    helper.validate(record)
print("never printed")
