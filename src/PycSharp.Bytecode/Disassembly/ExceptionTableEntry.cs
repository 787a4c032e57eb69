using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Disassembly;

/// <summary>One entry of a 3.11+ exception table: instructions in [Start, End) are handled at Target.</summary>
public readonly record struct ExceptionTableEntry(int Start, int End, int Target, int Depth, bool Lasti)
{
    /// <summary>
    /// Lib/dis.py _parse_exception_table: each field a big-endian varint of 6-bit chunks (bit 6 continues; bit 7 marks
    /// an entry's first byte); offsets in code units. A truncated last entry is dropped, as dis does.
    /// </summary>
    public static List<ExceptionTableEntry> Parse(PyCode code)
    {
        var result = new List<ExceptionTableEntry>();
        Parse(code, result);
        return result;
    }

    /// <summary>The entries into <paramref name="result"/>, which is cleared first.</summary>
    public static void Parse(PyCode code, List<ExceptionTableEntry> result)
    {
        result.Clear();
        if (code.ExceptionTable is not { } table)
            return;
        var t = table.Span;
        int i = 0;
        while (true)
        {
            if (!TryVarint(t, ref i, out long start) || !TryVarint(t, ref i, out long length) ||
                !TryVarint(t, ref i, out long target) || !TryVarint(t, ref i, out long dl))
                return;
            result.Add(new((int)(start * 2), (int)((start + length) * 2), (int)(target * 2), (int)(dl >> 1), (dl & 1) != 0));
        }
    }

    private static bool TryVarint(ReadOnlySpan<byte> t, ref int i, out long value)
    {
        value = 0;
        if (i >= t.Length)
            return false;
        byte b = t[i++];
        value = b & 63;
        while ((b & 64) != 0)
        {
            if (i >= t.Length)
                return false;
            b = t[i++];
            value = (value << 6) | (uint)(b & 63);
            if (value > int.MaxValue / 2)
                value = int.MaxValue / 2; // damaged data: keep offsets in range
        }
        return true;
    }
}
