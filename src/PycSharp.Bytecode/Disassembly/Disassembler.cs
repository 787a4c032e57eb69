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
    private readonly int _jumpUnit;
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
        // Absolute jumps count in the same unit as relative ones: bytes up to 3.9, instructions from 3.10.
        _jumpUnit = _table.Rules.FirstOrDefault(r => r.Source == ArgSource.Jump)?.Slope is { } s and not 0 ? Math.Abs(s) : 1;
    }

    public PythonVersion Version { get; }

    /// <summary>A decoded instruction; <see cref="Target"/> is its jump target, computed once when decoding.</summary>
    private readonly record struct Raw(int Offset, int Op, long? Arg, int Size, long? Target);

    /// <summary>dis._unpack_opargs (and Python 2's inline decoding): offsets, opcodes and opargs.</summary>
    private List<Raw> Decode(ReadOnlySpan<byte> code)
    {
        var result = new List<Raw>(code.Length / 2);
        long extended = 0;
        int i = 0;
        while (i < code.Length)
        {
            int op = code[i];
            var info = _table.Info(op);
            if (!_table.IsWordcode)
            {
                if (op >= _table.HaveArgument)
                {
                    int low = i + 1 < code.Length ? code[i + 1] : 0;
                    int high = i + 2 < code.Length ? code[i + 2] : 0;
                    long arg = (uint)(low | high << 8) | extended;
                    extended = op == _table.ExtendedArg ? arg << 16 : 0;
                    result.Add(new(i, op, arg, 3, JumpTarget(i, op, arg)));
                    i += 3;
                }
                else
                {
                    result.Add(new(i, op, null, 1, null));
                    i += 1;
                }
                continue;
            }
            long? oparg = null;
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
            int size = 2 + 2 * info.Caches;
            result.Add(new(i, op, oparg, Math.Min(size, code.Length - i), JumpTarget(i, op, oparg)));
            i += size;
        }
        return result;
    }

    private long? JumpTarget(int offset, int op, long? oparg)
    {
        if (oparg is not { } arg)
            return null;
        var info = _table.Info(op);
        var rule = info.Rule >= 0 ? _table.Rules[info.Rule] : null;
        bool absolute = _table.Has(info.Deopt, OpcodeSets.HasJabs);
        if (rule is { Source: ArgSource.Jump })
            return (absolute ? 0 : offset) + rule.Base + rule.Slope * arg;
        if (absolute)
            return arg * _jumpUnit;
        return null;
    }

    /// <summary>
    /// The instructions of one code object (not of nested ones), as <c>dis.get_instructions</c> gives them: jump
    /// targets and labels come from the jumps only. (dis.dis also labels exception-table boundaries, and numbers
    /// its labels accordingly; get_instructions does not.)
    /// </summary>
    public List<Instruction> GetInstructions(PyCode code) => GetInstructions(code, withExceptionTable: false, out _, out _);

    private List<Instruction> GetInstructions(PyCode code, bool withExceptionTable, out Dictionary<long, int> labels,
        out List<ExceptionTableEntry> exceptionEntries)
    {
        var raws = Decode(code.Code.Span);
        int length = code.Code.Length;
        // dict(findlinestarts(co)): a later pair for the same offset wins. Arrays by offset: this is the hot path.
        var startsLine = new bool[length + 1];
        var startLines = new int?[length + 1];
        foreach (var (offset, line) in LineStarts.Find(code, _dialect))
        {
            if ((uint)offset <= (uint)length)
            {
                startsLine[offset] = true;
                startLines[offset] = line;
            }
        }

        var targets = new HashSet<long>();
        var isTarget = new bool[length + 1];
        void AddTarget(long t)
        {
            if (targets.Add(t) && t >= 0 && t <= length)
                isTarget[t] = true;
        }
        foreach (var r in raws)
            if (r.Target is { } t)
                AddTarget(t);
        exceptionEntries = _dialect.ExceptionTable && withExceptionTable ? ExceptionTableEntry.Parse(code) : [];
        foreach (var entry in exceptionEntries)
        {
            // 3.11/3.12 mark handlers of non-empty ranges as jump targets; 3.13+ label start, end and handler.
            if (_dialect.Labels)
            {
                AddTarget(entry.Start);
                AddTarget(entry.End);
                AddTarget(entry.Target);
            }
            else if (entry.End > entry.Start)
                AddTarget(entry.Target);
        }
        labels = [];
        if (_dialect.Labels)
            foreach (var t in targets.Order())
                labels[t] = labels.Count + 1;

        var consts = code.Consts.Items;
        var names = code.Names.Items;
        var locals = (code.LocalsPlusNames ?? code.VarNames)!.Items;
        var cells = code.CellVars is { } cv ? cv.Items.AddRange(code.FreeVars!.Items) : code.LocalsPlusNames!.Items;

        var result = new List<Instruction>(raws.Count);
        // A constant is often loaded many times; its repr is computed once per code object.
        var constReprs = new string?[consts.Length];
        int? currentLine = null;
        int extendedArgStart = -1; // offset of the first of a run of EXTENDED_ARG prefixes
        foreach (var r in raws)
        {
            // dis.Instruction.start_offset: where the instruction's EXTENDED_ARG prefixes begin (3.13 _unpack_opargs).
            bool isExtendedArg = _table.Info(r.Op).Deopt == _table.ExtendedArg;
            int startOffset = isExtendedArg || extendedArgStart < 0 ? r.Offset : extendedArgStart;
            extendedArgStart = isExtendedArg ? (extendedArgStart < 0 ? r.Offset : extendedArgStart) : -1;
            var (argval, argrepr) = Resolve(r, consts, names, locals, cells, labels, constReprs);
            bool starts = startsLine[r.Offset];
            var startLine = startLines[r.Offset];
            if (starts)
                currentLine = startLine;
            var target = r.Target;
            result.Add(new Instruction(
                OpName: _table.DisName(r.Op),
                Opcode: r.Op,
                Arg: r.Arg is { } a ? (int)Math.Clamp(a, int.MinValue, int.MaxValue) : null,
                ArgVal: argval,
                ArgRepr: argrepr,
                Offset: r.Offset,
                StartOffset: startOffset,
                Size: r.Size,
                StartsLine: starts,
                // Before 3.13 dis knows a line only where one starts; from 3.13 every instruction carries it.
                LineNumber: _dialect.Labels ? currentLine : starts ? startLine : null,
                IsJumpTarget: isTarget[r.Offset],
                Label: labels.Count > 0 && labels.TryGetValue(r.Offset, out int label) ? label : null,
                JumpTarget: target is { } t && t >= int.MinValue && t <= int.MaxValue ? (int)t : null));
        }
        return result;
    }

    private (PyObject? ArgVal, string ArgRepr) Resolve(Raw r, System.Collections.Immutable.ImmutableArray<PyObject> consts,
        System.Collections.Immutable.ImmutableArray<PyObject> names, System.Collections.Immutable.ImmutableArray<PyObject> locals,
        System.Collections.Immutable.ImmutableArray<PyObject> cells, Dictionary<long, int> labels, string?[] constReprs)
    {
        if (r.Arg is not { } arg)
            return (null, "");
        var rule = _table.RuleOf(r.Op);
        switch (rule?.Source)
        {
            case null:
            case ArgSource.Empty:
                return (SmallInt(arg), "");
            case ArgSource.Const:
                return Item(consts, arg) is { } constant
                    ? (constant, ConstRepr(constant, constReprs, arg))
                    : (null, $"<invalid const index {arg}>");
            case ArgSource.Name:
            case ArgSource.Local:
            case ArgSource.Free:
            {
                var table = rule.Source switch { ArgSource.Name => names, ArgSource.Local => locals, _ => cells };
                long index = arg >> rule.Shift;
                int low = (int)(arg & ((1 << rule.Shift) - 1));
                if (Item(table, index) is not { } name)
                    return (null, $"<invalid {rule.Source.ToString().ToLowerInvariant()} index {index}>");
                return (name, rule.Prefixes[low] + NameText(name) + rule.Suffixes[low]);
            }
            case ArgSource.LocalPair:
            {
                if (Item(locals, arg >> 4) is not { } first || Item(locals, arg & 15) is not { } second)
                    return (null, $"<invalid local index in {arg}>");
                return (new PyTuple(first, second), NameText(first) + ", " + NameText(second));
            }
            case ArgSource.Jump:
            {
                var target = r.Target!.Value;
                if (!rule.JumpLabel)
                    return (new PyInt(target), $"{rule.JumpWord} {target.ToString(CultureInfo.InvariantCulture)}");
                return labels.TryGetValue(target, out int label)
                    ? (new PyInt(target), $"{rule.JumpWord} L{label.ToString(CultureInfo.InvariantCulture)}")
                    : (new PyInt(target), $"{rule.JumpWord} <no label for offset {target}>");
            }
            default:
                return arg >= 0 && arg < rule.Table.Length && rule.Table[(int)arg] is { } text
                    ? (SmallInt(arg), text)
                    : (SmallInt(arg), $"<invalid argument {arg}>");
        }
    }

    private string ConstRepr(PyObject constant, string?[] cache, long arg)
    {
        long index = arg < 0 ? arg + cache.Length : arg;
        return cache[index] ??= PyRepr.Of(constant, Version, _build);
    }

    // argvals that are plain opargs: shared objects for the common small values instead of one per instruction.
    private static readonly PyInt[] s_smallInts = [.. Enumerable.Range(0, 256).Select(i => new PyInt(i))];

    private static PyInt SmallInt(long value) => value is >= 0 and < 256 ? s_smallInts[value] : new PyInt(value);

    /// <summary>Python's list[index]: a negative index counts from the end (an oparg wrapped negative in 3.11+).</summary>
    private static PyObject? Item(System.Collections.Immutable.ImmutableArray<PyObject> items, long index)
    {
        if (index < 0)
            index += items.Length;
        return index >= 0 && index < items.Length ? items[(int)index] : null;
    }

    private static string NameText(PyObject o) => o switch
    {
        PyString s => s.Value,
        PyBytes b => b.ToString(),
        _ => o.ToString() ?? "",
    };

    /// <summary>The code object and every nested one, depth first, each with its instructions.</summary>
    public IEnumerable<(PyCode Code, List<Instruction> Instructions)> GetAllInstructions(PyCode code) =>
        code.SelfAndNested().Select(c => (c, GetInstructions(c)));

    /// <summary>What <c>dis.dis(code)</c> prints for this version.</summary>
    public string Disassemble(PyCode code)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture);
        Disassemble(code, writer);
        return writer.ToString();
    }

    /// <summary>
    /// Writes what <c>dis.dis(code)</c> prints, one code object at a time (output for a whole standard library is
    /// over a gigabyte: it is never held in memory at once).
    /// </summary>
    public void Disassemble(PyCode code, TextWriter output)
    {
        var sb = new StringBuilder();
        Disassemble(code, sb, output);
    }

    private void Disassemble(PyCode code, StringBuilder sb, TextWriter output)
    {
        DisassembleOne(code, sb);
        Flush(sb, output);
        if (!_dialect.Recursive)
            return;
        foreach (var c in code.Consts.Items)
        {
            if (c is not PyCode nested)
                continue;
            sb.Append('\n');
            sb.Append("Disassembly of ").Append(PyRepr.Of(nested, Version, _build)).Append(":\n");
            Disassemble(nested, sb, output);
        }
    }

    /// <summary>
    /// With show_caches, the CACHE entries after an instruction, one per code unit, field by field as
    /// opcode._cache_format lists them; the first unit of a field shows "field: value" where the version does.
    /// </summary>
    private IEnumerable<Instruction> CacheEntries(PyCode code, Instruction ins)
    {
        if (!_showCaches)
            yield break;
        var info = _table.Info(ins.Opcode);
        if (info.Caches == 0 || !_table.CacheFormat.TryGetValue(_table.OpName(info.Deopt), out var fields))
            yield break;
        var bytes = code.Code.Value;
        int offset = ins.Offset;
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
                yield return new Instruction("CACHE", _table.Cache, 0, SmallInt(0), argrepr, offset, offset, 2,
                    StartsLine: false, LineNumber: null, IsJumpTarget: false, Label: null, JumpTarget: null);
            }
        }
    }

    /// <summary>co_positions(): one position per code unit, all unknown past the end of the location table.</summary>
    private static Positions[] PositionsByCodeUnit(PyCode code)
    {
        var result = new Positions[(code.Code.Length + 1) / 2];
        foreach (var (start, end, p) in LocationTable.Entries(code))
            for (int unit = start / 2; unit < end / 2 && unit < result.Length; unit++)
                result[unit] = p;
        return result;
    }

    private static Positions PositionAt(Positions[] positions, int offset) =>
        offset / 2 < positions.Length ? positions[offset / 2] : default;

    private static int Width(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture).Length : 1;

    private static string Part(int? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "?";

    private static void Flush(StringBuilder sb, TextWriter output)
    {
        foreach (var chunk in sb.GetChunks())
            output.Write(chunk.Span);
        sb.Clear();
    }

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

    private static void AppendPadded(StringBuilder sb, int value, int width)
    {
        Span<char> digits = stackalloc char[12];
        value.TryFormat(digits, out int n, default, CultureInfo.InvariantCulture);
        if (n < width)
            sb.Append(' ', width - n);
        sb.Append(digits[..n]);
    }

    private static void AppendPaddedRight(StringBuilder sb, string text, int width)
    {
        sb.Append(text);
        if (text.Length < width)
            sb.Append(' ', width - text.Length);
    }

    private void DisassembleOne(PyCode code, StringBuilder sb)
    {
        if (_dialect.Labels)
        {
            DisassembleWithLabels(code, sb);
            return;
        }
        var instructions = GetInstructions(code, withExceptionTable: true, out _, out var entries);
        int linenoWidth = 3, offsetWidth = 4;
        bool showLineno = !_dialect.LinenoColumnOptional || instructions.Any(i => i.StartsLine);
        if (!showLineno)
            linenoWidth = 0;
        else if (_dialect.WideColumns)
        {
            int maxLine = instructions.Where(i => i.StartsLine).Select(i => i.LineNumber ?? 0).DefaultIfEmpty(0).Max();
            if (maxLine >= 1000)
                linenoWidth = maxLine.ToString(CultureInfo.InvariantCulture).Length;
            int maxOffset = code.Code.Length - 2;
            if (maxOffset >= 10000)
                offsetWidth = maxOffset.ToString(CultureInfo.InvariantCulture).Length;
        }
        void Line(Instruction ins)
        {
            if (showLineno && ins.StartsLine && ins.Offset > 0)
                sb.Append('\n');
            int lineStart = sb.Length;
            if (showLineno)
            {
                if (ins.StartsLine)
                    AppendPadded(sb, ins.LineNumber ?? 0, linenoWidth);
                else
                    sb.Append(' ', linenoWidth);
                sb.Append(' ');
            }
            sb.Append("   ").Append(' ');
            sb.Append(ins.IsJumpTarget ? ">>" : "  ").Append(' ');
            AppendPadded(sb, ins.Offset, offsetWidth);
            sb.Append(' ');
            AppendPaddedRight(sb, ins.OpName, OpnameWidth);
            if (ins.Arg is { } arg)
            {
                sb.Append(' ');
                AppendPadded(sb, arg, OpargWidth);
                // Python 2's disassemble() prints the parentheses for every const/name/local/… argument, even
                // around an empty name (IMPORT_NAME of a relative import); 3.x only for a non-empty argrepr.
                bool python2Parens = _dialect.Python2Layout && _table.RuleOf(ins.Opcode) is { Source: not ArgSource.Empty };
                if (ins.ArgRepr.Length > 0 || python2Parens)
                    sb.Append(" (").Append(ins.ArgRepr).Append(')');
            }
            // Python 2 printed fields with print statements and kept the padding of a bare opname.
            EndLine(sb, lineStart, trim: !_dialect.Python2Layout);
        }
        foreach (var ins in instructions)
        {
            Line(ins);
            foreach (var cache in CacheEntries(code, ins))
                Line(cache);
        }
        if (entries.Count > 0)
        {
            sb.Append("ExceptionTable:\n");
            foreach (var e in entries)
                sb.Append(CultureInfo.InvariantCulture, $"  {e.Start} to {e.End - 2} -> {e.Target} [{e.Depth}]{(e.Lasti ? " lasti" : "")}\n");
        }
    }

    /// <summary>The 3.13+ layout (Lib/dis.py Formatter): line, label, [offset,] marker, opname, oparg, argrepr.</summary>
    private void DisassembleWithLabels(PyCode code, StringBuilder sb)
    {
        var instructions = GetInstructions(code, withExceptionTable: true, out var labels, out var entries);
        // _get_lineno_width: widest real line number (0 and None do not count), at least 3; 4 if "--" must fit.
        int maxLine = instructions.Where(i => i.StartsLine && i.LineNumber is > 0).Select(i => i.LineNumber!.Value).DefaultIfEmpty(-1).Max();
        int linenoWidth = maxLine == -1 ? 0 : Math.Max(3, maxLine.ToString(CultureInfo.InvariantCulture).Length);
        if (linenoWidth is > 0 and < 4 && instructions.Any(i => i.StartsLine && i.LineNumber is null))
            linenoWidth = 4;
        // show_positions (3.14): co_positions() gives a position per code unit; the column is as wide as the widest.
        Positions[]? positions = null;
        int owner = 0; // offset of the instruction whose CACHE entries are being printed
        if (_showPositions)
        {
            positions = PositionsByCodeUnit(code);
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
        void Line(Instruction ins)
        {
            if (linenoWidth > 0 && ins.StartsLine && ins.Offset > 0)
                sb.Append('\n');
            int lineStart = sb.Length;
            if (linenoWidth > 0 && positions is not null)
            {
                // A CACHE entry shows the position of the instruction it belongs to.
                var p = PositionAt(positions, ins.OpName == "CACHE" ? owner : ins.Offset);
                var text = p.Line is null && p.EndLine is null && p.Column is null && p.EndColumn is null
                    ? "  --"
                    : $"{Part(p.Line)}:{Part(p.Column)}-{Part(p.EndLine)}:{Part(p.EndColumn)}";
                AppendPaddedRight(sb, text, linenoWidth);
                sb.Append(' ');
            }
            else if (linenoWidth > 0)
            {
                if (ins.StartsLine)
                    sb.Append((ins.LineNumber is { } n ? n.ToString(CultureInfo.InvariantCulture) : "  --").PadLeft(linenoWidth));
                else
                    sb.Append(' ', linenoWidth);
                sb.Append(' ');
            }
            sb.Append((ins.Label is { } label ? $"L{label.ToString(CultureInfo.InvariantCulture)}:" : "").PadLeft(labelWidth)).Append(' ');
            if (offsetWidth > 0)
            {
                AppendPadded(sb, ins.Offset, offsetWidth);
                sb.Append("  ").Append(' ');
            }
            sb.Append("   ").Append(' ');
            AppendPaddedRight(sb, ins.OpName, OpnameWidth);
            if (ins.Arg is { } arg)
            {
                // An opname longer than the column eats into the oparg's padding.
                int excess = Math.Max(0, ins.OpName.Length - OpnameWidth);
                sb.Append(' ');
                AppendPadded(sb, arg, Math.Max(0, OpargWidth - excess));
                if (ins.ArgRepr.Length > 0)
                    sb.Append(" (").Append(ins.ArgRepr).Append(')');
            }
            EndLine(sb, lineStart, trim: true);
        }
        foreach (var ins in instructions)
        {
            owner = ins.Offset;
            Line(ins);
            foreach (var cache in CacheEntries(code, ins))
                Line(cache);
        }
        if (entries.Count > 0)
        {
            sb.Append("ExceptionTable:\n");
            foreach (var e in entries)
                sb.Append(CultureInfo.InvariantCulture,
                    $"  L{labels[e.Start]} to L{labels[e.End]} -> L{labels[e.Target]} [{e.Depth}]{(e.Lasti ? " lasti" : "")}\n");
        }
    }
}
