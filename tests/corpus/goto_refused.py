# versions: 3.8+
# Jumps `pyc goto` must refuse, each naming its line: they would break the value stack or the exception
# handling around them.


def into_loop(items):
    goto .inside
    for x in items:
        label .inside
        print(x)


def out_of_with(path):
    with open(path) as f:
        goto .after
    label .after
    return f


def into_handler():
    goto .handler
    try:
        pass
    except ValueError:
        label .handler
        print("caught")


def out_of_finally():
    try:
        print("body")
    finally:
        goto .end
    label .end
