# versions: 3.11+
# Fails on purpose: ZeroDivisionError raised in a property getter evaluated inside an f-string.


class Stats:
    def __init__(self, values):
        self.values = values

    @property
    def mean(self):
        return sum(self.values) / len(self.values)

    @property
    def spread(self):
        return max(self.values) - min(self.values) if self.values else 0

    def summary(self):
        return f"n={len(self.values)} spread={self.spread} mean={self.mean:.2f}"


for sample in ([1, 2, 3, 4], [10], [2.5, -2.5], []):
    print(Stats(sample).summary())
print("never printed")
