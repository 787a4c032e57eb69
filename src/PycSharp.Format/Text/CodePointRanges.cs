namespace PycSharp.Format.Text;

/// <summary>
/// Sets of code points stored as sorted, inclusive [first, last] pairs, flattened into one array: the form of the
/// generated Unicode tables (str.isprintable here, the traceback printer's width and whitespace classes in
/// PycSharp.Runtime).
/// </summary>
public static class CodePointRanges
{
    public static bool Contains(ReadOnlySpan<int> ranges, int codePoint)
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
