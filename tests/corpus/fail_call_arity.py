# versions: 3.11+
# Fails on purpose: a TypeError for a wrong number of arguments in a method call made through a
# dispatch table a few frames deep.


class Service:
    def handle(self, request):
        return f"handled {request}"

    def handle_pair(self, a, b):
        return f"pair {a},{b}"


def dispatch(service, name, *args):
    method = getattr(service, name)
    return method(*args)


def run(calls):
    svc = Service()
    for name, args in calls:
        print(name, "->", dispatch(svc, name, *args))


run([("handle", ("x",)), ("handle_pair", (1, 2)), ("handle", ("y", "extra"))])
print("never printed")
