# versions: 3.11+
# A binary search tree: insert, search, delete (all three cases), min/max, height, in/pre/post/level
# order traversals with generators and yield from, range queries, and a sideways pretty print.


class Node:
    def __init__(self, key, value):
        self.key, self.value = key, value
        self.left = self.right = None


class BST:
    def __init__(self):
        self.root = None
        self.count = 0

    def insert(self, key, value=None):
        def _insert(node):
            if node is None:
                self.count += 1
                return Node(key, value)
            if key < node.key:
                node.left = _insert(node.left)
            elif key > node.key:
                node.right = _insert(node.right)
            else:
                node.value = value
            return node
        self.root = _insert(self.root)

    def get(self, key, default=None):
        node = self.root
        while node:
            if key == node.key:
                return node.value
            node = node.left if key < node.key else node.right
        return default

    def delete(self, key):
        def _delete(node, key):
            if node is None:
                raise KeyError(key)
            if key < node.key:
                node.left = _delete(node.left, key)
            elif key > node.key:
                node.right = _delete(node.right, key)
            else:
                if node.left is None:
                    return node.right
                if node.right is None:
                    return node.left
                succ = node.right
                while succ.left:
                    succ = succ.left
                node.key, node.value = succ.key, succ.value
                node.right = _delete(node.right, succ.key)
            return node
        self.root = _delete(self.root, key)
        self.count -= 1

    def inorder(self, node="root"):
        node = self.root if node == "root" else node
        if node:
            yield from self.inorder(node.left)
            yield node.key
            yield from self.inorder(node.right)

    def preorder(self, node):
        if node:
            yield node.key
            yield from self.preorder(node.left)
            yield from self.preorder(node.right)

    def postorder(self, node):
        if node:
            yield from self.postorder(node.left)
            yield from self.postorder(node.right)
            yield node.key

    def levels(self):
        level = [self.root] if self.root else []
        while level:
            yield [n.key for n in level]
            level = [c for n in level for c in (n.left, n.right) if c]

    def height(self, node="root"):
        node = self.root if node == "root" else node
        return 0 if node is None else 1 + max(self.height(node.left), self.height(node.right))

    def show(self, node="root", depth=0, lines=None):
        node = self.root if node == "root" else node
        lines = [] if lines is None else lines
        if node:
            self.show(node.right, depth + 1, lines)
            lines.append("    " * depth + str(node.key))
            self.show(node.left, depth + 1, lines)
        return lines


t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k, f"v{k}")
print("inorder:", list(t.inorder()), "count", t.count, "height", t.height())
print("preorder:", list(t.preorder(t.root)))
print("postorder:", list(t.postorder(t.root)))
print("levels:", list(t.levels()))
print("\n".join(t.show()))
print("get:", t.get(45), t.get(99, "missing"), "range 33..66:", [k for k in t.inorder() if 33 <= k <= 66])
t.insert(45, "updated")
print("after update:", t.get(45), t.count)
for k in [20, 30, 50]:
    t.delete(k)
    print(f"deleted {k}: inorder {list(t.inorder())} root={t.root.key} height={t.height()}")
try:
    t.delete(999)
except KeyError as e:
    print("KeyError:", e)
