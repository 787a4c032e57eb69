using System.Text;
using PycSharp.Format;
using PycSharp.Format.Objects;
using PycSharp.Format.Text;

namespace PycSharp.Runtime.Text;

/// <summary>
/// Python strings held as .NET strings: a Python code point above U+FFFF is a surrogate pair, a lone surrogate is
/// itself. Lengths, widths and precisions count code points, as CPython does.
/// </summary>
internal static class PyStr
{
    public static int CodePointAt(string s, int i) =>
        i + 1 < s.Length && char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1])
            ? char.ConvertToUtf32(s[i], s[i + 1])
            : s[i];

    public static int CodePointLength(string s, int i) =>
        i + 1 < s.Length && char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;

    /// <summary>len() of the Python string.</summary>
    public static int Length(ReadOnlySpan<char> s)
    {
        int n = s.Length;
        for (int i = 0; i + 1 < s.Length; i++)
            if (char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]))
            {
                n--;
                i++;
            }
        return n;
    }

    /// <summary>The UTF-16 length of the first <paramref name="codePoints"/> code points of <paramref name="s"/>.</summary>
    public static int Prefix(ReadOnlySpan<char> s, long codePoints)
    {
        int i = 0;
        for (long k = 0; k < codePoints && i < s.Length; k++)
            i += i + 1 < s.Length && char.IsHighSurrogate(s[i]) && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        return i;
    }

    public static string FromCodePoint(int cp) => cp < 0x10000 ? ((char)cp).ToString() : char.ConvertFromUtf32(cp);

    /// <summary>repr() of a str, through the repr the marshal reader already has (Objects/unicodeobject.c unicode_repr).</summary>
    public static string Repr(string s, PythonVersion version) => PyRepr.Of(PyString.From(s), version);

    /// <summary>CPython's "%.200R": the repr, cut to its first 200 code points (Objects/unicodeobject.c).</summary>
    public static string Repr200(string s, PythonVersion version)
    {
        var r = Repr(s, version);
        return r.Length <= 200 ? r : r[..Prefix(r, 200)];
    }

    /// <summary>
    /// Py_UNICODE_ISSPACE: the characters str.split() and int()/float() treat as white space (Objects/unicodetype_db.h):
    /// \t..\r, \x1c..\x1f, space, \x85, \xa0 and the Unicode space separators, \u2028 and \u2029.
    /// </summary>
    public static bool IsSpace(char c) =>
        c < 128 ? c is ' ' or (>= '\t' and <= '\r') or (>= '\x1c' and <= '\x1f')
                : c is '\x85' or '\xa0' or '\u1680' or (>= '\u2000' and <= '\u200a') or '\u2028' or '\u2029' or '\u202f' or '\u205f' or '\u3000';
}
