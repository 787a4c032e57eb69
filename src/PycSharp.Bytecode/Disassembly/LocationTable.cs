using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Disassembly;

/// <summary>Source positions of a range of instructions (3.11+ co_positions()); null members are unknown.</summary>
public readonly record struct Positions(int? Line, int? EndLine, int? Column, int? EndColumn);

/// <summary>
/// The 3.11+ location table (Objects/locations.md in CPython): entries of 1–8 code units, each with a code that
/// says how the position is stored.
/// </summary>
public static class LocationTable
{
    /// <summary>Entries as (start byte offset, end byte offset, positions), in order. Stops quietly at damaged data.</summary>
    public static List<(int Start, int End, Positions Positions)> Entries(PyCode code)
    {
        var result = new List<(int, int, Positions)>();
        var t = code.LineTable.Span;
        int line = code.FirstLineNo;
        int offset = 0;
        int i = 0;
        while (i < t.Length)
        {
            byte first = t[i++];
            if ((first & 0x80) == 0)
                break; // not at an entry start: damaged table
            int kind = (first >> 3) & 15;
            int length = (first & 7) + 1;
            Positions p;
            switch (kind)
            {
                case 15:
                    p = new(null, null, null, null);
                    break;
                case 14:
                {
                    line += ReadSigned(t, ref i);
                    int endLine = line + ReadVarint(t, ref i);
                    int col = ReadVarint(t, ref i) - 1;
                    int endCol = ReadVarint(t, ref i) - 1;
                    p = new(line, endLine, col < 0 ? null : col, endCol < 0 ? null : endCol);
                    break;
                }
                case 13:
                    line += ReadSigned(t, ref i);
                    p = new(line, line, null, null);
                    break;
                case 10 or 11 or 12:
                {
                    line += kind - 10;
                    int col = i < t.Length ? t[i++] : 0;
                    int endCol = i < t.Length ? t[i++] : 0;
                    p = new(line, line, col, endCol);
                    break;
                }
                default:
                {
                    int second = i < t.Length ? t[i++] : 0;
                    int col = kind * 8 + ((second >> 4) & 7);
                    p = new(line, line, col, col + (second & 15));
                    break;
                }
            }
            result.Add((offset, offset + length * 2, p));
            offset += length * 2;
        }
        return result;
    }

    /// <summary>
    /// co_lines(): (start, end, line) ranges, consecutive entries with the same line merged. Decodes only what the
    /// line needs (a profile of disassembling the 3.11 standard library put the full decoding at a fifth of the time).
    /// </summary>
    public static List<(int Start, int End, int? Line)> Lines(PyCode code)
    {
        var result = new List<(int, int, int?)>();
        var t = code.LineTable.Span;
        int line = code.FirstLineNo;
        int offset = 0;
        int i = 0;
        int runStart = 0;
        int? runLine = null;
        bool inRun = false;
        while (i < t.Length)
        {
            byte first = t[i++];
            if ((first & 0x80) == 0)
                break;
            int kind = (first >> 3) & 15;
            int length = (first & 7) + 1;
            int? entryLine;
            switch (kind)
            {
                case 15:
                    entryLine = null;
                    break;
                case 14:
                    line += ReadSigned(t, ref i);
                    ReadVarint(t, ref i);
                    ReadVarint(t, ref i);
                    ReadVarint(t, ref i);
                    entryLine = line;
                    break;
                case 13:
                    line += ReadSigned(t, ref i);
                    entryLine = line;
                    break;
                case 10 or 11 or 12:
                    line += kind - 10;
                    i += 2;
                    entryLine = line;
                    break;
                default:
                    i += 1;
                    entryLine = line;
                    break;
            }
            if (!inRun || entryLine != runLine)
            {
                if (inRun)
                    result.Add((runStart, offset, runLine));
                runStart = offset;
                runLine = entryLine;
                inRun = true;
            }
            offset += length * 2;
        }
        if (inRun)
            result.Add((runStart, offset, runLine));
        return result;
    }

    private static int ReadVarint(ReadOnlySpan<byte> t, ref int i)
    {
        int value = 0, shift = 0;
        while (i < t.Length)
        {
            byte b = t[i++];
            value |= (b & 63) << shift;
            shift += 6;
            if ((b & 64) == 0 || shift > 30)
                break;
        }
        return value;
    }

    private static int ReadSigned(ReadOnlySpan<byte> t, ref int i)
    {
        int v = ReadVarint(t, ref i);
        return (v & 1) != 0 ? -(v >> 1) : v >> 1;
    }
}
