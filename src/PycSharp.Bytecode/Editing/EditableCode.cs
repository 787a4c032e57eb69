using System.Collections.Immutable;
using PycSharp.Bytecode.Disassembly;
using PycSharp.Bytecode.Opcodes;
using PycSharp.Format;
using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Editing;

/// <summary>
/// A code object in a form made for editing: a list of instructions whose jumps point at instructions, each with
/// its source location, exception regions between instructions, and the other attributes as plain lists. Writing
/// it (<see cref="ToCode"/>) recomputes co_code (jump arguments and EXTENDED_ARG prefixes to a fixed point, CACHE
/// units), the line table and exception table in the version's encoding, and co_nlocals. Nested code objects stay
/// constants: load them separately.
/// </summary>
public sealed class EditableCode
{
    private readonly PyCode? _original;

    private EditableCode(PythonVersion version, OpcodeTable table, PyCode? original)
    {
        Version = version;
        Table = table;
        _original = original;
    }

    public PythonVersion Version { get; }
    public OpcodeTable Table { get; }

    public List<EditableInstruction> Instructions { get; } = [];
    public List<ExceptionRegion> ExceptionRegions { get; } = [];
    public List<PyObject> Consts { get; } = [];
    public List<PyObject> Names { get; } = [];

    /// <summary>co_varnames (up to 3.10).</summary>
    public List<PyObject> VarNames { get; } = [];
    public List<PyObject> CellVars { get; } = [];
    public List<PyObject> FreeVars { get; } = [];

    /// <summary>co_localsplusnames and their kinds (3.11+).</summary>
    public List<PyObject> LocalsPlusNames { get; } = [];
    public List<byte> LocalsPlusKinds { get; } = [];

    /// <summary>Up to 3.9: co_lnotab pairs read past the last instruction's start, written back after it.</summary>
    public List<(int Bytes, int Lines)> TrailingLineEntries { get; } = [];

    public int ArgCount { get; set; }
    public int PosOnlyArgCount { get; set; }
    public int KwOnlyArgCount { get; set; }
    /// <summary>
    /// co_stacksize. Writing raises it to what the code needs (3.8+, from the version's stack effects), and keeps
    /// a larger value: CPython's compiler counts the stack before its last optimisations (3.8, 3.9) and through
    /// handlers that no longer protect any code (3.11+), so a file's value can be larger than the code needs.
    /// </summary>
    public int StackSize { get; set; }
    public int Flags { get; set; }
    public int FirstLineNo { get; set; }
    public required PyObject Filename { get; set; }
    public required PyObject Name { get; set; }
    public PyObject? QualName { get; set; }
    public CodeLayout Layout { get; private init; }

    /// <summary>
    /// Starts a code object from nothing (a module by default): no instructions, no constants or names. Add
    /// instructions with <see cref="Add(string, int)"/>, constants with <see cref="AddConst"/>, names with
    /// <see cref="AddName"/>; <see cref="ToCode"/> computes the rest.
    /// </summary>
    public static EditableCode Create(PythonVersion version, string name = "<module>", string filename = "<pycsharp>", int firstLineNo = 1)
    {
        var table = OpcodeTables.For(version) ?? throw new EditException($"no opcode table for Python {version}");
        var layout = MarshalFormat.For(version).CodeLayout
            ?? throw new EditException($"code objects of Python {version} are not supported");
        return new EditableCode(version, table, null)
        {
            Layout = layout,
            Filename = PyString.From(filename),
            Name = PyString.From(name, interned: true),
            QualName = layout == CodeLayout.Python311 ? PyString.From(name, interned: true) : null,
            FirstLineNo = firstLineNo,
        };
    }

    /// <summary>Appends an instruction by its name in this version (<c>opcode.opmap</c>).</summary>
    /// <exception cref="EditException">The version has no such instruction.</exception>
    public EditableInstruction Add(string opname, int arg = 0)
    {
        var op = Table.OpcodeOf(opname) ?? throw new EditException($"Python {Version} has no {opname} instruction");
        var instruction = new EditableInstruction(op, arg) { Location = new Positions(FirstLineNo, null, null, null) };
        Instructions.Add(instruction);
        return instruction;
    }

    /// <summary>Appends a jump by name to <paramref name="target"/> (which may be added later).</summary>
    public EditableInstruction Add(string opname, EditableInstruction target)
    {
        var instruction = Add(opname);
        instruction.Target = target;
        return instruction;
    }

    /// <summary>The index of a constant in co_consts, added if no constant of the same type and repr is there.</summary>
    public int AddConst(PyObject value)
    {
        string key = PycSharp.Format.Text.PyRepr.Of(value, Version);
        for (int i = 0; i < Consts.Count; i++)
            if (Consts[i].GetType() == value.GetType() && PycSharp.Format.Text.PyRepr.Of(Consts[i], Version) == key)
                return i;
        Consts.Add(value);
        return Consts.Count - 1;
    }

    /// <summary>The index of a name in co_names, added if missing.</summary>
    public int AddName(string name)
    {
        for (int i = 0; i < Names.Count; i++)
            if (Names[i] is PyString s && s.Value == name)
                return i;
        Names.Add(PyString.From(name, interned: true));
        return Names.Count - 1;
    }

    /// <summary>
    /// A copy of <paramref name="root"/> in which the nested code object <paramref name="target"/> is replaced
    /// (found by reference, at any depth); the code objects on the way are rewritten, the others kept.
    /// </summary>
    public static PyCode ReplaceNested(PyCode root, PythonVersion version, PyCode target, PyCode replacement)
    {
        if (ReferenceEquals(root, target))
            return replacement;
        EditableCode? e = null;
        var consts = root.Consts.Items;
        for (int i = 0; i < consts.Length; i++)
        {
            if (consts[i] is not PyCode nested)
                continue;
            var rewritten = ReplaceNested(nested, version, target, replacement);
            if (!ReferenceEquals(rewritten, nested))
                (e ??= Load(root, version)).Consts[i] = rewritten;
        }
        return e?.ToCode() ?? root;
    }

    /// <summary>Loads one code object (not its nested ones) of the given version.</summary>
    /// <exception cref="EditException">The code cannot be represented: a cut-off instruction, an exception
    /// table entry that does not fall on instruction boundaries.</exception>
    public static EditableCode Load(PyCode code, PythonVersion version)
    {
        var table = OpcodeTables.For(version) ?? throw new EditException($"no opcode table for Python {version}");
        var e = new EditableCode(version, table, code)
        {
            Filename = code.Filename,
            Name = code.Name,
            QualName = code.QualName,
            Layout = code.Layout,
            ArgCount = code.ArgCount,
            PosOnlyArgCount = code.PosOnlyArgCount,
            KwOnlyArgCount = code.KwOnlyArgCount,
            StackSize = code.StackSize,
            Flags = code.Flags,
            FirstLineNo = code.FirstLineNo,
        };
        e.Consts.AddRange(code.Consts.Items);
        e.Names.AddRange(code.Names.Items);
        e.VarNames.AddRange(code.VarNames?.Items ?? []);
        e.CellVars.AddRange(code.CellVars?.Items ?? []);
        e.FreeVars.AddRange(code.FreeVars?.Items ?? []);
        e.LocalsPlusNames.AddRange(code.LocalsPlusNames?.Items ?? []);
        e.LocalsPlusKinds.AddRange(code.LocalsPlusKinds?.Span.ToArray() ?? []);

        var starts = CodeUnits.Decode(code.Code.Span, table, e.Instructions);
        var byStart = new Dictionary<int, EditableInstruction>(e.Instructions.Count);
        for (int i = 0; i < e.Instructions.Count; i++)
            byStart[starts[i]] = e.Instructions[i];
        LineTables.Read(code, version, e, starts);
        if (code.ExceptionTable is not null)
        {
            foreach (var entry in ExceptionTableEntry.Parse(code))
            {
                EditableInstruction At(int offset, string what) => byStart.TryGetValue(offset, out var ins)
                    ? ins
                    : throw new EditException($"exception table: {what} {offset} is not where an instruction starts");
                var end = entry.End >= code.Code.Length ? null : At(entry.End, "end");
                e.ExceptionRegions.Add(new(At(entry.Start, "start"), end, At(entry.Target, "handler"), entry.Depth, entry.Lasti));
            }
        }
        return e;
    }

    /// <summary>
    /// Writes the code object. Attributes that come out the same as in the loaded code object keep its objects, so
    /// that an unchanged code object is written back to the same marshal bytes.
    /// </summary>
    /// <exception cref="EditException">A jump cannot reach its target, or a region does not make sense.</exception>
    public PyCode ToCode()
    {
        var assembled = CodeUnits.Encode(Instructions, Table);
        var lineTable = LineTables.Write(this, assembled);
        int stackSize = Math.Max(StackSize, StackDepth.Compute(this, assembled) ?? 0);
        byte[]? exceptionTable = Layout == CodeLayout.Python311 ? ExceptionTableWriter.Write(this, assembled) : null;
        var o = _original;
        var written = new PyCode
        {
            Layout = Layout,
            ArgCount = ArgCount,
            PosOnlyArgCount = PosOnlyArgCount,
            KwOnlyArgCount = KwOnlyArgCount,
            // co_nlocals is len(co_varnames) (before 3.11; later it is not marshalled).
            NLocals = Layout == CodeLayout.Python311 ? o?.NLocals ?? 0 : VarNames.Count,
            StackSize = stackSize,
            Flags = Flags,
            FirstLineNo = FirstLineNo,
            Code = Same(o?.Code, assembled.Code),
            Consts = Same(o?.Consts, Consts)!,
            Names = Same(o?.Names, Names)!,
            VarNames = Layout == CodeLayout.Python311 ? null : Same(o?.VarNames, VarNames),
            FreeVars = Layout == CodeLayout.Python311 ? null : Same(o?.FreeVars, FreeVars),
            CellVars = Layout == CodeLayout.Python311 ? null : Same(o?.CellVars, CellVars),
            LocalsPlusNames = Layout == CodeLayout.Python311 ? Same(o?.LocalsPlusNames, LocalsPlusNames) : null,
            LocalsPlusKinds = Layout == CodeLayout.Python311 ? Same(o?.LocalsPlusKinds, [.. LocalsPlusKinds]) : null,
            Filename = Filename,
            Name = Name,
            QualName = QualName,
            LineTable = Same(o?.LineTable, lineTable),
            ExceptionTable = exceptionTable is null ? null : Same(o?.ExceptionTable, exceptionTable),
        };
        return o is not null && SameCode(o, written) ? o : written;
    }

    /// <summary>Every attribute the same (objects by reference, as <see cref="Same(PyBytes?, byte[])"/> keeps them).</summary>
    private static bool SameCode(PyCode a, PyCode b) =>
        a.Layout == b.Layout && a.ArgCount == b.ArgCount && a.PosOnlyArgCount == b.PosOnlyArgCount
        && a.KwOnlyArgCount == b.KwOnlyArgCount && a.NLocals == b.NLocals && a.StackSize == b.StackSize
        && a.Flags == b.Flags && a.FirstLineNo == b.FirstLineNo && ReferenceEquals(a.Code, b.Code)
        && ReferenceEquals(a.Consts, b.Consts) && ReferenceEquals(a.Names, b.Names) && ReferenceEquals(a.VarNames, b.VarNames)
        && ReferenceEquals(a.FreeVars, b.FreeVars) && ReferenceEquals(a.CellVars, b.CellVars)
        && ReferenceEquals(a.LocalsPlusNames, b.LocalsPlusNames) && ReferenceEquals(a.LocalsPlusKinds, b.LocalsPlusKinds)
        && ReferenceEquals(a.Filename, b.Filename) && ReferenceEquals(a.Name, b.Name) && ReferenceEquals(a.QualName, b.QualName)
        && ReferenceEquals(a.LineTable, b.LineTable) && ReferenceEquals(a.ExceptionTable, b.ExceptionTable);

    private static PyBytes Same(PyBytes? original, byte[] value) =>
        original is not null && original.Span.SequenceEqual(value) ? original : new PyBytes(value);

    private static PyTuple Same(PyTuple? original, List<PyObject> items)
    {
        if (original is not null && original.Items.Length == items.Count)
        {
            bool same = true;
            for (int i = 0; i < items.Count && same; i++)
                same = ReferenceEquals(original.Items[i], items[i]);
            if (same)
                return original;
        }
        return new PyTuple(items.ToImmutableArray());
    }

    /// <summary>
    /// The stack depth the code needs, from the version's stack effects (3.8+; null before, where dis gives no
    /// effect per branch).
    /// </summary>
    /// <exception cref="EditException">Stack underflow, or a join reached at two depths (named by offset).</exception>
    public int? ComputeStackSize() => StackDepth.Compute(this, CodeUnits.Encode(Instructions, Table));

    /// <summary>
    /// Loads a code object and every nested one into the editable form and writes them back: what an edit that
    /// changes nothing produces. Used to check that the editor loses nothing.
    /// </summary>
    public static PyCode RoundTrip(PyCode code, PythonVersion version)
    {
        var e = Load(code, version);
        for (int i = 0; i < e.Consts.Count; i++)
            if (e.Consts[i] is PyCode nested)
                e.Consts[i] = RoundTrip(nested, version);
        return e.ToCode();
    }
}
