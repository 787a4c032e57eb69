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
        var reader = new EntryReader(code);
        while (reader.Next(out int start, out int end, out var p))
            result.Add((start, end, p));
        return result;
    }

    /// <summary>co_positions(): one position per code unit, all unknown past the end of the location table.</summary>
    public static Positions[] ByCodeUnit(PyCode code)
    {
        var result = new Positions[(code.Code.Length + 1) / 2];
        var reader = new EntryReader(code);
        while (reader.Next(out int start, out int end, out var p))
            for (int unit = start / 2; unit < end / 2 && unit < result.Length; unit++)
                result[unit] = p;
        return result;
    }

    /// <summary>The position of the code unit at a byte offset of <see cref="ByCodeUnit"/>'s array; unknown past it.</summary>
    internal static Positions At(Positions[] byCodeUnit, int offset) =>
        offset / 2 < byCodeUnit.Length ? byCodeUnit[offset / 2] : default;

    /// <summary>co_lines(): (start, end, line) ranges, consecutive entries with the same line merged.</summary>
    public static List<(int Start, int End, int? Line)> Lines(PyCode code)
    {
        var result = new List<(int, int, int?)>();
        var reader = new EntryReader(code);
        int runStart = 0, runEnd = 0;
        int? runLine = null;
        bool inRun = false;
        while (reader.Next(out int start, out int end, out var p))
        {
            if (inRun && p.Line == runLine)
            {
                runEnd = end;
                continue;
            }
            if (inRun)
                result.Add((runStart, runEnd, runLine));
            (runStart, runEnd, runLine, inRun) = (start, end, p.Line, true);
        }
        if (inRun)
            result.Add((runStart, runEnd, runLine));
        return result;
    }

    /// <summary>Walks the table one entry at a time, without allocating.</summary>
    internal ref struct EntryReader(PyCode code)
    {
        private readonly ReadOnlySpan<byte> _t = code.LineTable.Span;
        private int _line = code.FirstLineNo;
        private int _offset;
        private int _i;

        public bool Next(out int start, out int end, out Positions p)
        {
            start = end = 0;
            p = default;
            if (_i >= _t.Length)
                return false;
            byte first = _t[_i++];
            if ((first & 0x80) == 0)
                return false; // not at an entry start: damaged table
            int kind = (first >> 3) & 15;
            int length = (first & 7) + 1;
            switch (kind)
            {
                case 15:
                    break;
                case 14:
                {
                    _line += ReadSigned(_t, ref _i);
                    int endLine = _line + ReadVarint(_t, ref _i);
                    int col = ReadVarint(_t, ref _i) - 1;
                    int endCol = ReadVarint(_t, ref _i) - 1;
                    p = new(_line, endLine, col < 0 ? null : col, endCol < 0 ? null : endCol);
                    break;
                }
                case 13:
                    _line += ReadSigned(_t, ref _i);
                    p = new(_line, _line, null, null);
                    break;
                case 10 or 11 or 12:
                {
                    _line += kind - 10;
                    int col = _i < _t.Length ? _t[_i++] : 0;
                    int endCol = _i < _t.Length ? _t[_i++] : 0;
                    p = new(_line, _line, col, endCol);
                    break;
                }
                default:
                {
                    int second = _i < _t.Length ? _t[_i++] : 0;
                    int col = kind * 8 + ((second >> 4) & 7);
                    p = new(_line, _line, col, col + (second & 15));
                    break;
                }
            }
            start = _offset;
            end = _offset += length * 2;
            return true;
        }
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
