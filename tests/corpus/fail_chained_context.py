# versions: 3.11+
# Fails on purpose: a three-level exception chain mixing an explicit cause ("direct cause") and an
# implicit context ("during handling"), printed by the uncaught-exception handler.


class StorageError(Exception):
    pass


class ServiceError(Exception):
    pass


def read_block(blocks, index):
    try:
        return blocks[index]
    except IndexError as e:
        raise StorageError(f"block {index} unreadable") from e


def fetch(blocks):
    try:
        return read_block(blocks, 7)
    except StorageError:
        fallback = {}
        return fallback["cache"]


def handle(blocks):
    try:
        return fetch(blocks)
    except KeyError as e:
        raise ServiceError("request failed") from e


print("block 0:", read_block(["a", "b"], 0))
print("handling request")
handle(["a", "b"])
print("never printed")
