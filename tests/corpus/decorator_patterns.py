# versions: 3.11+
# Function decorators: with arguments, stacked (application order shown), preserving metadata by
# hand, a retrying decorator, and a decorator class counting calls.

call_log = []


def copy_meta(wrapper, wrapped):
    wrapper.__name__ = wrapped.__name__
    wrapper.__qualname__ = wrapped.__qualname__
    wrapper.__doc__ = wrapped.__doc__
    wrapper.__wrapped__ = wrapped
    return wrapper


def logged(prefix):
    print(f"  logged({prefix!r}) factory called")

    def decorator(func):
        print(f"  decorating {func.__name__} with {prefix!r}")

        def wrapper(*args, **kwargs):
            call_log.append(f"{prefix}:{func.__name__}{args}")
            return func(*args, **kwargs)
        return copy_meta(wrapper, func)
    return decorator


def retry(times, exceptions=(ValueError,)):
    def decorator(func):
        def wrapper(*args):
            for attempt in range(1, times + 1):
                try:
                    return func(*args, attempt=attempt)
                except exceptions as e:
                    print(f"  attempt {attempt} failed: {e}")
            return "gave up"
        return copy_meta(wrapper, func)
    return decorator


def uppercase(func):
    print(f"  uppercase({func.__name__})")
    return copy_meta(lambda *a: func(*a).upper(), func)


def exclaim(func):
    print(f"  exclaim({func.__name__})")
    return copy_meta(lambda *a: func(*a) + "!", func)


print("defining greet")


@exclaim
@uppercase
@logged("outer")
def greet(name):
    """Say hello."""
    return "hello " + name


print(greet("ann"), greet.__name__, greet.__doc__, greet.__wrapped__.__name__, call_log)


@retry(3)
def flaky(limit, attempt=0):
    if attempt < limit:
        raise ValueError(f"not yet ({attempt}/{limit})")
    return f"succeeded on attempt {attempt}"


print(flaky(2))
print(flaky(5))


class CountCalls:
    def __init__(self, func):
        self.func = func
        self.calls = 0
        copy_meta(self, func)

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.func(*args, **kwargs)


@CountCalls
def add(a, b):
    return a + b


print(add(1, 2), add(3, 4), add.calls, add.__name__, type(add).__name__)
