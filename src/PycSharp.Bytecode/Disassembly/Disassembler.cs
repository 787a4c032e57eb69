using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text;
using PycSharp.Bytecode.Opcodes;
using PycSharp.Format;
using PycSharp.Format.Objects;
using PycSharp.Format.Text;

namespace PycSharp.Bytecode.Disassembly;

/// <summary>
/// The disassembler, in the three steps of Lib/dis.py: decode the raw instructions (EXTENDED_ARG, caches), resolve
/// each argument to argval/argrepr by the version's rules, then lay out the columns as that version's dis does.
/// </summary>
public sealed class Disassembler
{
    private const int OpnameWidth = 20;
    private const int OpargWidth = 5;

    private readonly OpcodeTable _table;
    private readonly DisDialect _dialect;
    private readonly HashProfile _build;
    private readonly bool _showOffsets;
    private readonly bool _showCaches;
    private readonly bool _showPositions;

    /// <param name="build">The CPython build to imitate (word size, hash(None)): frozensets print in its order.</param>
    /// <param name="showOffsets">dis's show_offsets (3.13+, where offsets are hidden by default).</param>
    /// <param name="showCaches">dis's show_caches (3.11+): the inline CACHE entries as instructions.</param>
    /// <param name="showPositions">dis's show_positions (3.14+): source positions instead of line numbers.</param>
    public Disassembler(PythonVersion version, HashProfile? build = null, bool showOffsets = false, bool showCaches = false,
        bool showPositions = false)
    {
        _showCaches = showCaches;
        _showPositions = showPositions;
        Version = version;
        _build = build ?? HashProfile.Default;
        _showOffsets = showOffsets;
        _table = OpcodeTables.For(version)
            ?? throw new NotSupportedException($"no opcode table for Python {version} (have: {string.Join(", ", OpcodeTables.Versions)})");
        _dialect = DisDialect.For(version);
    }

    public PythonVersion Version { get; }

    /// <summary>
    /// One decoded instruction as the formatter reads it: no argval object and no argrepr string, which are made
    /// only for <see cref="Instruction"/> records (dis of a whole standard library is 21 million instructions).
    /// </summary>
    private struct Row
    {
        public int Offset;
        public int StartOffset;
        public int Op;
        public int Size;
        public long? Arg;
        /// <summary>The jump target, computed once when decoding.</summary>
        public long? Target;
        public bool StartsLine;
        public int? LineNumber;
        public bool IsJumpTarget;
    }

    /// <summary>One code object decoded, in buffers that are reused for the next code object of the same call.</summary>
    private sealed class Listing
    {
        public Row[] Rows = new Row[256];
        public int Count;
        /// <summary>By offset, 0 to len(co_code): does something jump here?</summary>
        public bool[] IsTarget = new bool[512];
        public readonly List<(int Offset, int? Line)> LineStarts = [];
        public readonly List<long> Targets = [];
        /// <summary>3.13+: label numbers by offset, for the jump targets (and, in dis.dis, exception-table bounds).</summary>
        public readonly Dictionary<long, int> Labels = [];
        public readonly List<ExceptionTableEntry> Entries = [];
        /// <summary>A constant is often loaded many times; its repr is computed once per code object.</summary>
        public string?[] ConstReprs = new string?[64];
        public ImmutableArray<PyObject> Consts, Names, Locals, Cells;
        /// <summary>Text being laid out (handed to the writer in batches), or scratch space for one argrepr.</summary>
        public readonly StringBuilder Text = new(1 << 14);

        [ThreadStatic]
        private static Listing? t_spare;

        /// <summary>
        /// The calling thread's listing, if it is not in use, else a new one: its buffers (some 50 KB) are made once
        /// per thread, not once per file.
        /// </summary>
        public static Listing Rent()
        {
            var listing = t_spare ?? new Listing();
            t_spare = null;
            return listing;
        }

        public static void Return(Listing listing)
        {
            // A listing that grew for a huge code object is not kept.
            if (listing.Text.Capacity > 1 << 16 || listing.Rows.Length > 1 << 14)
                return;
            listing.Text.Clear();
            t_spare = listing;
        }

        public Span<Row> Span => Rows.AsSpan(0, Count);

        public ref Row Add()
        {
            if (Count == Rows.Length)
                Array.Resize(ref Rows, Rows.Length * 2);
            ref var row = ref Rows[Count++];
            row = default;
            return ref row;
        }
    }

    /// <summary>dis._unpack_opargs (and Python 2's inline decoding): offsets, opcodes, opargs and jump targets.</summary>
    private void Decode(ReadOnlySpan<byte> code, Listing listing)
    {
        listing.Count = 0;
        long extended = 0;
        int extendedArgStart = -1; // offset of the first of a run of EXTENDED_ARG prefixes
        int i = 0;
        while (i < code.Length)
        {
            int op = code[i];
            var info = _table.Info(op);
            long? oparg = null;
            int size, next;
            if (!_table.IsWordcode)
            {
                if (op >= _table.HaveArgument)
                {
                    int low = i + 1 < code.Length ? code[i + 1] : 0;
                    int high = i + 2 < code.Length ? code[i + 2] : 0;
                    long arg = (uint)(low | high << 8) | extended;
                    extended = op == _table.ExtendedArg ? arg << 16 : 0;
                    oparg = arg;
                    size = next = 3;
                }
                else
                    size = next = 1;
            }
            else
            {
                if (info.DisReadsArg)
                {
                    long arg = (uint)(i + 1 < code.Length ? code[i + 1] : 0) | extended;
                    extended = info.Deopt == _table.ExtendedArg ? unchecked(arg << 8) : 0;
                    // 3.11+ dis: "The oparg is stored as a signed integer"; past 2**31 it wraps negative.
                    if (_dialect.SignedOparg && extended >= 1L << 31)
                        extended -= 1L << 32;
                    oparg = arg;
                }
                else if (_dialect.ResetsExtendedArg)
                    extended = 0;
                next = 2 + 2 * info.Caches;
                size = Math.Min(next, code.Length - i);
            }
            ref var row = ref listing.Add();
            row.Offset = i;
            row.Op = op;
            row.Arg = oparg;
            row.Size = size;
            row.Target = JumpTarget(i, op, oparg);
            // dis.Instruction.start_offset: where the instruction's EXTENDED_ARG prefixes begin (3.13 _unpack_opargs).
            bool isExtendedArg = info.Deopt == _table.ExtendedArg;
            row.StartOffset = isExtendedArg || extendedArgStart < 0 ? i : extendedArgStart;
            extendedArgStart = isExtendedArg ? (extendedArgStart < 0 ? i : extendedArgStart) : -1;
            i += next;
        }
    }

    private long? JumpTarget(int offset, int op, long? oparg) =>
        oparg is { } arg ? _table.JumpTarget(offset, op, arg) : null;

    /// <summary>
    /// Decodes a code object into <paramref name="listing"/>: rows with their lines and jump targets, labels,
    /// and (for dis.dis) the exception table.
    /// </summary>
    private void Build(PyCode code, Listing listing, bool withExceptionTable)
    {
        Decode(code.Code.Span, listing);
        var rows = listing.Span;
        int length = code.Code.Length;

        // dict(findlinestarts(co)): a later pair for the same offset wins. Both run in offset order (line tables
        // only move forward), so one walk pairs them; a start inside an instruction is ignored, as in dis.
        var starts = listing.LineStarts;
        LineStarts.Find(code, _dialect, starts);
        int next = 0;
        int? currentLine = null;
        foreach (ref var r in rows)
        {
            while (next < starts.Count && starts[next].Offset < r.Offset)
                next++;
            bool startsLine = false;
            int? startLine = null;
            for (; next < starts.Count && starts[next].Offset == r.Offset; next++)
            {
                startsLine = true;
                startLine = starts[next].Line;
            }
            if (startsLine)
                currentLine = startLine;
            r.StartsLine = startsLine;
            // Before 3.13 dis knows a line only where one starts; from 3.13 every instruction carries it.
            r.LineNumber = _dialect.Labels ? currentLine : startLine;
        }

        if (listing.IsTarget.Length < length + 1)
            listing.IsTarget = new bool[Math.Max(length + 1, listing.IsTarget.Length * 2)];
        var isTarget = listing.IsTarget.AsSpan(0, length + 1);
        isTarget.Clear();
        var targets = listing.Targets;
        targets.Clear();
        foreach (ref var r in rows)
            if (r.Target is { } t)
                AddTarget(t, isTarget);
        listing.Entries.Clear();
        if (_dialect.ExceptionTable && withExceptionTable)
            ExceptionTableEntry.Parse(code, listing.Entries);
        foreach (var entry in listing.Entries)
        {
            // 3.11/3.12 mark handlers of non-empty ranges as jump targets; 3.13+ label start, end and handler.
            if (_dialect.Labels)
            {
                AddTarget(entry.Start, isTarget);
                AddTarget(entry.End, isTarget);
                AddTarget(entry.Target, isTarget);
            }
            else if (entry.End > entry.Start)
                AddTarget(entry.Target, isTarget);
        }
        foreach (ref var r in rows)
            r.IsJumpTarget = isTarget[r.Offset];
        // 3.13+ numbers labels in offset order (sorted(labels)), targets outside the code included.
        listing.Labels.Clear();
        if (_dialect.Labels)
        {
            targets.Sort();
            foreach (var t in targets)
                listing.Labels.TryAdd(t, listing.Labels.Count + 1);
        }

        listing.Consts = code.Consts.Items;
        listing.Names = code.Names.Items;
        listing.Locals = (code.LocalsPlusNames ?? code.VarNames)!.Items;
        listing.Cells = code.CellVars is { } cv ? cv.Items.AddRange(code.FreeVars!.Items) : code.LocalsPlusNames!.Items;
        if (listing.ConstReprs.Length < listing.Consts.Length)
            listing.ConstReprs = new string?[Math.Max(listing.Consts.Length, listing.ConstReprs.Length * 2)];
        Array.Clear(listing.ConstReprs);

        void AddTarget(long t, Span<bool> isTarget)
        {
            if (t >= 0 && t < isTarget.Length)
                isTarget[(int)t] = true;
            if (_dialect.Labels)
                targets.Add(t);
        }
    }

    /// <summary>
    /// The instructions of one code object (not of nested ones), as <c>dis.get_instructions</c> gives them: jump
    /// targets and labels come from the jumps only. (dis.dis also labels exception-table boundaries, and numbers
    /// its labels accordingly; get_instructions does not.)
    /// </summary>
    public List<Instruction> GetInstructions(PyCode code) => GetInstructions(code, new Listing());

    private List<Instruction> GetInstructions(PyCode code, Listing listing)
    {
        Build(code, listing, withExceptionTable: false);
        var result = new List<Instruction>(listing.Count);
        foreach (ref var r in listing.Span)
        {
            listing.Text.Clear();
            AppendArgRepr(listing.Text, r, listing);
            result.Add(new Instruction(
                OpName: _table.DisName(r.Op),
                Opcode: r.Op,
                Arg: r.Arg is { } a ? (int)Math.Clamp(a, int.MinValue, int.MaxValue) : null,
                ArgVal: ArgVal(r, listing),
                ArgRepr: listing.Text.ToString(),
                Offset: r.Offset,
                StartOffset: r.StartOffset,
                Size: r.Size,
                StartsLine: r.StartsLine,
                LineNumber: r.LineNumber,
                IsJumpTarget: r.IsJumpTarget,
                Label: listing.Labels.TryGetValue(r.Offset, out int label) ? label : null,
                JumpTarget: r.Target is { } t && t >= int.MinValue && t <= int.MaxValue ? (int)t : null));
        }
        return result;
    }

    /// <summary>The code object and every nested one, depth first, each with its instructions.</summary>
    public IEnumerable<(PyCode Code, List<Instruction> Instructions)> GetAllInstructions(PyCode code)
    {
        var listing = new Listing();
        return code.SelfAndNested().Select(c => (c, GetInstructions(c, listing)));
    }

    /// <summary>dis's argval: the constant, the name, the jump target, or the oparg itself; null if out of range.</summary>
    private PyObject? ArgVal(in Row r, Listing listing)
    {
        if (r.Arg is not { } arg)
            return null;
        var rule = _table.RuleOf(r.Op);
        switch (rule?.Source)
        {
            case null:
            case ArgSource.Empty:
                return SmallInt(arg);
            case ArgSource.Const:
                return Item(listing.Consts, arg);
            case ArgSource.Name:
            case ArgSource.Local:
            case ArgSource.Free:
                return Item(IndexedTable(rule.Source, listing), arg >> rule.Shift);
            case ArgSource.LocalPair:
                return Item(listing.Locals, arg >> 4) is { } first && Item(listing.Locals, arg & 15) is { } second
                    ? new PyTuple(first, second)
                    : null;
            case ArgSource.Jump:
                return new PyInt(r.Target!.Value);
            default:
                return SmallInt(arg);
        }
    }

    /// <summary>dis's argrepr, appended: exactly what it prints between the parentheses ("" for none).</summary>
    private void AppendArgRepr(StringBuilder sb, in Row r, Listing listing)
    {
        if (r.Arg is not { } arg)
            return;
        var rule = _table.RuleOf(r.Op);
        var invariant = CultureInfo.InvariantCulture;
        switch (rule?.Source)
        {
            case null:
            case ArgSource.Empty:
                return;
            case ArgSource.Const:
                if (Item(listing.Consts, arg) is { } constant)
                    sb.Append(ConstRepr(constant, listing, arg));
                else
                    sb.Append(invariant, $"<invalid const index {arg}>");
                return;
            case ArgSource.Name:
            case ArgSource.Local:
            case ArgSource.Free:
            {
                long index = arg >> rule.Shift;
                int low = (int)(arg & ((1 << rule.Shift) - 1));
                if (Item(IndexedTable(rule.Source, listing), index) is { } name)
                    AppendName(sb.Append(rule.Prefixes[low]), name).Append(rule.Suffixes[low]);
                else
                    sb.Append(invariant, $"<invalid {rule.Source.ToString().ToLowerInvariant()} index {index}>");
                return;
            }
            case ArgSource.LocalPair:
                if (Item(listing.Locals, arg >> 4) is { } first && Item(listing.Locals, arg & 15) is { } second)
                    AppendName(AppendName(sb, first).Append(", "), second);
                else
                    sb.Append(invariant, $"<invalid local index in {arg}>");
                return;
            case ArgSource.Jump:
            {
                long target = r.Target!.Value;
                sb.Append(rule.JumpWord).Append(' ');
                if (!rule.JumpLabel)
                    sb.Append(invariant, $"{target}");
                else if (listing.Labels.TryGetValue(target, out int label))
                    sb.Append(invariant, $"L{label}");
                else
                    sb.Append(invariant, $"<no label for offset {target}>");
                return;
            }
            default:
                if (arg >= 0 && arg < rule.Table.Length && rule.Table[(int)arg] is { } text)
                    sb.Append(text);
                else
                    sb.Append(invariant, $"<invalid argument {arg}>");
                return;
        }
    }

    private static ImmutableArray<PyObject> IndexedTable(ArgSource source, Listing listing) => source switch
    {
        ArgSource.Name => listing.Names,
        ArgSource.Local => listing.Locals,
        _ => listing.Cells,
    };

    private string ConstRepr(PyObject constant, Listing listing, long arg)
    {
        long index = arg < 0 ? arg + listing.Consts.Length : arg;
        return listing.ConstReprs[index] ??= PyRepr.Of(constant, Version, _build);
    }

    // argvals that are plain opargs: shared objects for the common small values instead of one per instruction.
    private static readonly PyInt[] s_smallInts = [.. Enumerable.Range(0, 256).Select(i => new PyInt(i))];

    private static PyInt SmallInt(long value) => value is >= 0 and < 256 ? s_smallInts[value] : new PyInt(value);

    /// <summary>Python's list[index]: a negative index counts from the end (an oparg wrapped negative in 3.11+).</summary>
    private static PyObject? Item(ImmutableArray<PyObject> items, long index)
    {
        if (index < 0)
            index += items.Length;
        return index >= 0 && index < items.Length ? items[(int)index] : null;
    }

    private static StringBuilder AppendName(StringBuilder sb, PyObject o) => o switch
    {
        PyString s => sb.Append(s.Value),
        PyBytes b => sb.Append(b.ToString()),
        _ => sb.Append(o.ToString()),
    };

    /// <summary>What <c>dis.dis(code)</c> prints for this version.</summary>
    public string Disassemble(PyCode code)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        Disassemble(code, writer);
        return writer.ToString();
    }

    /// <summary>
    /// Writes what <c>dis.dis(code)</c> prints, a few thousand characters at a time (output for a whole standard
    /// library is over a gigabyte: it is never held in memory at once).
    /// </summary>
    public void Disassemble(PyCode code, TextWriter output)
    {
        var listing = Listing.Rent();
        try
        {
            Disassemble(code, listing, output);
        }
        finally
        {
            Listing.Return(listing);
        }
    }

    private void Disassemble(PyCode code, Listing listing, TextWriter output)
    {
        if (_dialect.Labels)
            DisassembleWithLabels(code, listing, output);
        else
            DisassembleClassic(code, listing, output);
        Flush(listing.Text, output);
        if (!_dialect.Recursive)
            return;
        foreach (var c in code.Consts.Items)
        {
            if (c is not PyCode nested)
                continue;
            listing.Text.Append('\n').Append("Disassembly of ").Append(PyRepr.Of(nested, Version, _build)).Append(":\n");
            Disassemble(nested, listing, output);
        }
    }

    /// <summary>
    /// With show_caches, the CACHE entries after an instruction, one per code unit, field by field as
    /// opcode._cache_format lists them; the first unit of a field shows "field: value" where the version does.
    /// </summary>
    private IEnumerable<(int Offset, string ArgRepr)> CacheEntries(PyCode code, int op, int offset)
    {
        var info = _table.Info(op);
        if (info.Caches == 0 || !_table.CacheFormat.TryGetValue(_table.OpName(info.Deopt), out var fields))
            yield break;
        var bytes = code.Code;
        foreach (var (field, size) in fields)
        {
            for (int i = 0; i < size; i++)
            {
                offset += 2;
                string argrepr = "";
                if (i == 0 && _dialect.CacheArgrepr)
                {
                    // int.from_bytes(code[offset:offset + 2*size], sys.byteorder): little-endian, unsigned.
                    var value = BigInteger.Zero;
                    int end = Math.Min(offset + 2 * size, bytes.Length);
                    for (int k = end - 1; k >= offset; k--)
                        value = (value << 8) | bytes.Span[k];
                    argrepr = $"{field}: {value.ToString(CultureInfo.InvariantCulture)}";
                }
                yield return (offset, argrepr);
            }
        }
    }

    private Row CacheRow(int offset) => new() { Offset = offset, StartOffset = offset, Op = _table.Cache, Size = 2, Arg = 0 };


    private static int Width(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture).Length : 1;

    private static string Part(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "?";

    /// <summary>Hands the text laid out so far to the writer once there is enough of it (or at the end).</summary>
    private static void Flush(StringBuilder sb, TextWriter output, int atLeast = 0)
    {
        if (sb.Length < atLeast)
            return;
        foreach (var chunk in sb.GetChunks())
            output.Write(chunk.Span);
        sb.Clear();
    }

    private const int FlushSize = 1 << 13;

    /// <summary>Ends an instruction line; with <paramref name="trim"/>, as ' '.join(fields).rstrip() does.</summary>
    private static void EndLine(StringBuilder sb, int lineStart, bool trim)
    {
        if (trim)
        {
            int end = sb.Length;
            while (end > lineStart && sb[end - 1] == ' ')
                end--;
            sb.Length = end;
        }
        sb.Append('\n');
    }

    private static void AppendPadded(StringBuilder sb, long value, int width)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out int n, default, CultureInfo.InvariantCulture);
        AppendPadded(sb, digits[..n], width);
    }

    /// <summary>str.rjust.</summary>
    private static void AppendPadded(StringBuilder sb, ReadOnlySpan<char> text, int width)
    {
        if (text.Length < width)
            sb.Append(' ', width - text.Length);
        sb.Append(text);
    }

    /// <summary>str.ljust.</summary>
    private static void AppendPaddedRight(StringBuilder sb, string text, int width)
    {
        sb.Append(text);
        if (text.Length < width)
            sb.Append(' ', width - text.Length);
    }

    /// <summary>
    /// Appends " (argrepr)" when there is an argrepr (or always, for Python 2's arguments that have a rule); the
    /// argrepr of a CACHE entry is given.
    /// </summary>
    private void AppendParenthesizedArgRepr(StringBuilder sb, in Row r, Listing listing, string? cacheArgRepr, bool always)
    {
        int open = sb.Length;
        sb.Append(" (");
        if (cacheArgRepr is not null)
            sb.Append(cacheArgRepr);
        else
            AppendArgRepr(sb, r, listing);
        if (sb.Length == open + 2 && !always)
            sb.Length = open;
        else
            sb.Append(')');
    }

    private delegate void LineWriter(in Row row, string? cacheArgRepr);

    /// <summary>
    /// Lays out each instruction's line (and with show_caches its CACHE entries') and hands the text to the writer in
    /// batches; ends with the "ExceptionTable:" heading if there are entries, whose lines each layout writes.
    /// </summary>
    private void WriteLines(PyCode code, Listing listing, TextWriter output, LineWriter line)
    {
        foreach (ref var r in listing.Span)
        {
            line(r, null);
            if (_showCaches)
                foreach (var (offset, argrepr) in CacheEntries(code, r.Op, r.Offset))
                    line(CacheRow(offset), argrepr);
            Flush(listing.Text, output, FlushSize);
        }
        if (listing.Entries.Count > 0)
            listing.Text.Append("ExceptionTable:\n");
    }

    /// <summary>The layout of 2.7 and 3.0–3.12: line, current-instruction marker, ">>", offset, opname, oparg, argrepr.</summary>
    private void DisassembleClassic(PyCode code, Listing listing, TextWriter output)
    {
        Build(code, listing, withExceptionTable: true);
        var sb = listing.Text;
        bool anyStarts = false;
        int maxLine = 0;
        foreach (ref var r in listing.Span)
        {
            if (r.StartsLine)
            {
                anyStarts = true;
                maxLine = Math.Max(maxLine, r.LineNumber ?? 0);
            }
        }
        int linenoWidth = 3, offsetWidth = 4;
        if (_dialect.LinenoColumnOptional && !anyStarts)
            linenoWidth = 0;
        else if (_dialect.WideColumns)
        {
            if (maxLine >= 1000)
                linenoWidth = maxLine.ToString(CultureInfo.InvariantCulture).Length;
            int maxOffset = code.Code.Length - 2;
            if (maxOffset >= 10000)
                offsetWidth = maxOffset.ToString(CultureInfo.InvariantCulture).Length;
        }
        WriteLines(code, listing, output, Line);
        foreach (var e in listing.Entries)
            sb.Append(CultureInfo.InvariantCulture, $"  {e.Start} to {e.End - 2} -> {e.Target} [{e.Depth}]{(e.Lasti ? " lasti" : "")}\n");

        void Line(in Row r, string? cacheArgRepr)
        {
            if (linenoWidth > 0 && r.StartsLine && r.Offset > 0)
                sb.Append('\n');
            int lineStart = sb.Length;
            if (linenoWidth > 0)
            {
                if (r.StartsLine)
                    AppendPadded(sb, r.LineNumber ?? 0, linenoWidth);
                else
                    sb.Append(' ', linenoWidth);
                sb.Append(' ');
            }
            sb.Append("    ").Append(r.IsJumpTarget ? ">> " : "   ");
            AppendPadded(sb, r.Offset, offsetWidth);
            sb.Append(' ');
            AppendPaddedRight(sb, cacheArgRepr is null ? _table.DisName(r.Op) : "CACHE", OpnameWidth);
            if (r.Arg is { } arg)
            {
                sb.Append(' ');
                AppendPadded(sb, Math.Clamp(arg, int.MinValue, int.MaxValue), OpargWidth);
                // Python 2's disassemble() prints the parentheses for every const/name/local/… argument, even
                // around an empty name (IMPORT_NAME of a relative import); 3.x only for a non-empty argrepr.
                bool python2Parens = _dialect.Python2Layout && _table.RuleOf(r.Op) is { Source: not ArgSource.Empty };
                AppendParenthesizedArgRepr(sb, r, listing, cacheArgRepr, python2Parens);
            }
            // Python 2 printed fields with print statements and kept the padding of a bare opname.
            EndLine(sb, lineStart, trim: !_dialect.Python2Layout);
        }
    }

    /// <summary>The 3.13+ layout (Lib/dis.py Formatter): line, label, [offset,] marker, opname, oparg, argrepr.</summary>
    private void DisassembleWithLabels(PyCode code, Listing listing, TextWriter output)
    {
        Build(code, listing, withExceptionTable: true);
        var sb = listing.Text;
        var labels = listing.Labels;
        // _get_lineno_width: widest real line number (0 and None do not count), at least 3; 4 if "--" must fit.
        int maxLine = -1;
        bool noneStarts = false;
        foreach (ref var r in listing.Span)
        {
            if (r.StartsLine && r.LineNumber is > 0 and var n)
                maxLine = Math.Max(maxLine, n);
            noneStarts |= r.StartsLine && r.LineNumber is null;
        }
        int linenoWidth = maxLine == -1 ? 0 : Math.Max(3, maxLine.ToString(CultureInfo.InvariantCulture).Length);
        if (linenoWidth is > 0 and < 4 && noneStarts)
            linenoWidth = 4;
        // show_positions (3.14): co_positions() gives a position per code unit; the column is as wide as the widest.
        Positions[]? positions = null;
        int owner = 0; // offset of the instruction whose CACHE entries are being printed
        if (_showPositions)
        {
            positions = LocationTable.ByCodeUnit(code);
            bool hasValue = false;
            int valuesWidth = 0;
            foreach (var p in positions)
            {
                hasValue |= p.Line is not null || p.EndLine is not null || p.Column is not null || p.EndColumn is not null;
                valuesWidth = Math.Max(valuesWidth, Width(p.Line) + Width(p.EndLine) + Width(p.Column) + Width(p.EndColumn));
            }
            linenoWidth = hasValue ? 1 + Math.Max(4, 3 + valuesWidth) : 0;
        }
        int labelWidth = 4 + labels.Count.ToString(CultureInfo.InvariantCulture).Length;
        int offsetWidth = _showOffsets ? Math.Max(code.Code.Length - 2, 9999).ToString(CultureInfo.InvariantCulture).Length : 0;
        WriteLines(code, listing, output, Line);
        foreach (var e in listing.Entries)
            sb.Append(CultureInfo.InvariantCulture,
                $"  L{labels[e.Start]} to L{labels[e.End]} -> L{labels[e.Target]} [{e.Depth}]{(e.Lasti ? " lasti" : "")}\n");

        void Line(in Row r, string? cacheArgRepr)
        {
            if (linenoWidth > 0 && r.StartsLine && r.Offset > 0)
                sb.Append('\n');
            int lineStart = sb.Length;
            if (cacheArgRepr is null)
                owner = r.Offset;
            if (linenoWidth > 0 && positions is not null)
            {
                // A CACHE entry shows the position of the instruction it belongs to.
                var p = LocationTable.At(positions, cacheArgRepr is null ? r.Offset : owner);
                int start = sb.Length;
                if (p.Line is null && p.EndLine is null && p.Column is null && p.EndColumn is null)
                    sb.Append("  --");
                else
                    sb.Append(CultureInfo.InvariantCulture, $"{Part(p.Line)}:{Part(p.Column)}-{Part(p.EndLine)}:{Part(p.EndColumn)}");
                if (sb.Length - start < linenoWidth)
                    sb.Append(' ', linenoWidth - (sb.Length - start));
                sb.Append(' ');
            }
            else if (linenoWidth > 0)
            {
                if (!r.StartsLine)
                    sb.Append(' ', linenoWidth);
                else if (r.LineNumber is { } n)
                    AppendPadded(sb, n, linenoWidth);
                else
                    AppendPadded(sb, "  --", linenoWidth);
                sb.Append(' ');
            }
            if (cacheArgRepr is null && labels.TryGetValue(r.Offset, out int label))
            {
                Span<char> text = stackalloc char[16];
                text[0] = 'L';
                label.TryFormat(text[1..], out int n, default, CultureInfo.InvariantCulture);
                text[n + 1] = ':';
                AppendPadded(sb, text[..(n + 2)], labelWidth);
            }
            else
                sb.Append(' ', labelWidth);
            sb.Append(' ');
            if (offsetWidth > 0)
            {
                AppendPadded(sb, r.Offset, offsetWidth);
                sb.Append("   ");
            }
            sb.Append("    ");
            string opname = cacheArgRepr is null ? _table.DisName(r.Op) : "CACHE";
            AppendPaddedRight(sb, opname, OpnameWidth);
            if (r.Arg is { } arg)
            {
                // An opname longer than the column eats into the oparg's padding.
                int excess = Math.Max(0, opname.Length - OpnameWidth);
                sb.Append(' ');
                AppendPadded(sb, Math.Clamp(arg, int.MinValue, int.MaxValue), Math.Max(0, OpargWidth - excess));
                AppendParenthesizedArgRepr(sb, r, listing, cacheArgRepr, always: false);
            }
            EndLine(sb, lineStart, trim: true);
        }
    }
}
