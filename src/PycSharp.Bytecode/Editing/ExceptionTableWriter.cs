namespace PycSharp.Bytecode.Editing;

/// <summary>
/// The 3.11+ exception table (Objects/exception_handling_notes.txt in CPython): per entry start, length and target in
/// code units and depth &lt;&lt; 1 | lasti, each a big-endian varint of 6-bit chunks (bit 6: more follow), with
/// bit 7 set on the first byte of an entry.
/// </summary>
internal static class ExceptionTableWriter
{
    public static byte[] Write(EditableCode code, AssembledCode assembled)
    {
        var output = new List<byte>();
        foreach (var region in code.ExceptionRegions)
        {
            int start = assembled.OffsetOf(region.Start, "an exception region's start");
            int end = assembled.OffsetOf(region.End, "an exception region's end");
            int target = assembled.OffsetOf(region.Handler, "an exception handler");
            if (end < start)
                throw new EditException($"exception region from offset {start} ends before it starts ({end})");
            if (region.Depth < 0)
                throw new EditException($"exception region from offset {start} has a negative stack depth");
            Varint(output, start / 2, entryStart: true);
            Varint(output, (end - start) / 2, entryStart: false);
            Varint(output, target / 2, entryStart: false);
            Varint(output, region.Depth << 1 | (region.Lasti ? 1 : 0), entryStart: false);
        }
        return [.. output];
    }

    private static void Varint(List<byte> output, int value, bool entryStart)
    {
        int shift = 0;
        while (shift + 6 < 32 && value >> (shift + 6) != 0)
            shift += 6;
        byte first = entryStart ? (byte)0x80 : (byte)0;
        for (; shift > 0; shift -= 6)
        {
            output.Add((byte)(first | 0x40 | ((value >> shift) & 63)));
            first = 0;
        }
        output.Add((byte)(first | (value & 63)));
    }
}
