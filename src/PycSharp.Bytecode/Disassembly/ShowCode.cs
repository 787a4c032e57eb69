using System.Globalization;
using System.Text;
using PycSharp.Bytecode.Opcodes;
using PycSharp.Format;
using PycSharp.Format.Objects;
using PycSharp.Format.Text;

namespace PycSharp.Bytecode.Disassembly;

/// <summary>
/// <c>dis.show_code</c> / <c>dis.code_info</c> (Lib/dis.py _format_code_info) as a Python 3 version prints it.
/// </summary>
public sealed class ShowCode
{
    // co_localspluskinds bits (Include/internal/pycore_code.h, 3.11+).
    private const int FastLocal = 0x20;
    private const int FastCell = 0x40;
    private const int FastFree = 0x80;

    private readonly OpcodeTable _table;
    private readonly HashProfile _build;

    public ShowCode(PythonVersion version, HashProfile? build = null)
    {
        if (version.Major < 3)
            throw new NotSupportedException($"Python {version} has no dis.show_code (it came in 3.2)");
        Version = version;
        _table = OpcodeTables.For(version) ?? throw new NotSupportedException($"no opcode table for Python {version}");
        _build = build ?? HashProfile.Default;
    }

    public PythonVersion Version { get; }

    /// <summary>code_info(code) followed by a newline, as show_code prints it.</summary>
    public string Format(PyCode co)
    {
        var sb = new StringBuilder();
        Line(sb, "Name:              " + co.NameText);
        Line(sb, "Filename:          " + co.FilenameText);
        Line(sb, "Argument count:    " + Int(co.ArgCount));
        if (Version >= new PythonVersion(3, 8))
            Line(sb, "Positional-only arguments: " + Int(co.PosOnlyArgCount));
        Line(sb, "Kw-only arguments: " + Int(co.KwOnlyArgCount));
        var (varNames, cellVars, freeVars) = Variables(co);
        int nlocals = co.Layout == CodeLayout.Python311 ? varNames.Count : co.NLocals;
        Line(sb, "Number of locals:  " + Int(nlocals));
        Line(sb, "Stack size:        " + Int(co.StackSize));
        Line(sb, "Flags:             " + PrettyFlags(co.Flags));
        if (co.Consts.Count > 0)
        {
            Line(sb, "Constants:");
            for (int i = 0; i < co.Consts.Count; i++)
                Line(sb, $"{Int(i),4}: {PyRepr.Of(co.Consts[i], Version, _build)}");
        }
        Section(sb, "Names:", co.Names.Items);
        Section(sb, "Variable names:", varNames);
        Section(sb, "Free variables:", freeVars);
        Section(sb, "Cell variables:", cellVars);
        return sb.ToString();
    }

    /// <summary>show_code for the code object and every nested one, depth first, separated by "---" lines.</summary>
    public string FormatAll(PyCode root) => string.Join("---\n", root.SelfAndNested().Select(Format));

    private static (IReadOnlyList<PyObject> VarNames, IReadOnlyList<PyObject> CellVars, IReadOnlyList<PyObject> FreeVars) Variables(PyCode co)
    {
        if (co.Layout != CodeLayout.Python311)
            return (co.VarNames!.Items, co.CellVars!.Items, co.FreeVars!.Items);
        // 3.11+ derive co_varnames, co_cellvars and co_freevars from the kinds of co_localsplusnames.
        var names = co.LocalsPlusNames!.Items;
        var kinds = co.LocalsPlusKinds!.Span;
        var vars = new List<PyObject>();
        var cells = new List<PyObject>();
        var frees = new List<PyObject>();
        for (int i = 0; i < names.Length && i < kinds.Length; i++)
        {
            if ((kinds[i] & FastLocal) != 0)
                vars.Add(names[i]);
            if ((kinds[i] & FastCell) != 0)
                cells.Add(names[i]);
            if ((kinds[i] & FastFree) != 0)
                frees.Add(names[i]);
        }
        return (vars, cells, frees);
    }

    /// <summary>dis.pretty_flags: known names, hex for unknown bits, "0x0" when no flag is set.</summary>
    private string PrettyFlags(int flags)
    {
        var names = new List<string>();
        long rest = (uint)flags;
        for (int i = 0; i < 32; i++)
        {
            long flag = 1L << i;
            if ((rest & flag) == 0)
                continue;
            names.Add(_table.CompilerFlagNames.TryGetValue((int)flag, out var name) ? name : "0x" + flag.ToString("x", CultureInfo.InvariantCulture));
            rest ^= flag;
            if (rest == 0)
                return string.Join(", ", names);
        }
        names.Add("0x" + rest.ToString("x", CultureInfo.InvariantCulture));
        return string.Join(", ", names);
    }

    private static void Section(StringBuilder sb, string title, IReadOnlyList<PyObject> items)
    {
        if (items.Count == 0)
            return;
        Line(sb, title);
        for (int i = 0; i < items.Count; i++)
            Line(sb, $"{Int(i),4}: {Text(items[i])}");
    }

    private static string Text(PyObject o) => o switch
    {
        PyString s => s.Value,
        PyBytes b => b.ToString(),
        _ => o.ToString() ?? "",
    };

    private static string Int(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder sb, string text) => sb.Append(text).Append('\n');
}
