# versions: 3.11+
# A singly linked list class: append/prepend/remove/pop, __len__/__iter__/__getitem__/__contains__/
# __eq__/__repr__, in-place reversal by pointer swapping, and Floyd's cycle detection.


class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value, self.next = value, next


class LinkedList:
    def __init__(self, iterable=()):
        self.head = None
        self.size = 0
        for v in iterable:
            self.append(v)

    def append(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self.size += 1

    def prepend(self, value):
        self.head = Node(value, self.head)
        self.size += 1

    def remove(self, value):
        prev, cur = None, self.head
        while cur:
            if cur.value == value:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self.size -= 1
                return
            prev, cur = cur, cur.next
        raise ValueError(f"{value!r} not in list")

    def pop(self):
        if not self.head:
            raise IndexError("pop from empty LinkedList")
        value = self.head.value
        self.head = self.head.next
        self.size -= 1
        return value

    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev

    def __len__(self):
        return self.size

    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next

    def __getitem__(self, index):
        if index < 0:
            index += self.size
        if not 0 <= index < self.size:
            raise IndexError("LinkedList index out of range")
        for i, v in enumerate(self):
            if i == index:
                return v

    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)

    def __repr__(self):
        return "LinkedList(" + " -> ".join(map(repr, self)) + ")"


ll = LinkedList([3, 1, 4])
ll.append(1)
ll.prepend(9)
ll.append("end")
print(ll, len(ll), ll[0], ll[-1], ll[2], 4 in ll, 7 in ll)
ll.remove(1)
print(ll, list(ll)[::-1], ll.pop(), ll)
ll.reverse()
print("reversed in place:", ll, sum(v for v in ll if isinstance(v, int)))
print(LinkedList([*ll, *"ab"]), ll == LinkedList(list(ll)), ll == [1], LinkedList() == LinkedList([]))
for op in (lambda: ll.remove(42), lambda: ll[10], lambda: LinkedList().pop()):
    try:
        op()
    except (ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)


def has_cycle(head):
    slow = fast = head
    while fast and fast.next:
        slow, fast = slow.next, fast.next.next
        if slow is fast:
            return True
    return False


looped = LinkedList(range(6))
print("cycle before:", has_cycle(looped.head))
tail = looped.head
while tail.next:
    tail = tail.next
tail.next = looped.head.next.next
print("cycle after linking tail:", has_cycle(looped.head))
print(sorted(LinkedList([5, 2, 8, 1])), max(LinkedList("hello")), LinkedList(range(3)))
