# versions: 3.11+
# Bank accounts with exceptions: deposits/withdrawals/transfers, overdraft limits on a subclass,
# custom exception hierarchy with attributes, a transaction ledger, interest, and statements.


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount:.2f} (balance {account.balance:.2f})")
        self.shortfall = amount - account.available()


class AccountFrozen(BankError):
    pass


class Account:
    _next_number = 1000

    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.number = Account._next_number
        Account._next_number += 1
        self.balance = balance
        self.frozen = False
        self.ledger = [("open", balance)]

    def available(self):
        return self.balance

    def _check(self, amount):
        if self.frozen:
            raise AccountFrozen(f"account {self.number} is frozen")
        if amount <= 0:
            raise ValueError(f"amount must be positive, got {amount}")

    def deposit(self, amount):
        self._check(amount)
        self.balance += amount
        self.ledger.append(("deposit", amount))
        return self.balance

    def withdraw(self, amount):
        self._check(amount)
        if amount > self.available():
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.ledger.append(("withdraw", -amount))
        return self.balance

    def statement(self):
        lines = [f"Statement for {self.owner} #{self.number} ({type(self).__name__})"]
        running = 0.0
        for kind, amount in self.ledger:
            running += amount
            lines.append(f"  {kind:<10}{amount:>+10.2f}{running:>12.2f}")
        return "\n".join(lines)


class CheckingAccount(Account):
    def __init__(self, owner, balance=0.0, overdraft=100.0):
        super().__init__(owner, balance)
        self.overdraft = overdraft

    def available(self):
        return self.balance + self.overdraft


class SavingsAccount(Account):
    def __init__(self, owner, balance=0.0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate

    def add_interest(self, months=1):
        interest = round(self.balance * self.rate / 12 * months, 2)
        self.balance += interest
        self.ledger.append(("interest", interest))
        return interest


def transfer(src, dst, amount):
    src.withdraw(amount)
    try:
        dst.deposit(amount)
    except BankError:
        src.deposit(amount)
        src.ledger[-1] = ("refund", amount)
        raise


alice = CheckingAccount("alice", 50.0)
bob = SavingsAccount("bob", 1000.0, rate=0.05)
carol = Account("carol")
actions = [
    ("deposit", lambda: alice.deposit(25.0)), ("withdraw", lambda: alice.withdraw(150.0)),
    ("withdraw", lambda: alice.withdraw(30.0)), ("withdraw", lambda: carol.withdraw(1.0)),
    ("deposit", lambda: carol.deposit(-5)), ("transfer", lambda: transfer(bob, carol, 200.0)),
    ("freeze", lambda: setattr(carol, "frozen", True)), ("transfer", lambda: transfer(bob, carol, 50.0)),
    ("interest", lambda: bob.add_interest(6)), ("transfer", lambda: transfer(alice, bob, 10.0)),
]
for action, run in actions:
    try:
        print(f"{action:<9} ok -> {run()}")
    except InsufficientFunds as e:
        print(f"{action:<9} InsufficientFunds: {e} (short by {e.shortfall:.2f})")
    except BankError as e:
        print(f"{action:<9} {type(e).__name__}: {e}")
    except ValueError as e:
        print(f"{action:<9} ValueError: {e}")
for acct in (alice, bob, carol):
    print(acct.statement())
total = sum(a.balance for a in (alice, bob, carol))
print(f"total holdings {total:.2f}", sorted((a.balance, a.owner) for a in (alice, bob, carol)))
