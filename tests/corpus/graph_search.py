# versions: 3.11+
# Graph algorithms on dict-of-lists graphs: BFS shortest paths, recursive DFS,
# topological sort with cycle detection, connected components, and a grid maze solver.

graph = {
    "A": ["B", "C"], "B": ["D", "E"], "C": ["F"], "D": [], "E": ["F", "G"], "F": ["H"], "G": ["H"], "H": [],
}


def bfs_path(g, start, goal):
    queue = [[start]]
    seen = {start}
    while queue:
        path = queue.pop(0)
        node = path[-1]
        if node == goal:
            return path
        for nxt in g.get(node, []):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(path + [nxt])
    return None


def dfs_recursive(g, node, visited=None):
    visited = [] if visited is None else visited
    visited.append(node)
    for nxt in g[node]:
        if nxt not in visited:
            dfs_recursive(g, nxt, visited)
    return visited


def toposort(g):
    state, order = {}, []

    def visit(n):
        if state.get(n) == "active":
            raise ValueError(f"cycle through {n}")
        if state.get(n) == "done":
            return
        state[n] = "active"
        for m in g.get(n, []):
            visit(m)
        state[n] = "done"
        order.append(n)

    for n in sorted(g):
        visit(n)
    return order[::-1]


def components(edges):
    adj = {}
    for a, b in edges:
        adj.setdefault(a, set()).add(b)
        adj.setdefault(b, set()).add(a)
    seen, comps = set(), []
    for start in sorted(adj):
        if start in seen:
            continue
        comp, stack = [], [start]
        while stack:
            n = stack.pop()
            if n in seen:
                continue
            seen.add(n)
            comp.append(n)
            stack.extend(sorted(adj[n] - seen))
        comps.append(sorted(comp))
    return comps


print("bfs A->H:", bfs_path(graph, "A", "H"), "A->G:", bfs_path(graph, "A", "G"), "D->A:", bfs_path(graph, "D", "A"))
print("dfs recursive:", dfs_recursive(graph, "A"))
print("toposort:", toposort(graph))
try:
    toposort({"x": ["y"], "y": ["z"], "z": ["x"]})
except ValueError as e:
    print("ValueError:", e)
print("components:", components([(1, 2), (2, 3), (4, 5), (6, 6), (7, 5), (8, 9), (9, 1)]))
maze = ["S.#.......", ".##.####.#", "....#....#", "#.#.#.##.#", "..#...#..E"]


def solve(maze):
    rows, cols = len(maze), len(maze[0])
    start = next((r, c) for r in range(rows) for c in range(cols) if maze[r][c] == "S")
    prev = {start: None}
    queue = [start]
    while queue:
        r, c = queue.pop(0)
        if maze[r][c] == "E":
            path, node = [], (r, c)
            while node:
                path.append(node)
                node = prev[node]
            return path[::-1]
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and maze[nr][nc] != "#" and (nr, nc) not in prev:
                prev[(nr, nc)] = (r, c)
                queue.append((nr, nc))
    return None


path = solve(maze)
print("maze path length:", len(path))
grid = [list(row) for row in maze]
for r, c in path[1:-1]:
    grid[r][c] = "*"
print("\n".join("".join(row) for row in grid))
