using System.Collections.Concurrent;

namespace PycSharp.Format.Text;

/// <summary>
/// <c>str.isprintable()</c> as a given Python 3 version answers it (its own Unicode database), which decides what
/// <c>repr()</c> escapes. The tables come from the real interpreters (tools/dump_unicode.py).
/// </summary>
internal static partial class UnicodePrintable
{
    private static readonly ConcurrentDictionary<string, int[]> s_ranges = new(StringComparer.Ordinal);

    // Versions without a dumped table use the closest one we have: 3.0–3.5 the oldest (3.6), later ones the newest.
    private static readonly PythonVersion s_oldest = new(3, 6);
    private static readonly PythonVersion s_newest = new(3, 14);

    public static bool IsPrintable(int codePoint, PythonVersion version)
    {
        var unicode = UnicodeVersionOf(version.Major, version.Minor)
            ?? (version < s_oldest ? UnicodeVersionOf(s_oldest.Major, s_oldest.Minor) : UnicodeVersionOf(s_newest.Major, s_newest.Minor))!;
        return CodePointRanges.Contains(s_ranges.GetOrAdd(unicode, static u => RangesOf(u)!), codePoint);
    }
}
