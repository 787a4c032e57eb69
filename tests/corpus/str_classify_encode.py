# versions: 3.11+
# str predicates (isdigit/isalpha/...), maketrans/translate, encode/decode with error handlers.

samples = ["123", "12.5", "abc", "abc123", "", " ", "\t\n", "½", "²", "٣", "Ⅻ", "Hello", "hello_world",
           "_private", "2fast", "class", "ÄÖÜ", "a b"]
print(f"{'sample':>12} digit decimal numeric alpha alnum space ident print ascii")
for s in samples:
    flags = [s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(), s.isspace(),
             s.isidentifier(), s.isprintable(), s.isascii()]
    print(f"{s!r:>12} " + " ".join("  T  " if f else "  .  " for f in flags))

rot13 = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                      "nopqrstuvwxyzabcdefghijklmNOPQRSTUVWXYZABCDEFGHIJKLM")
msg = "Hello, World! Why did the chicken cross the road?"
enc = msg.translate(rot13)
print(enc)
print(enc.translate(rot13))
strip_vowels = str.maketrans("", "", "aeiouAEIOU")
print(msg.translate(strip_vowels))
mapping = str.maketrans({"a": "4", "e": "3", "o": None, "l": "|_"})
print(msg.translate(mapping))
print(sorted(str.maketrans("ab", "xy").items()), str.maketrans({"q": "Q"}))
print("translate with dict of ords:", "abc".translate({97: 65, 98: "BB", 99: None}))

texts = ["plain ascii", "café", "naïve — “quotes”", "日本語", "emoji 😀"]
for t in texts:
    u8 = t.encode("utf-8")
    print(f"{t!r}: utf8={u8!r} len={len(u8)} back={u8.decode('utf-8')!r}")
    print(f"    ascii/replace={t.encode('ascii', 'replace')!r} ignore={t.encode('ascii', 'ignore')!r} "
          f"xml={t.encode('ascii', 'xmlcharrefreplace')!r} bs={t.encode('ascii', 'backslashreplace')!r}")
    print(f"    latin-1 ok: {all(ord(c) < 256 for c in t)} utf16-le len={len(t.encode('utf-16-le'))}")
try:
    "café".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
    print("  details:", e.encoding, e.start, e.end, e.reason)
raw = b"caf\xc3\xa9 \xff end"
try:
    raw.decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(raw.decode("utf-8", "replace"), raw.decode("utf-8", "ignore"), raw.decode("latin-1"))
print(raw.decode("utf-8", "backslashreplace"))
print("ascii():", ascii("café ☃ \n"), ascii(["ü", 1]), repr("tab\there"), repr("quote'\""))
print("ord/chr roundtrip:", "".join(chr(ord(c) + 1) for c in "HAL"), [hex(ord(c)) for c in "é€"])
