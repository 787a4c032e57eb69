# versions: 3.11+
# String algorithms: palindromes, anagram groups, Caesar/Vigenere ciphers, run-length encoding,
# longest common subsequence, edit distance, KMP search, and word frequency.


def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]


def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)


def vigenere(text, key, decrypt=False):
    out, k = [], 0
    for ch in text:
        if ch.isalpha():
            shift = ord(key[k % len(key)].lower()) - ord("a")
            out.append(caesar(ch, -shift if decrypt else shift))
            k += 1
        else:
            out.append(ch)
    return "".join(out)


def rle_encode(s):
    out, i = [], 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)


def rle_decode(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)


def lcs(a, b):
    table = [[""] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = table[i][j] + x if x == y else max(table[i][j + 1], table[i + 1][j], key=len)
    return table[-1][-1]


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def kmp_search(text, pattern):
    fail = [0] * len(pattern)
    k = 0
    for i in range(1, len(pattern)):
        while k and pattern[i] != pattern[k]:
            k = fail[k - 1]
        k += pattern[i] == pattern[k]
        fail[i] = k
    hits, k = [], 0
    for i, ch in enumerate(text):
        while k and ch != pattern[k]:
            k = fail[k - 1]
        k += ch == pattern[k]
        if k == len(pattern):
            hits.append(i - k + 1)
            k = fail[k - 1]
    return hits, fail


for s in ["A man, a plan, a canal: Panama", "racecar", "hello", "", "No 'x' in Nixon"]:
    print(f"{s!r}: {is_palindrome(s)}")
words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
groups = {}
for w in words:
    groups.setdefault("".join(sorted(w)), []).append(w)
print(sorted(groups.values(), key=lambda g: (-len(g), g)))
secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3), caesar("xyz", 29))
v = vigenere("Attack at dawn!", "lemon")
print(v, vigenere(v, "lemon", decrypt=True))
for s in ["aaabccdddd", "abc", "", "zzzzzzzzzzzz"]:
    enc = rle_encode(s)
    print(f"{s!r} -> {enc!r} -> {rle_decode(enc)!r}")
print(lcs("ABCBDAB", "BDCABA"), lcs("programming", "gaming"), repr(lcs("abc", "xyz")))
print([(a, b, edit_distance(a, b)) for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same")]])
print(kmp_search("abababcabababcab", "ababc"), kmp_search("aaaaa", "aa")[0], kmp_search("abc", "d")[0])
text = "It was the best of times, it was the worst of times; it was the age of wisdom."
freq = {}
for word in text.lower().translate(str.maketrans("", "", ",.;")).split():
    freq[word] = freq.get(word, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
