using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Disassembly;

/// <summary>dis.findlinestarts for each line table encoding: (offset, line) where a new source line starts.</summary>
internal static class LineStarts
{
    /// <summary>
    /// (offset, line) pairs into <paramref name="result"/> (cleared first; the disassembler reuses one list for every
    /// code object); the line is null only in the 3.13+ form, where a range without a line counts.
    /// </summary>
    public static void Find(PyCode code, DisDialect dialect, List<(int Offset, int? Line)> result)
    {
        result.Clear();
        switch (dialect.LineTable)
        {
            case LineTableKind.LnotabUnsigned:
                FromLnotab(code, signed: false, stopPastEnd: false, result);
                break;
            case LineTableKind.LnotabSigned:
                FromLnotab(code, signed: true, stopPastEnd: dialect.StopsPastEnd, result);
                break;
            case LineTableKind.Linetable310:
            {
                var starts = new Changes(everyChange: false);
                foreach (var (start, _, line) in Lines310(code))
                    starts.Add(start, line, result);
                break;
            }
            default:
            {
                // Straight from the location table's entries: co_lines() merges neighbours with the same line, which
                // changes nothing here, since a start is only reported where the line changes.
                var starts = new Changes(everyChange: dialect.Labels);
                var reader = new LocationTable.EntryReader(code);
                while (reader.Next(out int start, out _, out var p))
                    starts.Add(start, p.Line, result);
                break;
            }
        }
    }

    /// <summary>
    /// findlinestarts from co_lines(): from 3.10, a start wherever the line differs from the last one reported
    /// (ranges without a line skipped); from 3.13 at every change of line, to and from None ("line is not lastline").
    /// </summary>
    private struct Changes(bool everyChange)
    {
        private bool _first = true;
        private int? _last;

        public void Add(int start, int? line, List<(int, int?)> result)
        {
            bool report = everyChange ? _first || line != _last : line is not null && line != _last;
            _first = false;
            if (report)
            {
                result.Add((start, line));
                _last = line;
            }
        }
    }

    /// <summary>Lib/dis.py findlinestarts up to 3.9 (byte and line increments in co_lnotab).</summary>
    private static void FromLnotab(PyCode code, bool signed, bool stopPastEnd, List<(int, int?)> result)
    {
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
                    return;
            }
            if (signed && lineIncr >= 0x80)
                lineIncr -= 0x100;
            line += lineIncr;
        }
        if (line != last)
            result.Add((addr, line));
    }

    /// <summary>3.10 co_lines(): each (start delta, line delta) pair is a range; empty ranges are skipped.</summary>
    internal static IEnumerable<(int Start, int End, int? Line)> Lines310(PyCode code)
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
}
