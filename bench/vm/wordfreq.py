"""Word frequencies: makes up a text of N pseudo-random words (fixed seed), then counts words, word pairs and
letters with dicts and reports the most frequent ones.

Exercises str and dict work: building strings by concatenation, join and split, strip, lower, capitalize,
endswith, membership tests, dict get / setdefault / item assignment with str and tuple keys, dict iteration,
sorting with a key function and tuple comparison, lambdas.

    wordfreq.py [N]        N: number of words in the text (default 350000; the work is linear in it)

Prints the text's size, the number of distinct words and pairs, the ten commonest words, the five commonest pairs
and the letters by frequency. Nothing depends on str hashes (no set or dict is iterated in hash order).
"""
import sys

DEFAULT_WORDS = 350000

SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "pu", "dra", "ish", "on", "el", "qua", "th",
             "ber", "gim", "ox", "yu")
STOP = ("the", "a", "of", "and", "to", "in", "is", "it")
ENDINGS = (".", ".", ".", ",", ",", "!", "?", ";")


class Random:
    """A small linear congruential generator, so that the text is the same everywhere."""

    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % n


def make_text(words, rng):
    lines = []
    line = []
    new_sentence = True
    for _ in range(words):
        if rng.below(4) == 0:
            word = STOP[rng.below(len(STOP))]
        else:
            word = ""
            for _ in range(1 + rng.below(3)):
                word += SYLLABLES[rng.below(len(SYLLABLES))]
        if new_sentence:
            word = word.capitalize()
            new_sentence = False
        if rng.below(9) == 0:
            word = word + ENDINGS[rng.below(len(ENDINGS))]
            new_sentence = word.endswith((".", "!", "?"))
        line.append(word)
        if len(line) == 12:
            lines.append(" ".join(line))
            line = []
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines)


def count(text):
    words = {}
    pairs = {}
    letters = {}
    previous = None
    for line in text.split("\n"):
        for token in line.split():
            word = token.strip(".,!?;").lower()
            if not word:
                continue
            words[word] = words.get(word, 0) + 1
            if previous is not None and word not in STOP and previous not in STOP:
                key = (previous, word)
                pairs[key] = pairs.get(key, 0) + 1
            previous = word
            if token[-1] in ".!?":
                previous = None
    for word, n in words.items():
        for ch in word:
            letters.setdefault(ch, [0])[0] += n
    return words, pairs, letters


def main(argv):
    n = int(argv[1]) if len(argv) > 1 else DEFAULT_WORDS
    text = make_text(n, Random(2024))
    words, pairs, letters = count(text)
    print("text: %d characters, %d lines; %d distinct words, %d distinct pairs"
          % (len(text), text.count("\n") + 1, len(words), len(pairs)))
    top = sorted(words.items(), key=lambda item: (-item[1], item[0]))[:10]
    print("words: " + ", ".join("%s %d" % (w, c) for w, c in top))
    top = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))[:5]
    print("pairs: " + ", ".join("%s %s %d" % (a, b, c) for (a, b), c in top))
    ranked = sorted(letters, key=lambda ch: (-letters[ch][0], ch))
    print("letters: " + "".join(ranked))
    checksum = 0
    for word in sorted(words):
        checksum = (checksum * 31 + len(word) * words[word]) % 1000000007
    print("checksum: %d" % checksum)


if __name__ == "__main__":
    main(sys.argv)
