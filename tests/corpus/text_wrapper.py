# versions: 3.11+
# A hand-written text wrapper and justifier: greedy wrapping, full justification, centring, hanging
# indents, hyphen-free long-word splitting, and a boxed paragraph renderer.

TEXT = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! "
        "Sphinx of black quartz, judge my vow. Supercalifragilisticexpialidocious words need splitting.")


def wrap(text, width):
    lines, current = [], ""
    for word in text.split():
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum(len(w) for w in words)
    base, extra = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (base + (1 if i < extra else 0))
    return out + words[-1]


def hanging(text, width, first, rest):
    lines = wrap(text, width - len(rest))
    return [(first if i == 0 else rest) + line for i, line in enumerate(lines)]


def boxed(lines, title=None):
    width = max(len(l) for l in lines)
    top = "+" + (f" {title} ".center(width + 2, "-") if title else "-" * (width + 2)) + "+"
    body = [f"| {l.ljust(width)} |" for l in lines]
    return "\n".join([top, *body, "+" + "-" * (width + 2) + "+"])


for width in (30, 18):
    lines = wrap(TEXT, width)
    print(f"--- width {width}: {len(lines)} lines, longest {max(map(len, lines))}")
    for line in lines:
        print(f"|{line:<{width}}|")
print("--- justified")
lines = wrap(TEXT, 28)
for line in lines[:-1]:
    print("|" + justify(line, 28) + "|")
print("|" + lines[-1].ljust(28) + "|")
print("--- centred")
for line in wrap("centred text looks like a poem when the lines differ in length", 24):
    print("[" + line.center(24) + "]")
print("--- hanging indent")
print("\n".join(hanging("  ".join(["item one explains a thing at length"] * 2), 32, "* ", "  ")))
print("--- boxed")
print(boxed(wrap("Boxes are drawn with plus signs, dashes and pipes.", 20), title="note"))
print(boxed(["x"]))
stats = {w: len(w) for w in TEXT.replace(".", "").replace(",", "").replace("!", "").split()}
print(max(stats, key=stats.get), min(stats.values()), sum(stats.values()) // len(stats))
print(wrap("", 10), wrap("a", 1), wrap("abcdefgh", 3), wrap("a bb ccc dddd", 4))
