# versions: 3.11+
# Fails on purpose: an uncaught ExceptionGroup holding a nested group and exceptions with notes; the
# traceback prints the whole tree.


def check(name, value):
    if not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must be non-negative, got {value}")
    return value


def validate(record):
    errors = []
    for name, value in record.items():
        try:
            check(name, value)
        except (TypeError, ValueError) as e:
            e.add_note(f"while validating field {name!r}")
            errors.append(e)
    if errors:
        raise ExceptionGroup(f"record {record.get('id')} is invalid", errors)
    return record


def validate_all(records):
    problems = []
    for record in records:
        try:
            print("valid:", validate(record))
        except ExceptionGroup as eg:
            print("invalid:", eg.message, len(eg.exceptions))
            problems.append(eg)
    if problems:
        raise ExceptionGroup("batch failed", problems + [KeyError("summary")])


validate_all([{"id": 1, "qty": 3}, {"id": 2, "qty": -1, "price": "9"}, {"id": 3, "qty": 1.5}])
print("never printed")
