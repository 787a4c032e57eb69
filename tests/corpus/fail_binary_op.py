# versions: 3.11+
# Fails on purpose: a TypeError from a binary operator in the middle of an expression, so the 3.11+
# traceback underlines the failing operation with carets.


class LineItem:
    def __init__(self, price, qty, shipping):
        self.price, self.qty, self.shipping = price, qty, shipping

    def total(self):
        return self.price * self.qty + self.shipping - self.price * 0


def invoice(items):
    grand = 0
    for n, item in enumerate(items, 1):
        line = item.total()
        grand += line
        print(f"line {n}: {item.qty} x {item.price} + {item.shipping} = {line}")
    return grand


print("invoice total:", invoice([LineItem(2.5, 4, 1.0), LineItem(10, 1, 0)]))
print("invoice total:", invoice([LineItem(1, 1, 1), LineItem(3, 2, "5.00")]))
print("never printed")
