using PycSharp.Bytecode.Disassembly;
using PycSharp.Format;
using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Editing;

/// <summary>
/// Line tables between their encodings and per-instruction locations: co_lnotab (up to 3.9), the 3.10 co_linetable
/// and the 3.11+ location table, each written the way that version's compiler writes it.
/// </summary>
internal static class LineTables
{
    public static void Read(PyCode code, PythonVersion version, EditableCode into, int[] starts)
    {
        var instructions = into.Instructions;
        switch (DisDialect.For(version).LineTable)
        {
            case LineTableKind.Locations311:
                ReadLocations(code, instructions, starts);
                break;
            case LineTableKind.Linetable310:
                ReadLinetable310(code, instructions, starts);
                break;
            default:
                ReadLnotab(code, into, starts, signed: version.Major >= 3 && version.Minor >= 6);
                break;
        }
    }

    public static byte[] Write(EditableCode code, AssembledCode assembled)
    {
        var dialect = DisDialect.For(code.Version);
        return dialect.LineTable switch
        {
            LineTableKind.Locations311 => WriteLocations(code.FirstLineNo, code.Instructions, assembled.Sizes, dialect.LocationEntryPerInstruction),
            LineTableKind.Linetable310 => WriteLinetable310(code.FirstLineNo, code.Instructions, assembled.Starts, assembled.Sizes),
            LineTableKind.LnotabSigned => WriteLnotab(code, assembled, signed: true),
            _ => WriteLnotab(code, assembled, signed: false),
        };
    }

    // ---- 3.11+: Objects/locations.md; written as Python/compile.c (3.11) and Python/assemble.c (3.12+) do.

    private static void ReadLocations(PyCode code, List<EditableInstruction> instructions, int[] starts)
    {
        var byUnit = LocationTable.ByCodeUnit(code);
        for (int k = 0; k < instructions.Count; k++)
            instructions[k].Location = LocationTable.At(byUnit, starts[k]);
    }

    /// <summary>
    /// One entry per run of instructions with the same location (3.11: per instruction), cut into entries of at most
    /// 8 code units; the
    /// entry's form is the shortest that holds the location (short, one-line, no-column, long, or none).
    /// </summary>
    private static byte[] WriteLocations(int firstLineNo, List<EditableInstruction> instructions, int[] sizes, bool perInstruction)
    {
        var output = new List<byte>();
        int line = firstLineNo;
        int k = 0;
        while (k < instructions.Count)
        {
            var location = instructions[k].Location;
            int units = 0;
            do
                units += sizes[k++] / 2;
            while (!perInstruction && k < instructions.Count && instructions[k].Location == location);
            for (; units > 8; units -= 8)
                Entry(location, 8);
            if (units > 0)
                Entry(location, units);
        }
        return [.. output];

        void Entry(Positions p, int units)
        {
            if (p.Line is not { } lineNo)
            {
                First(15, units);
                return;
            }
            int lineDelta = lineNo - line;
            if (p.Column is not { } column || p.EndColumn is not { } endColumn)
            {
                if (p.EndLine == lineNo || p.EndLine is null)
                {
                    First(13, units);
                    Signed(lineDelta);
                    line = lineNo;
                    return;
                }
            }
            else if (p.EndLine == lineNo)
            {
                if (lineDelta == 0 && column < 80 && endColumn - column < 16 && endColumn >= column)
                {
                    First(column / 8, units);
                    output.Add((byte)((column % 8) << 4 | (endColumn - column)));
                    return;
                }
                if (lineDelta is >= 0 and < 3 && column < 128 && endColumn < 128)
                {
                    First(10 + lineDelta, units);
                    output.Add((byte)column);
                    output.Add((byte)endColumn);
                    line = lineNo;
                    return;
                }
            }
            First(14, units);
            Signed(lineDelta);
            Unsigned((p.EndLine ?? lineNo) - lineNo);
            Unsigned((p.Column ?? -1) + 1);
            Unsigned((p.EndColumn ?? -1) + 1);
            line = lineNo;
        }

        void First(int kind, int units) => output.Add((byte)(0x80 | kind << 3 | (units - 1)));

        // Little-endian 6-bit chunks, bit 6 set on all but the last.
        void Unsigned(int value)
        {
            uint v = unchecked((uint)value);
            while (v >= 64)
            {
                output.Add((byte)(0x40 | (v & 63)));
                v >>= 6;
            }
            output.Add((byte)v);
        }

        void Signed(int value) => Unsigned(value < 0 ? (-value) << 1 | 1 : value << 1);
    }

    // ---- 3.10: co_linetable, (byte increment, line increment) per range of instructions; -128: no line.

    private static void ReadLinetable310(PyCode code, List<EditableInstruction> instructions, int[] starts)
    {
        // Each instruction gets the line of the co_lines() range its start falls in (none: no line).
        using var ranges = LineStarts.Lines310(code).GetEnumerator();
        bool more = ranges.MoveNext();
        for (int k = 0; k < instructions.Count; k++)
        {
            while (more && ranges.Current.End <= starts[k])
                more = ranges.MoveNext();
            var line = more && ranges.Current.Start <= starts[k] ? ranges.Current.Line : null;
            instructions[k].Location = new Positions(line, null, null, null);
        }
    }

    /// <summary>
    /// Python/compile.c (3.10) assemble_line_range: a range ends where an instruction's line differs from the
    /// range's; its line increment goes first, split into steps of at most ±127 on zero-length pairs, then its
    /// length in pieces of at most 254 bytes (later pieces with increment 0, or -128 if it has no line).
    /// </summary>
    private static byte[] WriteLinetable310(int firstLineNo, List<EditableInstruction> instructions, int[] starts, int[] sizes)
    {
        var output = new List<byte>();
        int? rangeLine = firstLineNo;
        int previousLine = firstLineNo;
        int rangeStart = 0;
        for (int k = 0; k < instructions.Count; k++)
        {
            var lineK = instructions[k].Location.Line;
            if (lineK != rangeLine)
            {
                EndRange(starts[k]);
                rangeLine = lineK;
            }
        }
        EndRange(instructions.Count > 0 ? starts[^1] + sizes[^1] : 0);
        return [.. output];

        void EndRange(int at)
        {
            int bytes = at - rangeStart;
            if (bytes == 0)
                return;
            int delta;
            if (rangeLine is not { } l)
                delta = -128;
            else
            {
                delta = l - previousLine;
                previousLine = l;
                for (; delta > 127; delta -= 127)
                    Pair(0, 127);
                for (; delta < -127; delta += 127)
                    Pair(0, -127);
            }
            for (; bytes > 254; bytes -= 254)
            {
                Pair(254, delta);
                delta = rangeLine is null ? -128 : 0;
            }
            Pair(bytes, delta);
            rangeStart = at;
        }

        void Pair(int bytes, int lines)
        {
            output.Add((byte)bytes);
            output.Add(unchecked((byte)lines));
        }
    }

    // ---- up to 3.9: co_lnotab, (byte increment, line increment) pairs.

    private static void ReadLnotab(PyCode code, EditableCode into, int[] starts, bool signed)
    {
        var instructions = into.Instructions;
        var table = code.LineTable.Span;
        int line = code.FirstLineNo;
        int addr = 0;
        int pair = 0;
        for (int k = 0; k < instructions.Count; k++)
        {
            // The pairs that end before the next instruction starts belong to this one.
            int next = k + 1 < instructions.Count ? starts[k + 1] : int.MaxValue;
            List<(int, int)>? entries = null;
            int lineHere = line;
            for (; pair + 1 < table.Length && addr + table[pair] < next && (k + 1 < instructions.Count || addr + table[pair] <= starts[k]); pair += 2)
            {
                int delta = signed ? (sbyte)table[pair + 1] : table[pair + 1];
                addr += table[pair];
                line += delta;
                // dis gives an instruction the line of the entries at or before its start.
                if (addr <= starts[k])
                    lineHere = line;
                (entries ??= []).Add((table[pair], delta));
            }
            instructions[k].LineEntries = entries?.ToArray();
            instructions[k].Location = new Positions(lineHere, null, null, null);
        }
        for (; pair + 1 < table.Length; pair += 2)
            into.TrailingLineEntries.Add((table[pair], signed ? (sbyte)table[pair + 1] : table[pair + 1]));
    }

    /// <summary>
    /// Python/compile.c assemble_lnotab: an entry where an instruction's line differs from the last one written;
    /// byte increments over 255 first go out as (255, 0) pairs, then line increments out of range as pairs of the
    /// largest step, the first carrying what is left of the byte increment. Entries read with the instruction are
    /// written back as they were while they still fit.
    /// </summary>
    private static byte[] WriteLnotab(EditableCode code, AssembledCode assembled, bool signed)
    {
        var starts = assembled.Starts;
        var output = new List<byte>();
        var instructions = code.Instructions;
        int line = code.FirstLineNo;
        int lastAddr = 0;
        for (int k = 0; k < instructions.Count; k++)
        {
            var ins = instructions[k];
            if (ins.Location.Line is not { } lineNo)
                continue;
            int gap = starts[k] - lastAddr;
            if (ins.LineEntries is { Length: > 0 } entries && Fits(entries, gap, assembled.Sizes[k], lineNo - line, out int bytes, out int lines))
            {
                foreach (var (b, l) in entries)
                    Pair(b, l);
                line += lines;
                lastAddr += bytes;
                continue;
            }
            if (lineNo == line && ins.LineEntries is not { Length: > 0 })
                continue;
            int dBytes = gap;
            int dLine = lineNo - line;
            for (; dBytes > 255; dBytes -= 255)
                Pair(255, 0);
            int max = signed ? 127 : 255;
            int min = signed ? -128 : 0;
            while (dLine > max || dLine < min)
            {
                int step = dLine > 0 ? max : min;
                Pair(dBytes, step);
                dBytes = 0;
                dLine -= step;
            }
            Pair(dBytes, dLine);
            line = lineNo;
            lastAddr = starts[k];
        }
        foreach (var (b, l) in code.TrailingLineEntries)
            Pair(b, l);
        return [.. output];

        void Pair(int bytes, int lines)
        {
            output.Add((byte)bytes);
            output.Add(unchecked((byte)lines));
        }
    }

    /// <summary>
    /// Do the entries read with an instruction still describe it: do they reach where it starts now, or into it but
    /// not past it (an entry can point at the opcode after an EXTENDED_ARG prefix), and give it its line?
    /// </summary>
    private static bool Fits((int Bytes, int Lines)[] entries, int gap, int size, int lineDelta, out int bytes, out int lines)
    {
        bytes = lines = 0;
        int linesAtStart = 0;
        foreach (var (b, l) in entries)
        {
            bytes += b;
            lines += l;
            if (bytes <= gap)
                linesAtStart = lines;
        }
        return bytes >= gap && bytes < gap + size && linesAtStart == lineDelta;
    }
}
