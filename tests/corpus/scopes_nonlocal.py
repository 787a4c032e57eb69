# versions: 3.11+
# nonlocal and enclosing scopes: a bank account kept in closure variables, nonlocal through three
# levels of nesting, loop variables captured late, and nonlocal state advanced by a helper function.


def make_bank():
    balance = 0
    history = []

    def deposit(amount):
        nonlocal balance
        balance += amount
        history.append(("deposit", amount))
        return balance

    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            history.append(("refused", amount))
            return None
        balance -= amount
        history.append(("withdraw", amount))
        return balance

    def report():
        return balance, list(history)

    return deposit, withdraw, report


deposit, withdraw, report = make_bank()
print(deposit(100), withdraw(30), withdraw(500), deposit(5), report())


def level1():
    x = "level1"

    def level2():
        def level3():
            nonlocal x
            x = x + "+level3"
            return x
        return level3()

    level2()
    return x


print(level1())


def outer():
    results = []
    for i in range(3):
        def capture():
            return i
        results.append(capture)
    i = 10
    return [f() for f in results]


print(outer())


def gen_counter():
    count = 0
    while True:
        count += 1
        yield count


def consume():
    total = 0
    g = gen_counter()

    def step():
        nonlocal total
        total += next(g)

    for _ in range(4):
        step()
    return total


print(consume())
