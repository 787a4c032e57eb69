using PycSharp.Format;

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
        InRanges(WideRangesOf(version.Major, version.Minor) ?? WideRangesOf(3, 13)!, codePoint);

    /// <summary>str.isspace(): the whitespace of strip(), lstrip() and rstrip().</summary>
    public static bool IsSpace(int codePoint) => codePoint < 128
        ? codePoint is ' ' or >= '\t' and <= '\r' or >= 0x1C and <= 0x1F
        : InRanges(s_spaceRanges, codePoint);

    private static bool InRanges(int[] ranges, int codePoint)
    {
        // The last range whose first code point is <= codePoint, by binary search.
        int lo = 0, hi = ranges.Length / 2 - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ranges[mid * 2] <= codePoint)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return hi >= 0 && codePoint <= ranges[hi * 2 + 1];
    }
}
