# versions: 3.11+
# Backtracking searches: N-queens (all solutions counted, first printed), a small sudoku solver,
# subset sums, and word search in a letter grid, with generators yielding solutions.


def queens(n):
    cols, diag1, diag2, placement = set(), set(), set(), []

    def place(row):
        if row == n:
            yield list(placement)
            return
        for col in range(n):
            if col in cols or row - col in diag1 or row + col in diag2:
                continue
            cols.add(col)
            diag1.add(row - col)
            diag2.add(row + col)
            placement.append(col)
            yield from place(row + 1)
            placement.pop()
            cols.discard(col)
            diag1.discard(row - col)
            diag2.discard(row + col)

    return place(0)


for n in range(1, 9):
    print(f"{n}-queens solutions: {sum(1 for _ in queens(n))}")
first = next(queens(8))
print(first)
print("\n".join("".join("Q" if c == col else "." for c in range(8)) for col in first))
PUZZLE = ("53..7...."
          "6..195..."
          ".98....6."
          "8...6...3"
          "4..8.3..1"
          "7...2...6"
          ".6....28."
          "...419..5"
          "....8..79")
board = [[0 if ch == "." else int(ch) for ch in PUZZLE[r * 9:r * 9 + 9]] for r in range(9)]


def candidates(b, r, c):
    used = set(b[r]) | {b[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {b[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [v for v in range(1, 10) if v not in used]


def solve(b, counter):
    for r in range(9):
        for c in range(9):
            if b[r][c] == 0:
                for v in candidates(b, r, c):
                    b[r][c] = v
                    counter[0] += 1
                    if solve(b, counter):
                        return True
                b[r][c] = 0
                return False
    return True


tries = [0]
print("solved:", solve(board, tries), "placements tried:", tries[0])
for r, row in enumerate(board):
    print(" ".join(str(v) for v in row[:3]), "|", " ".join(str(v) for v in row[3:6]), "|", " ".join(str(v) for v in row[6:]))
    if r in (2, 5):
        print("------+-------+------")
print("rows ok:", all(sorted(row) == list(range(1, 10)) for row in board),
      "cols ok:", all(sorted(board[r][c] for r in range(9)) == list(range(1, 10)) for c in range(9)))


def subset_sums(items, target, start=0, chosen=()):
    if target == 0:
        yield chosen
        return
    for i in range(start, len(items)):
        if items[i] <= target:
            yield from subset_sums(items, target - items[i], i + 1, chosen + (items[i],))


print("subsets of [3,34,4,12,5,2] summing to 9:", list(subset_sums([3, 34, 4, 12, 5, 2], 9)))
print("count summing to 15 from 1..10:", sum(1 for _ in subset_sums(list(range(1, 11)), 15)))
GRID = ["CATS", "OXRE", "DOGA", "EMIT"]


def find_word(word):
    rows, cols = len(GRID), len(GRID[0])

    def walk(r, c, i, path):
        if not (0 <= r < rows and 0 <= c < cols) or (r, c) in path or GRID[r][c] != word[i]:
            return None
        path = path + [(r, c)]
        if i == len(word) - 1:
            return path
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            found = walk(r + dr, c + dc, i + 1, path)
            if found:
                return found
        return None

    for r in range(rows):
        for c in range(cols):
            found = walk(r, c, 0, [])
            if found:
                return found
    return None


for w in ["CAT", "DOG", "CODE", "TIME", "STAR", "GOAT", "MITE"]:
    print(w, find_word(w))
