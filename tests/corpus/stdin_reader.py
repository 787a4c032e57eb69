# versions: 2.7, 3.6+
# Reads its input from stdin (stdin_reader.stdin) and summarises it.
from __future__ import print_function
import sys

header = sys.stdin.readline().strip()
print("header: " + header)
numbers = []
words = {}
for line in sys.stdin:
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    for token in line.split():
        try:
            numbers.append(int(token))
        except ValueError:
            words[token.lower()] = words.get(token.lower(), 0) + 1
print("numbers: %d, sum %d, max %d" % (len(numbers), sum(numbers), max(numbers)))
for word in sorted(words, key=lambda w: (-words[w], w)):
    print("%-8s %d" % (word, words[word]))
