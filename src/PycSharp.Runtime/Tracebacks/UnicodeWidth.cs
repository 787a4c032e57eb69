using System.Collections.Concurrent;
using PycSharp.Format;
using PycSharp.Format.Text;

namespace PycSharp.Runtime.Tracebacks;

/// <summary>
/// The two Unicode classes of the caret rules, as each interpreter's own database answers (tables from
/// tools/dump_east_asian_width.py run under the real 3.11, 3.12 and 3.13).
/// </summary>
internal static partial class UnicodeWidth
{
    /// <summary>
    /// True for code points of East Asian Width "W" or "F": a terminal gives them two columns, so the carets under
    /// them are doubled (Lib/traceback.py _display_width, _WIDE_CHAR_SPECIFIERS = "WF"; its C twin in 3.11/3.12).
    /// </summary>
    public static bool IsWide(int codePoint, PythonVersion version) =>
        CodePointRanges.Contains(
            s_wide.GetOrAdd(version, static v => WideRangesOf(v.Major, v.Minor) ?? WideRangesOf(3, 13)!), codePoint);

    // The generated table builds a new array on each call: one per version is kept.
    private static readonly ConcurrentDictionary<PythonVersion, int[]> s_wide = new();

    /// <summary>str.isspace(): the whitespace of strip(), lstrip() and rstrip().</summary>
    public static bool IsSpace(int codePoint) => codePoint < 128
        ? codePoint is ' ' or >= '\t' and <= '\r' or >= 0x1C and <= 0x1F
        : CodePointRanges.Contains(s_spaceRanges, codePoint);
}
