# versions: 3.11+
# A small inventory system: classes with properties and class methods, dicts of records, custom
# exceptions, sorting and grouping, and a formatted report.


class InventoryError(Exception):
    pass


class OutOfStock(InventoryError):
    def __init__(self, sku, wanted, available):
        super().__init__(f"{sku}: wanted {wanted}, only {available} left")
        self.sku, self.wanted, self.available = sku, wanted, available


class Item:
    def __init__(self, sku, name, category, price, qty=0):
        self.sku, self.name, self.category = sku, name, category
        self.price = price
        self.qty = qty

    @property
    def price(self):
        return self._price

    @price.setter
    def price(self, value):
        if value < 0:
            raise InventoryError(f"negative price for {self.sku}")
        self._price = round(value, 2)

    @property
    def value(self):
        return round(self.price * self.qty, 2)

    def __repr__(self):
        return f"Item({self.sku!r}, qty={self.qty})"


class Inventory:
    def __init__(self):
        self.items = {}
        self.log = []

    def add(self, item):
        if item.sku in self.items:
            raise InventoryError(f"duplicate sku {item.sku}")
        self.items[item.sku] = item
        self.log.append(("add", item.sku, item.qty))

    def restock(self, sku, qty):
        self.items[sku].qty += qty
        self.log.append(("restock", sku, qty))

    def sell(self, sku, qty):
        try:
            item = self.items[sku]
        except KeyError:
            raise InventoryError(f"unknown sku {sku}") from None
        if qty > item.qty:
            raise OutOfStock(sku, qty, item.qty)
        item.qty -= qty
        self.log.append(("sell", sku, qty))
        return round(item.price * qty, 2)

    def by_category(self):
        groups = {}
        for item in self.items.values():
            groups.setdefault(item.category, []).append(item)
        return {cat: sorted(items, key=lambda i: i.name) for cat, items in sorted(groups.items())}

    def low_stock(self, threshold=5):
        return sorted((i.sku for i in self.items.values() if i.qty < threshold))

    def report(self):
        lines = [f"{'SKU':<6}{'NAME':<14}{'QTY':>5}{'PRICE':>9}{'VALUE':>10}"]
        for cat, items in self.by_category().items():
            lines.append(f"-- {cat} --")
            for i in items:
                lines.append(f"{i.sku:<6}{i.name:<14}{i.qty:>5}{i.price:>9.2f}{i.value:>10.2f}")
        total = sum(i.value for i in self.items.values())
        lines.append(f"{'TOTAL':<34}{total:>10.2f}")
        return "\n".join(lines)


inv = Inventory()
for args in [("A1", "hammer", "tools", 12.5, 10), ("A2", "wrench", "tools", 8.99, 3), ("B1", "paint", "supplies", 21.0, 7),
             ("B2", "brush", "supplies", 3.333, 25), ("C1", "ladder", "equipment", 79.95, 1)]:
    inv.add(Item(*args))
print(inv.report())
orders = [("A1", 4), ("A2", 5), ("Z9", 1), ("B2", 25), ("C1", 1), ("A1", 6), ("A1", 1)]
revenue = 0
for sku, qty in orders:
    try:
        amount = inv.sell(sku, qty)
        revenue += amount
        print(f"sold {qty} x {sku} for {amount:.2f}")
    except OutOfStock as e:
        print("out of stock:", e, "| shortfall", e.wanted - e.available)
    except InventoryError as e:
        print("error:", e)
print(f"revenue {revenue:.2f}", "low stock:", inv.low_stock())
inv.restock("A1", 20)
try:
    inv.add(Item("A1", "dup", "tools", 1))
except InventoryError as e:
    print("error:", e)
try:
    inv.items["B1"].price = -5
except InventoryError as e:
    print("error:", e)
inv.items["B1"].price = 19.999
print(inv.report())
print([entry for entry in inv.log if entry[0] != "add"])
print(sorted(inv.items.values(), key=lambda i: (-i.value, i.sku)))
