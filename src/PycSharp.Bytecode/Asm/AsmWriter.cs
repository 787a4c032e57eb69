using System.Globalization;
using System.Text;
using PycSharp.Bytecode.Disassembly;
using PycSharp.Bytecode.Editing;
using PycSharp.Bytecode.Opcodes;
using PycSharp.Format;
using PycSharp.Format.Marshal;
using PycSharp.Format.Objects;
using PycSharp.Format.Pyc;

namespace PycSharp.Bytecode.Asm;

/// <summary>
/// Writes a .pyc as .pyasm text (docs/pyasm.md): the header, then each code object as a block of attributes,
/// constants (nested code objects inline), instructions with labels and source locations, and exception regions.
/// <see cref="AsmReader"/> reads it back.
/// </summary>
public static class AsmWriter
{
    public static string Write(PycFile file)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $".python {file.Version}\n");
        if (file.Header is { } header)
            sb.Append(".header ").Append(Convert.ToHexString(header.Bytes.AsSpan()).ToLowerInvariant()).Append('\n');
        if (file.Trailing.Length > 0)
            sb.Append(".trailing ").Append(Convert.ToHexString(file.Trailing.AsSpan()).ToLowerInvariant()).Append('\n');
        var code = file.Code ?? throw new EditException($"the file holds a {file.Object.TypeName}, not a code object");
        WriteCode(sb, code, file.Version, "", MarshalForm.Describe(code, file.Format));
        return sb.ToString();
    }

    private static void WriteCode(StringBuilder sb, PyCode code, PythonVersion version, string indent, Dictionary<PyCode, string> forms)
    {
        var e = EditableCode.Load(code, version);
        var table = e.Table;
        string inner = indent + "  ";
        sb.Append(indent).Append(".code\n");
        void Attr(string name, string value) => sb.Append(inner).Append(name).Append(' ').Append(value).Append('\n');
        string Lit(PyObject o) => ConstText.Of(o, version);
        string Int(int v) => v.ToString(CultureInfo.InvariantCulture);

        Attr("name", Lit(code.Name));
        if (code.QualName is { } q)
            Attr("qualname", Lit(q));
        Attr("filename", Lit(code.Filename));
        Attr("firstlineno", Int(code.FirstLineNo));
        Attr("argcount", Int(code.ArgCount));
        if (code.Layout is CodeLayout.Python38 or CodeLayout.Python311)
            Attr("posonlyargcount", Int(code.PosOnlyArgCount));
        if (code.Layout != CodeLayout.Python2)
            Attr("kwonlyargcount", Int(code.KwOnlyArgCount));
        Attr("stacksize", Int(code.StackSize));
        // co_flags by name (dis.COMPILER_FLAG_NAMES of the version) where every bit has one, else in hex.
        var named = table.CompilerFlagNames.Where(f => (code.Flags & f.Key) != 0).OrderBy(f => f.Key).ToList();
        bool allNamed = named.Aggregate(0, (bits, f) => bits | f.Key) == code.Flags;
        Attr("flags", code.Flags == 0 ? "0" : allNamed ? string.Join(" | ", named.Select(f => f.Value)) : $"0x{code.Flags:x8}");
        void List(string name, IEnumerable<PyObject>? items)
        {
            if (items is null)
                return;
            sb.Append(inner).Append(name);
            bool first = true;
            foreach (var item in items)
            {
                sb.Append(first ? " " : ", ").Append(Lit(item));
                first = false;
            }
            sb.Append('\n');
        }
        List("names", e.Names);
        if (code.Layout == CodeLayout.Python311)
        {
            sb.Append(inner).Append("localsplus");
            for (int i = 0; i < e.LocalsPlusNames.Count; i++)
                sb.Append(i == 0 ? " " : ", ").Append(Lit(e.LocalsPlusNames[i])).Append(' ')
                  .Append(CultureInfo.InvariantCulture, $"0x{(i < e.LocalsPlusKinds.Count ? e.LocalsPlusKinds[i] : 0):x2}");
            sb.Append('\n');
        }
        else
        {
            List("varnames", e.VarNames);
            List("freevars", e.FreeVars);
            List("cellvars", e.CellVars);
        }
        foreach (var c in e.Consts)
        {
            if (c is PyCode nested)
            {
                sb.Append(inner).Append("const\n");
                WriteCode(sb, nested, version, inner + "  ", forms);
            }
            else
                Attr("const", Lit(c));
        }

        // Labels: every instruction something jumps to or an exception region starts, ends or is handled at.
        var labels = new Dictionary<EditableInstruction, int>(ReferenceEqualityComparer.Instance);
        var marked = new HashSet<EditableInstruction>(ReferenceEqualityComparer.Instance);
        foreach (var ins in e.Instructions)
            if (ins.Target is { } t)
                marked.Add(t);
        foreach (var r in e.ExceptionRegions)
        {
            marked.Add(r.Start);
            marked.Add(r.Handler);
            if (r.End is { } end)
                marked.Add(end);
        }
        foreach (var ins in e.Instructions)
            if (marked.Contains(ins))
                labels[ins] = labels.Count + 1;

        bool keepLineEntries = version.Major == 2 || version.Minor <= 9 ? !LineEntriesDerivable(e, code) : false;
        var symbols = new ArgSymbols(e);
        Positions? location = null;
        bool firstInstruction = true;
        foreach (var ins in e.Instructions)
        {
            if (labels.TryGetValue(ins, out int label))
                sb.Append(indent).Append(CultureInfo.InvariantCulture, $" L{label}:\n");
            if (firstInstruction || ins.Location != location)
            {
                sb.Append(inner).Append("@ ").Append(LocationText(ins.Location, code.Layout == CodeLayout.Python311)).Append('\n');
                location = ins.Location;
                firstInstruction = false;
            }
            sb.Append(inner).Append("  ").Append(table.OpName(ins.Opcode));
            // Wordcode has an argument byte everywhere; it is shown where dis reads it, or where it is not 0.
            bool hasArg = table.IsWordcode ? table.Info(ins.Opcode).DisReadsArg || ins.Arg != 0 : ins.Opcode >= table.HaveArgument;
            string? comment = null;
            if (ins.Target is { } target)
                sb.Append(CultureInfo.InvariantCulture, $" L{labels[target]}");
            else if (hasArg)
            {
                string arg = symbols.Text(ins);
                sb.Append(' ').Append(arg);
                comment = symbols.Comment(ins) is { } c && c != arg ? c : null;
            }
            if (ins.MinimumExtendedArgs > 0)
                sb.Append(CultureInfo.InvariantCulture, $" !ext {ins.MinimumExtendedArgs}");
            if (ins.Caches is { } caches && caches.Any(b => b != 0))
                sb.Append(" !cache ").Append(Convert.ToHexString(caches).ToLowerInvariant());
            if (keepLineEntries && ins.LineEntries is { Length: > 0 } entries)
                sb.Append(" !lnotab ").Append(string.Join(" ", entries.Select(p => $"{p.Bytes},{p.Lines}")));
            if (comment is not null)
                sb.Append("  ; ").Append(comment);
            sb.Append('\n');
        }
        if (keepLineEntries && e.TrailingLineEntries.Count > 0)
            sb.Append(inner).Append("lnotab-after ").Append(string.Join(" ", e.TrailingLineEntries.Select(p => $"{p.Bytes},{p.Lines}"))).Append('\n');
        foreach (var r in e.ExceptionRegions)
        {
            sb.Append(inner).Append(CultureInfo.InvariantCulture, $"except L{labels[r.Start]} ")
              .Append(r.End is null ? "end" : $"L{labels[r.End]}")
              .Append(CultureInfo.InvariantCulture, $" L{labels[r.Handler]} {r.Depth}{(r.Lasti ? " lasti" : "")}\n");
        }
        // How marshal wrote this code object's objects (type codes, references), for the same bytes (docs/pyasm.md).
        if (forms.TryGetValue(code, out var form))
            sb.Append(inner).Append("marshal ").Append(form).Append('\n');
        sb.Append(indent).Append(".end\n");
    }

    /// <summary>"5", or 3.11+ "5:4-5:9" (line:column-end line:end column, ? where unknown); "-" for none.</summary>
    internal static string LocationText(Positions p, bool columns)
    {
        static string Part(int? v) => v is { } x ? x.ToString(CultureInfo.InvariantCulture) : "?";
        if (!columns)
            return p.Line is { } line ? line.ToString(CultureInfo.InvariantCulture) : "-";
        if (p.Line is null && p.EndLine is null && p.Column is null && p.EndColumn is null)
            return "-";
        if (p.Line is { } l && p.EndLine == l && p.Column is null && p.EndColumn is null)
            return l.ToString(CultureInfo.InvariantCulture);
        return $"{Part(p.Line)}:{Part(p.Column)}-{Part(p.EndLine)}:{Part(p.EndColumn)}";
    }

    /// <summary>Does the compiler's way of writing co_lnotab give this code's table without the entries read?</summary>
    private static bool LineEntriesDerivable(EditableCode e, PyCode code)
    {
        var saved = e.Instructions.Select(i => i.LineEntries).ToArray();
        var trailing = e.TrailingLineEntries.ToArray();
        foreach (var i in e.Instructions)
            i.LineEntries = null;
        e.TrailingLineEntries.Clear();
        try
        {
            return LineTables.Write(e, CodeUnits.Encode(e.Instructions, e.Table)).AsSpan().SequenceEqual(code.LineTable.Span);
        }
        finally
        {
            for (int k = 0; k < saved.Length; k++)
                e.Instructions[k].LineEntries = saved[k];
            e.TrailingLineEntries.AddRange(trailing);
        }
    }
}

/// <summary>
/// Arguments as symbols where that is unambiguous: a constant by its literal, a name or variable by its identifier
/// (when the argument is a plain index into a table in which that entry is unique); otherwise the number.
/// </summary>
internal sealed class ArgSymbols(EditableCode e)
{
    private readonly HashSet<string> _uniqueConsts = Unique(e.Consts.Where(c => c is not PyCode).Select(c => ConstText.Of(c, e.Version)));
    private readonly HashSet<string> _uniqueNames = Unique(e.Names.Select(NameOf));
    private readonly HashSet<string> _uniqueLocals = Unique(Locals(e).Select(NameOf));
    private readonly HashSet<string> _uniqueCells = Unique(Cells(e).Select(NameOf));

    public static List<PyObject> Locals(EditableCode e) => e.Layout == CodeLayout.Python311 ? e.LocalsPlusNames : e.VarNames;

    public static List<PyObject> Cells(EditableCode e) => e.Layout == CodeLayout.Python311 ? e.LocalsPlusNames : [.. e.CellVars, .. e.FreeVars];

    private static HashSet<string> Unique(IEnumerable<string> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var twice = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in items)
            if (!seen.Add(s))
                twice.Add(s);
        seen.ExceptWith(twice);
        return seen;
    }

    internal static string NameOf(PyObject o) => o switch
    {
        PyString s => s.Value,
        PyBytes b => b.ToString(),
        _ => "",
    };

    internal static bool IsIdentifier(string s) =>
        s.Length > 0 && (char.IsLetter(s[0]) || s[0] == '_') && s.All(c => char.IsLetterOrDigit(c) || c == '_')
        && s is not ("None" or "True" or "False" or "inf" or "nan" or "StopIteration" or "set" or "frozenset" or "complex" or "slice");

    /// <summary>
    /// What dis shows for an argument written as a number: the operator, comparison or flag it stands for, or the
    /// name with the flags of the low bits ("NULL + print"); null if there is nothing to add.
    /// </summary>
    public string? Comment(EditableInstruction ins)
    {
        var rule = e.Table.RuleOf(ins.Opcode);
        if (rule is null || ins.Arg < 0)
            return null;
        switch (rule.Source)
        {
            case ArgSource.Literal:
                return ins.Arg < rule.Table.Length && rule.Table[ins.Arg] is { Length: > 0 } text ? text : null;
            case ArgSource.Name or ArgSource.Local or ArgSource.Free when rule.Shift > 0:
            {
                var list = rule.Source switch { ArgSource.Name => e.Names, ArgSource.Local => Locals(e), _ => Cells(e) };
                int index = ins.Arg >> rule.Shift, low = ins.Arg & ((1 << rule.Shift) - 1);
                return index < list.Count && low < rule.Prefixes.Length
                    ? rule.Prefixes[low] + NameOf(list[index]) + rule.Suffixes[low]
                    : null;
            }
            default:
                return null;
        }
    }

    public string Text(EditableInstruction ins)
    {
        string number = ins.Arg.ToString(CultureInfo.InvariantCulture);
        var rule = e.Table.RuleOf(ins.Opcode);
        if (rule is null)
            return number;
        switch (rule.Source)
        {
            // A constant by index is written #N: a bare number is the constant with that value.
            case ArgSource.Const:
            {
                if (ins.Arg < 0 || ins.Arg >= e.Consts.Count || e.Consts[ins.Arg] is PyCode)
                    return "#" + number;
                string lit = ConstText.Of(e.Consts[ins.Arg], e.Version);
                return _uniqueConsts.Contains(lit) ? lit : "#" + number;
            }
            case ArgSource.Name or ArgSource.Local or ArgSource.Free when rule.Shift == 0 && ins.Arg >= 0:
            {
                var (list, unique) = rule.Source switch
                {
                    ArgSource.Name => (e.Names, _uniqueNames),
                    ArgSource.Local => (Locals(e), _uniqueLocals),
                    _ => (Cells(e), _uniqueCells),
                };
                if (ins.Arg >= list.Count)
                    return number;
                string name = NameOf(list[ins.Arg]);
                return IsIdentifier(name) && unique.Contains(name) ? name : number;
            }
            case ArgSource.Literal or ArgSource.Name or ArgSource.Local or ArgSource.Free when Comment(ins) is { } symbol:
                // The operator, comparison or flagged name as dis words it, where the assembler reads it back to this
                // very argument; else the number, with the text as a comment.
                return Readable(symbol) && TryParseSymbol(ins.Opcode, symbol, out int back) && back == ins.Arg ? symbol : number;
            default:
                return number;
        }
    }

    /// <summary>Text the assembler takes as a symbol: not a number, a #index, a comment or an option.</summary>
    private static bool Readable(string symbol) =>
        symbol.Length > 0 && !char.IsDigit(symbol[0]) && symbol[0] is not ('-' or '#' or '!' or ' ')
        && !symbol.Contains(';') && !symbol.Contains(" !", StringComparison.Ordinal) && symbol.Trim() == symbol;

    /// <summary>
    /// The argument for a symbol dis would show: an entry of the version's table of operators, comparisons,
    /// intrinsics…, or a name with the prefix and suffix its flag bits add ("NULL + print"); the most specific match.
    /// </summary>
    public bool TryParseSymbol(int opcode, string symbol, out int arg)
    {
        arg = 0;
        var rule = e.Table.RuleOf(opcode);
        if (rule is null)
            return false;
        if (rule.Source == ArgSource.Literal)
        {
            arg = rule.Table.IndexOf(symbol);
            return arg >= 0;
        }
        if (rule.Source is not (ArgSource.Name or ArgSource.Local or ArgSource.Free))
            return false;
        var list = rule.Source switch { ArgSource.Name => e.Names, ArgSource.Local => Locals(e), _ => Cells(e) };
        int best = -1;
        for (int low = 0; low < rule.Prefixes.Length && low < 1 << rule.Shift; low++)
        {
            string prefix = rule.Prefixes[low], suffix = rule.Suffixes[low];
            if (symbol.Length < prefix.Length + suffix.Length || !symbol.StartsWith(prefix, StringComparison.Ordinal)
                || !symbol.EndsWith(suffix, StringComparison.Ordinal))
                continue;
            string name = symbol[prefix.Length..^suffix.Length];
            int index = list.FindIndex(o => NameOf(o) == name);
            if (index < 0 || !IsIdentifier(name) || prefix.Length + suffix.Length <= best)
                continue;
            best = prefix.Length + suffix.Length;
            arg = index << rule.Shift | low;
        }
        return best >= 0;
    }
}
