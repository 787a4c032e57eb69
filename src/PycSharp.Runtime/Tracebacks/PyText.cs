using System.Text;
using PycSharp.Format;

namespace PycSharp.Runtime.Tracebacks;

/// <summary>
/// Python str operations the traceback rules use, on code point arrays: a Python index, len() and slice count
/// code points, where a .NET string counts UTF-16 units and would miscount every character outside the BMP.
/// </summary>
internal static class PyText
{
    public static int[] Of(string s)
    {
        var result = new List<int>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                result.Add(char.ConvertToUtf32(s[i], s[i + 1]));
                i++;
            }
            else
            {
                result.Add(s[i]);
            }
        }
        return [.. result];
    }

    public static string Str(ReadOnlySpan<int> cps)
    {
        var sb = new StringBuilder(cps.Length);
        foreach (var c in cps)
        {
            if (c is >= 0xD800 and <= 0xDFFF or < 0x10000)
                sb.Append((char)c);
            else
                sb.Append(char.ConvertFromUtf32(c));
        }
        return sb.ToString();
    }

    /// <summary>s[start:end] with Python's clamping (non-negative bounds).</summary>
    public static int[] Slice(int[] s, int start, int end)
    {
        start = Math.Clamp(start, 0, s.Length);
        end = Math.Clamp(end, 0, s.Length);
        return end <= start ? [] : s[start..end];
    }

    /// <summary>s[:end], where a negative end counts from the end as in Python.</summary>
    public static int[] Head(int[] s, int end) => Slice(s, 0, end < 0 ? s.Length + end : end);

    public static bool IsAscii(ReadOnlySpan<int> s)
    {
        foreach (var c in s)
            if (c >= 128)
                return false;
        return true;
    }

    public static int[] LStrip(int[] s)
    {
        int i = 0;
        while (i < s.Length && UnicodeWidth.IsSpace(s[i]))
            i++;
        return s[i..];
    }

    public static int[] RStrip(int[] s)
    {
        int j = s.Length;
        while (j > 0 && UnicodeWidth.IsSpace(s[j - 1]))
            j--;
        return s[..j];
    }

    public static int[] Strip(int[] s) => LStrip(RStrip(s));

    public static bool IsSpaceOnly(int[] s) => s.Length > 0 && s.All(UnicodeWidth.IsSpace);

    public static int[] Concat(params int[][] parts) => [.. parts.SelectMany(p => p)];

    public static int[] Join(int separator, IEnumerable<int[]> parts)
    {
        var result = new List<int>();
        bool first = true;
        foreach (var p in parts)
        {
            if (!first)
                result.Add(separator);
            result.AddRange(p);
            first = false;
        }
        return [.. result];
    }

    // str.splitlines: the line boundaries of Objects/unicodeobject.c (Py_UNICODE_ISLINEBREAK), "\r\n" as one.
    private static bool IsLineBreak(int c) =>
        c is '\n' or '\r' or 0x0B or 0x0C or 0x1C or 0x1D or 0x1E or 0x85 or 0x2028 or 0x2029;

    /// <summary>str.splitlines(keepends).</summary>
    public static List<int[]> SplitLines(int[] s, bool keepEnds)
    {
        var lines = new List<int[]>();
        int start = 0, i = 0;
        while (i < s.Length)
        {
            if (!IsLineBreak(s[i]))
            {
                i++;
                continue;
            }
            int eol = i;
            i += s[i] == '\r' && i + 1 < s.Length && s[i + 1] == '\n' ? 2 : 1;
            lines.Add(s[start..(keepEnds ? i : eol)]);
            start = i;
        }
        if (start < s.Length)
            lines.Add(s[start..]);
        return lines;
    }

    /// <summary>
    /// textwrap.dedent (Lib/textwrap.py): lines of only spaces and tabs become empty, then the longest run of
    /// spaces and tabs that starts every other line is cut from each. Lines are what "\n" separates, as the
    /// module's MULTILINE regexes see them.
    /// </summary>
    public static int[] Dedent(int[] text)
    {
        var lines = new List<int[]>();
        int start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n')
                continue;
            var line = text[start..i];
            lines.Add(line.Length > 0 && line.All(c => c is ' ' or '\t') ? [] : line);
            start = i + 1;
        }
        int[]? margin = null;
        foreach (var line in lines)
        {
            int n = 0;
            while (n < line.Length && line[n] is ' ' or '\t')
                n++;
            if (n == line.Length)
                continue; // no character after the indent: the regex finds no indent here
            var indent = line[..n];
            if (margin is null)
                margin = indent;
            else if (StartsWith(indent, margin))
                continue;
            else if (StartsWith(margin, indent))
                margin = indent;
            else
            {
                int k = 0;
                while (k < margin.Length && k < indent.Length && margin[k] == indent[k])
                    k++;
                margin = margin[..k];
            }
        }
        if (margin is { Length: > 0 })
            for (int i = 0; i < lines.Count; i++)
                if (StartsWith(lines[i], margin))
                    lines[i] = lines[i][margin.Length..];
        return Join('\n', lines);
    }

    private static bool StartsWith(int[] s, int[] prefix) => s.Length >= prefix.Length && s.AsSpan(0, prefix.Length).SequenceEqual(prefix);

    /// <summary>textwrap.indent(text, prefix, predicate) over str.splitlines(True).</summary>
    public static string Indent(string text, string prefix, Func<int[], bool>? predicate = null)
    {
        var sb = new StringBuilder();
        foreach (var line in SplitLines(Of(text), keepEnds: true))
        {
            if (predicate is null || predicate(line))
                sb.Append(prefix);
            sb.Append(Str(line));
        }
        return sb.ToString();
    }

    /// <summary>The UTF-8 bytes of a code point string (a lone surrogate as its three-byte form).</summary>
    public static byte[] Utf8(int[] s)
    {
        var bytes = new List<byte>(s.Length);
        foreach (var c in s)
        {
            if (c < 0x80)
                bytes.Add((byte)c);
            else if (c < 0x800)
                bytes.AddRange([(byte)(0xC0 | c >> 6), (byte)(0x80 | c & 0x3F)]);
            else if (c < 0x10000)
                bytes.AddRange([(byte)(0xE0 | c >> 12), (byte)(0x80 | c >> 6 & 0x3F), (byte)(0x80 | c & 0x3F)]);
            else
                bytes.AddRange([(byte)(0xF0 | c >> 18), (byte)(0x80 | c >> 12 & 0x3F), (byte)(0x80 | c >> 6 & 0x3F), (byte)(0x80 | c & 0x3F)]);
        }
        return [.. bytes];
    }

    private static int Utf8Length(int c) => c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;

    /// <summary>
    /// len(s.encode()[:offset].decode("utf-8", "replace")): how many characters start before byte
    /// <paramref name="offset"/>; a character cut by the offset decodes to one U+FFFD and counts too
    /// (Lib/traceback.py _byte_offset_to_character_offset).
    /// </summary>
    public static int ByteToCharOffset(int[] s, int offset)
    {
        int bytes = 0, chars = 0;
        foreach (var c in s)
        {
            if (bytes >= offset)
                break;
            bytes += Utf8Length(c);
            chars++;
        }
        return chars;
    }

    /// <summary>
    /// Parser/pegen.c _PyPegen_byte_offset_to_character_offset (3.11, 3.12): as <see cref="ByteToCharOffset"/>,
    /// but an offset past the end decodes the C string's terminating NUL as one more character.
    /// </summary>
    public static int ByteToCharOffsetC(int[] s, int offset)
    {
        int length = s.Sum(Utf8Length);
        return offset > length ? s.Length + 1 : ByteToCharOffset(s, offset);
    }

    /// <summary>
    /// Lib/traceback.py _display_width (3.13): the columns line[:offset] takes on a terminal, wide characters
    /// counting two; an ASCII line answers offset itself.
    /// </summary>
    public static int DisplayWidth(int[] line, int offset, PythonVersion version)
    {
        if (IsAscii(line))
            return offset;
        int width = 0;
        for (int i = 0; i < Math.Min(offset, line.Length); i++)
            width += UnicodeWidth.IsWide(line[i], version) ? 2 : 1;
        return width;
    }

    /// <summary>
    /// The C twin of <see cref="DisplayWidth"/> in 3.11.7 and 3.12 (Parser/pegen.c
    /// _PyPegen_calculate_display_width): the ASCII test is on the prefix, not on the whole line.
    /// </summary>
    public static int DisplayWidthC(int[] line, int offset, PythonVersion version)
    {
        var prefix = Slice(line, 0, offset);
        if (IsAscii(prefix))
            return offset;
        int width = 0;
        foreach (var c in prefix)
            width += UnicodeWidth.IsWide(c, version) ? 2 : 1;
        return width;
    }
}
