# versions: 3.7+
from __future__ import annotations

import dataclasses
from typing import List, Optional


@dataclasses.dataclass
class Item:
    name: str
    price: float = 0.0
    tags: List[str] = dataclasses.field(default_factory=list)

    def total(self, qty: int) -> float:
        return self.price * qty


@dataclasses.dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int = 0


def lookup(items: List[Item], name: str) -> Optional[Item]:
    for it in items:
        if it.name == name:
            return it
    return None


counter: int = 0
undefined_annotation: SomethingThatDoesNotExist
items = [Item("pen", 1.5), Item("book", 12.0, ["paper"])]
print(items[1])
print(lookup(items, "pen").total(4), lookup(items, "none"))
print(sorted([Version(1, 2), Version(1), Version(0, 9)]))
print(Item.__annotations__)
print(lookup.__annotations__)
print(Item.total.__annotations__)
print(sorted(__annotations__.items()))
print([f.name for f in dataclasses.fields(Item)])
