using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Disassembly;

/// <summary>dis.findlinestarts for each line table encoding: (offset, line) where a new source line starts.</summary>
internal static class LineStarts
{
    /// <summary>(offset, line) pairs; the line is null only in the 3.13+ form, where a range without a line counts.</summary>
    public static List<(int Offset, int? Line)> Find(PyCode code, DisDialect dialect) => dialect.LineTable switch
    {
        LineTableKind.LnotabUnsigned => FromLnotab(code, signed: false, stopPastEnd: false),
        LineTableKind.LnotabSigned => FromLnotab(code, signed: true, stopPastEnd: dialect.StopsPastEnd),
        LineTableKind.Linetable310 => FromLines(Lines310(code)),
        _ when dialect.Labels => EveryChange(LocationTable.Lines(code)),
        _ => FromLines(LocationTable.Lines(code)),
    };

    /// <summary>3.13+ findlinestarts: a start at every change of line, None included ("line is not lastline").</summary>
    private static List<(int, int?)> EveryChange(IEnumerable<(int Start, int End, int? Line)> lines)
    {
        var result = new List<(int, int?)>();
        bool first = true;
        int? last = null;
        foreach (var (start, _, line) in lines)
        {
            if (first || line != last)
            {
                result.Add((start, line));
                last = line;
                first = false;
            }
        }
        return result;
    }

    /// <summary>Lib/dis.py findlinestarts up to 3.9 (byte and line increments in co_lnotab).</summary>
    private static List<(int, int?)> FromLnotab(PyCode code, bool signed, bool stopPastEnd)
    {
        var result = new List<(int, int?)>();
        var table = code.LineTable.Span;
        int? last = null;
        int line = code.FirstLineNo;
        int addr = 0;
        int length = code.Code.Length;
        for (int i = 0; i + 1 < table.Length; i += 2)
        {
            int byteIncr = table[i];
            int lineIncr = table[i + 1];
            if (byteIncr != 0)
            {
                if (line != last)
                {
                    result.Add((addr, line));
                    last = line;
                }
                addr += byteIncr;
                if (stopPastEnd && addr >= length)
                    return result;
            }
            if (signed && lineIncr >= 0x80)
                lineIncr -= 0x100;
            line += lineIncr;
        }
        if (line != last)
            result.Add((addr, line));
        return result;
    }

    /// <summary>3.10 co_lines(): each (start delta, line delta) pair is a range; empty ranges are skipped.</summary>
    private static IEnumerable<(int Start, int End, int? Line)> Lines310(PyCode code)
    {
        var table = code.LineTable.Value;
        int end = 0;
        int line = code.FirstLineNo;
        int i = 0;
        while (i + 1 < table.Length)
        {
            // PyLineTable_NextAddressRange (Objects/codeobject.c of 3.10): advance past empty ranges.
            int start, delta;
            int? rangeLine;
            do
            {
                start = end;
                delta = table.Span[i];
                sbyte ldelta = (sbyte)table.Span[i + 1];
                i += 2;
                end += delta;
                if (ldelta == -128)
                    rangeLine = null;
                else
                {
                    line += ldelta;
                    rangeLine = line;
                }
            } while (start == end && i + 1 < table.Length);
            if (start == end)
                yield break;
            yield return (start, end, rangeLine);
        }
    }

    /// <summary>findlinestarts from 3.10: a start wherever co_lines() gives a line different from the last one.</summary>
    private static List<(int, int?)> FromLines(IEnumerable<(int Start, int End, int? Line)> lines)
    {
        var result = new List<(int, int?)>();
        int? last = null;
        foreach (var (start, _, line) in lines)
        {
            if (line is { } l && l != last)
            {
                last = l;
                result.Add((start, l));
            }
        }
        return result;
    }
}
