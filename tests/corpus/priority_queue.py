# versions: 3.11+
# A binary heap priority queue written by hand: push/pop/peek, stable ordering for equal priorities,
# decrease-key through lazy deletion, heap sort, and a task scheduler on top of it.


class PriorityQueue:
    def __init__(self):
        self.heap = []
        self.counter = 0
        self.removed = set()

    def __len__(self):
        return len(self.heap) - len(self.removed)

    def __bool__(self):
        return len(self) > 0

    def push(self, priority, item):
        entry = (priority, self.counter, item)
        self.counter += 1
        self.heap.append(entry)
        self._sift_up(len(self.heap) - 1)
        return entry

    def remove(self, entry):
        self.removed.add(entry[1])

    def pop(self):
        while self.heap:
            top = self.heap[0]
            last = self.heap.pop()
            if self.heap:
                self.heap[0] = last
                self._sift_down(0)
            if top[1] in self.removed:
                self.removed.discard(top[1])
                continue
            return top[0], top[2]
        raise IndexError("pop from empty priority queue")

    def _sift_up(self, i):
        while i > 0:
            parent = (i - 1) // 2
            if self.heap[i] < self.heap[parent]:
                self.heap[i], self.heap[parent] = self.heap[parent], self.heap[i]
                i = parent
            else:
                break

    def _sift_down(self, i):
        n = len(self.heap)
        while True:
            smallest = i
            for child in (2 * i + 1, 2 * i + 2):
                if child < n and self.heap[child] < self.heap[smallest]:
                    smallest = child
            if smallest == i:
                return
            self.heap[i], self.heap[smallest] = self.heap[smallest], self.heap[i]
            i = smallest


pq = PriorityQueue()
for prio, task in [(3, "write report"), (1, "fix bug"), (2, "review"), (1, "deploy"), (5, "lunch"), (2, "email")]:
    pq.push(prio, task)
print(len(pq), [e[0] for e in pq.heap])
order = []
while pq:
    order.append(pq.pop())
print(order)
try:
    pq.pop()
except IndexError as e:
    print("IndexError:", e)


def heap_sort(values):
    q = PriorityQueue()
    for v in values:
        q.push(v, v)
    return [q.pop()[1] for _ in range(len(values))]


data = [38, 27, 43, 3, 9, 82, 10, 3, -5, 0]
print(heap_sort(data), heap_sort(data) == sorted(data), heap_sort([]), heap_sort(["pear", "fig", "apple"]))
jobs = PriorityQueue()
entries = {}
for name, prio in [("backup", 5), ("index", 3), ("report", 4), ("cleanup", 9)]:
    entries[name] = jobs.push(prio, name)
jobs.remove(entries["report"])
entries["report"] = jobs.push(1, "report")
jobs.remove(entries["cleanup"])
print("pending", len(jobs))
clock = 0
while jobs:
    prio, name = jobs.pop()
    clock += prio
    print(f"t={clock:>2} ran {name} (priority {prio})")


def dijkstra(graph, start):
    dist = {start: 0}
    q = PriorityQueue()
    q.push(0, start)
    done = set()
    while q:
        d, node = q.pop()
        if node in done:
            continue
        done.add(node)
        for nxt, w in graph.get(node, []):
            if d + w < dist.get(nxt, float("inf")):
                dist[nxt] = d + w
                q.push(d + w, nxt)
    return dict(sorted(dist.items()))


roads = {"A": [("B", 7), ("C", 9), ("F", 14)], "B": [("C", 10), ("D", 15)], "C": [("D", 11), ("F", 2)],
         "D": [("E", 6)], "F": [("E", 9)]}
print(dijkstra(roads, "A"))
