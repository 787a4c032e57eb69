# versions: 3.6+
# Fails on purpose: an uncaught exception with an explicit cause and an implicit context.


class StorageError(Exception):
    pass


def read_record(records, key):
    try:
        return records[key]
    except KeyError as e:
        raise StorageError("record %s missing" % key) from e


def load(records):
    try:
        return read_record(records, "absent")
    except StorageError:
        1 / 0


print("start")
load({"present": 1})
