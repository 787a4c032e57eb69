# versions: 3.11+
# Fails on purpose: UnboundLocalError because an assignment later in the function makes a name local
# (the working versions use a parameter and a global declaration).

total = 100


def add_fee_global(amount):
    global total
    total = total + amount
    return total


def add_fee_param(amount, base=0):
    base = base + amount
    return base * 1.1


def add_fee(amount):
    if amount > 50:
        total = total + amount
    return amount * 1.1


print(add_fee_global(5), add_fee_param(10), round(add_fee_param(10, 5), 2))
print(add_fee(10))
print(add_fee(80))
print("never printed")
