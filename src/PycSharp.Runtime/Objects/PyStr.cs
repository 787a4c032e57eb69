using System.Runtime.InteropServices;
using System.Text;
using PycSharp.Format.Text;

namespace PycSharp.Runtime.Objects;

/// <summary>
/// str. Held as a .NET string (UTF-16); code points beyond the BMP take two chars, so indexing and len go through
/// <see cref="CodePoints"/> only for strings that hold such pairs (known after one scan, remembered).
/// </summary>
public class PyStr : PyObject
{
    private long _hash;
    private bool _hashed;
    private byte _kind; // 0 unknown, 1 all < 256, 2 BMP, 3 has surrogate pairs, 4 exact code points in _exact

    // The code points, for the rare string whose UTF-16 form cannot tell them: a lone high surrogate followed by a
    // lone low one (Python's '\udbff\udc00', two code points) reads in UTF-16 as one astral code point.
    private readonly int[]? _exact;

    public PyStr(string value) => Value = value;

    private PyStr(string value, int[] exact)
    {
        Value = value;
        _exact = exact;
        _kind = 4;
    }

    public readonly string Value;

    public override PyType Type => PyType.StrType;

    public static readonly PyStr Empty = new("");
    private static readonly PyStr[] s_chars = MakeChars();
    private static readonly Dictionary<string, PyStr> s_interned = new(StringComparer.Ordinal);

    private static PyStr[] MakeChars()
    {
        var a = new PyStr[256];
        for (int i = 0; i < a.Length; i++)
            a[i] = new PyStr(((char)i).ToString());
        return a;
    }

    public static PyStr Char(char c) => c < 256 ? s_chars[c] : new PyStr(c.ToString());

    public static PyStr FromCodePoint(int cp) => cp < 256 ? s_chars[cp] : new PyStr(cp < 0x10000 ? ((char)cp).ToString() : char.ConvertFromUtf32(cp));

    public static PyStr Of(string s) => s.Length == 0 ? Empty : s.Length == 1 && s[0] < 256 ? s_chars[s[0]] : new PyStr(s);

    /// <summary>The one shared object for an identifier-like string (names, attribute keys).</summary>
    public static PyStr Intern(string s)
    {
        lock (s_interned)
        {
            if (!s_interned.TryGetValue(s, out var p))
                s_interned[s] = p = s.Length == 1 && s[0] < 256 ? s_chars[s[0]] : new PyStr(s);
            return p;
        }
    }

    private byte Kind
    {
        get
        {
            if (_kind == 0)
            {
                var span = Value.AsSpan();
                _kind = span.ContainsAnyInRange('\uD800', '\uDFFF') && HasPair(span) ? (byte)3
                    : span.ContainsAnyExceptInRange('\0', '\u00FF') ? (byte)2 : (byte)1;
            }
            return _kind;
        }
    }

    private static bool HasPair(ReadOnlySpan<char> s)
    {
        for (int i = 0; i + 1 < s.Length; i++)
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]))
                return true;
        return false;
    }

    /// <summary>True when every code point is one char, so char indexes are code point indexes.</summary>
    public bool IsSimple => Kind < 3;

    public int Length => Kind switch { 3 => CodePointCount(), 4 => _exact!.Length, _ => Value.Length };

    private int CodePointCount()
    {
        int n = 0;
        for (int i = 0; i < Value.Length; i++, n++)
            if (char.IsHighSurrogate(Value[i]) && i + 1 < Value.Length && char.IsLowSurrogate(Value[i + 1]))
                i++;
        return n;
    }

    public int[] CodePoints()
    {
        if (_exact is not null)
            return (int[])_exact.Clone();
        var list = new List<int>(Value.Length);
        for (int i = 0; i < Value.Length; i++)
        {
            if (char.IsHighSurrogate(Value[i]) && i + 1 < Value.Length && char.IsLowSurrogate(Value[i + 1]))
            {
                list.Add(char.ConvertToUtf32(Value[i], Value[i + 1]));
                i++;
            }
            else
            {
                list.Add(Value[i]);
            }
        }
        return list.ToArray();
    }

    public static PyStr FromCodePoints(ReadOnlySpan<int> cps)
    {
        var sb = new StringBuilder(cps.Length);
        bool ambiguous = false;
        for (int i = 0; i < cps.Length; i++)
        {
            int cp = cps[i];
            if (cp >= 0x10000)
                sb.Append(char.ConvertFromUtf32(cp));
            else
                sb.Append((char)cp);
            ambiguous |= cp is >= 0xD800 and <= 0xDBFF && i + 1 < cps.Length && cps[i + 1] is >= 0xDC00 and <= 0xDFFF;
        }
        return ambiguous ? new PyStr(sb.ToString(), cps.ToArray()) : Of(sb.ToString());
    }

    /// <summary>
    /// The order of two strs: code point by code point, then by length (Objects/unicodeobject.c unicode_compare).
    /// UTF-16 order alone is wrong where a surrogate pair meets U+E000..U+FFFF ('\U0001F600' &gt; '\uffff'), so
    /// the first differing code unit is looked at as the code point it belongs to.
    /// </summary>
    public static int CompareCodePoints(PyStr a, PyStr b)
    {
        if (a._exact is not null || b._exact is not null)
            return a.CodePoints().AsSpan().SequenceCompareTo(b.CodePoints());
        return CompareUtf16(a.Value, b.Value);
    }

    /// <summary>.NET strings ordered as the strs they spell (what <c>sorted</c> gives for names in dir() and messages).</summary>
    public static readonly IComparer<string> TextOrder = Comparer<string>.Create((x, y) => CompareUtf16(x, y));

    private static int CompareUtf16(ReadOnlySpan<char> x, ReadOnlySpan<char> y)
    {
        int i = x.CommonPrefixLength(y);
        if (i == x.Length || i == y.Length)
            return x.Length - y.Length; // one is a prefix of the other: the shorter is less in code points too
        char cx = x[i], cy = y[i];
        if (!char.IsSurrogate(cx) && !char.IsSurrogate(cy))
            return cx - cy;
        // A shared high surrogate before i starts the code point when either side continues it as a pair.
        if (i > 0 && char.IsHighSurrogate(x[i - 1]) && (char.IsLowSurrogate(cx) || char.IsLowSurrogate(cy)))
            i--;
        return CodePointAt(x, i) - CodePointAt(y, i);
    }

    private static int CodePointAt(ReadOnlySpan<char> s, int i) =>
        char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? char.ConvertToUtf32(s[i], s[i + 1]) : s[i];

    /// <summary>str == str by code points: the UTF-16 text alone cannot tell a lone-surrogate pair from an astral
    /// character (kind 4).</summary>
    public static bool EqualCodePoints(PyStr a, PyStr b) =>
        a._exact is null && b._exact is null ? a.Value == b.Value : CompareCodePoints(a, b) == 0;

    /// <summary>unicode_richcompare on two strs (Objects/unicodeobject.c): == and != by equality, the others by order.</summary>
    public static PyBool RichCompare(PyStr a, PyStr b, CompareOp op) => op switch
    {
        CompareOp.Eq => PyBool.Of(EqualCodePoints(a, b)),
        CompareOp.Ne => PyBool.Of(!EqualCodePoints(a, b)),
        _ => PyBool.Of(Ops.Compare(CompareCodePoints(a, b), 0, op)),
    };

    /// <summary>a + b, keeping a lone high surrogate at the end of a and a lone low one at the start of b apart.</summary>
    public static PyStr Concat(PyStr a, PyStr b)
    {
        var x = a.Value;
        var y = b.Value;
        if (a._exact is null && b._exact is null && !(x.Length > 0 && char.IsHighSurrogate(x[^1]) && y.Length > 0 && char.IsLowSurrogate(y[0])))
            return Of(x + y);
        return FromCodePoints([.. a.CodePoints(), .. b.CodePoints()]);
    }

    /// <summary>
    /// hash(str) as a 64-bit CPython 3.11+ computes it under PYTHONHASHSEED=0: SipHash-1-3 of the string's
    /// internal form, 1, 2 or 4 bytes per code point (Objects/unicodeobject.c unicode_hash, Python/pyhash.c).
    /// </summary>
    public long HashValue
    {
        get
        {
            if (_hashed)
                return _hash;
            _hash = ComputeHash();
            _hashed = true;
            return _hash;
        }
    }

    private long ComputeHash()
    {
        var s = Value.AsSpan();
        switch (Kind)
        {
            case 1:
            {
                Span<byte> buf = s.Length <= 256 ? stackalloc byte[s.Length] : new byte[s.Length];
                for (int i = 0; i < s.Length; i++)
                    buf[i] = (byte)s[i];
                return PyHash.SipHash13(buf[..s.Length]);
            }
            case 2:
                return PyHash.SipHash13(MemoryMarshal.AsBytes(s));
            case 4 when !_exact!.Any(c => c > 0xFFFF):
                // Lone surrogates only: two bytes per code point, and the chars are the code points.
                return PyHash.SipHash13(MemoryMarshal.AsBytes(s));
            default:
                // A code point above U+FFFF makes CPython store 4 bytes for each.
                return PyHash.SipHash13(MemoryMarshal.AsBytes(CodePoints().AsSpan()));
        }
    }

    public static readonly IEqualityComparer<PyStr> Comparer = new StrComparer();

    private sealed class StrComparer : IEqualityComparer<PyStr>
    {
        public bool Equals(PyStr? x, PyStr? y) => ReferenceEquals(x, y) || (x is not null && y is not null && x.Value == y.Value);
        public int GetHashCode(PyStr obj) => (int)obj.HashValue;
    }

    public override string ToString() => Value;
}
