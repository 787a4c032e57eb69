using PycSharp.Bytecode.Disassembly;
using PycSharp.Bytecode.Opcodes;
using PycSharp.Runtime.Objects;
using F = PycSharp.Format.Objects;

namespace PycSharp.Runtime.Interpreter;

/// <summary>
/// A code object ready to run: decoded once into <see cref="Op"/> instructions, constants converted to runtime
/// objects, names interned, the exception table resolved to instruction indexes.
/// </summary>
public sealed class PyCodeObject : PyObject
{
    // Include/cpython/code.h
    public const int CO_OPTIMIZED = 0x1, CO_NEWLOCALS = 0x2, CO_VARARGS = 0x4, CO_VARKEYWORDS = 0x8,
        CO_NESTED = 0x10, CO_GENERATOR = 0x20, CO_COROUTINE = 0x80, CO_ITERABLE_COROUTINE = 0x100,
        CO_ASYNC_GENERATOR = 0x200;

    // co_localspluskinds bits (Include/internal/pycore_code.h).
    private const byte CO_FAST_LOCAL = 0x20, CO_FAST_CELL = 0x40, CO_FAST_FREE = 0x80;

    private PyCodeObject(F.PyCode source, Dialect dialect)
    {
        Source = source;
        Dialect = dialect;
        Name = PyStr.Intern(source.NameText);
        QualName = PyStr.Intern(source.QualNameText ?? source.NameText);
        Filename = source.FilenameText;
        Flags = source.Flags;
        ArgCount = source.ArgCount;
        PosOnlyArgCount = source.PosOnlyArgCount;
        KwOnlyArgCount = source.KwOnlyArgCount;
        FirstLineNo = source.FirstLineNo;
        Names = source.Names.Items.Select(n => PyStr.Intern(F.PyCode.TextOf(n))).ToArray();
        var plus = source.LocalsPlusNames?.Items ?? [];
        LocalsPlusNames = plus.Select(n => PyStr.Intern(F.PyCode.TextOf(n))).ToArray();
        var kinds = source.LocalsPlusKinds?.Span.ToArray() ?? new byte[plus.Length];
        LocalsPlusKinds = kinds;
        NLocalsPlus = LocalsPlusNames.Length;
        NFree = kinds.Count(k => (k & CO_FAST_FREE) != 0);
        VarNames = Enumerable.Range(0, NLocalsPlus).Where(i => (kinds[i] & CO_FAST_LOCAL) != 0).Select(i => LocalsPlusNames[i]).ToArray();
        CellNames = Enumerable.Range(0, NLocalsPlus).Where(i => (kinds[i] & CO_FAST_CELL) != 0).Select(i => LocalsPlusNames[i]).ToArray();
        FreeNames = Enumerable.Range(0, NLocalsPlus).Where(i => (kinds[i] & CO_FAST_FREE) != 0).Select(i => LocalsPlusNames[i]).ToArray();
        StackSize = Math.Max(source.StackSize, 1) + 2;

        var table = OpcodeTables.For(dialect.Version) ?? throw new BadCodeException($"no opcode table for {dialect.Version}");
        Decoder.Result decoded;
        try
        {
            decoded = Decoder.Decode(source, table, dialect);
        }
        catch (BadCodeException e)
        {
            throw new BadCodeException($"code object {source.NameText} (line {source.FirstLineNo}): {e.Message}");
        }
        Code = decoded.Code;
        Offsets = decoded.Offsets;
        Consts = source.Consts.Items.Select(c => Constants.Convert(c, dialect)).ToArray();
        Validate(source, dialect);
        Handlers = BuildHandlers(source, decoded);
        Fuse(decoded.JumpTargets);
        HasDocstring = true; // 3.11-3.13 functions keep their docstring or None as co_consts[0]
    }

    public static PyCodeObject Load(F.PyCode source, Dialect dialect) => new(source, dialect);

    /// <summary>Makes the superinstructions (<see cref="Fusion"/>) where nothing jumps into a run.</summary>
    private void Fuse(bool[] jumpTargets)
    {
        var entered = (bool[])jumpTargets.Clone();
        foreach (var h in Handlers)
            if (h is not null)
                entered[h.Target] = true;
        Fusion.Apply(Code, entered);
    }

    /// <summary>
    /// What CPython trusts its compiler for and a VM reading any file cannot: every index an instruction carries
    /// falls inside its table, and the stack never pops below empty nor grows past co_stacksize (the stack effects
    /// walk of the assembler, Python/flowgraph.c stackdepth()). A code object failing either never starts.
    /// </summary>
    private void Validate(F.PyCode source, Dialect dialect)
    {
        string where = $"code object {source.NameText} (line {source.FirstLineNo})";
        for (int i = 0; i < Code.Length; i++)
        {
            var ins = Code[i];
            string? problem = ins.Op switch
            {
                Op.LoadConst or Op.ReturnConst or Op.KwNames => Index(ins.Arg, Consts.Length, "co_consts"),
                Op.LoadName or Op.StoreName or Op.DeleteName or Op.LoadGlobal or Op.LoadGlobalNull or Op.StoreGlobal
                    or Op.DeleteGlobal or Op.LoadAttr or Op.LoadMethod or Op.StoreAttr or Op.DeleteAttr or Op.ImportName
                    or Op.ImportFrom or Op.LoadFromDictOrGlobals => Index(ins.Arg, Names.Length, "co_names"),
                Op.LoadSuperAttr or Op.LoadSuperMethod => Index(ins.Arg >> 2, Names.Length, "co_names"),
                Op.LoadFast or Op.LoadFastCheck or Op.LoadFastAndClear or Op.StoreFast or Op.DeleteFast or Op.MakeCell
                    or Op.LoadClosure or Op.LoadDeref or Op.StoreDeref or Op.DeleteDeref or Op.LoadFromDictOrDeref
                    => Index(ins.Arg, NLocalsPlus, "the fast locals"),
                Op.LoadFastLoadFast or Op.StoreFastLoadFast or Op.StoreFastStoreFast
                    => Index(ins.Arg >> 4, NLocalsPlus, "the fast locals") ?? Index(ins.Arg & 15, NLocalsPlus, "the fast locals"),
                _ => null,
            };
            if (problem is not null)
                throw new BadCodeException($"{where}: offset {Offsets[i]}: {problem}");
        }
        int? depth;
        try
        {
            depth = PycSharp.Bytecode.Editing.EditableCode.Load(source, dialect.Version).ComputeStackSize();
        }
        catch (PycSharp.Bytecode.Editing.EditException e)
        {
            throw new BadCodeException($"{where}: {e.Message}");
        }
        if (depth > source.StackSize)
            throw new BadCodeException($"{where}: the stack grows to {depth} values, past co_stacksize {source.StackSize}");

        static string? Index(int arg, int count, string table) =>
            arg < count ? null : $"index {arg} is outside {table} ({count} entries)";
    }

    public F.PyCode Source { get; }
    public Dialect Dialect { get; }
    public PyStr Name { get; }
    public PyStr QualName { get; }
    public string Filename { get; }
    public int Flags { get; }
    public int ArgCount { get; }
    public int PosOnlyArgCount { get; }
    public int KwOnlyArgCount { get; }
    public int FirstLineNo { get; }
    public readonly Instr[] Code;
    /// <summary>Byte offset in co_code of each decoded instruction (for line numbers and tracebacks).</summary>
    public readonly int[] Offsets;
    public readonly PyObject[] Consts;
    public readonly PyStr[] Names;
    public readonly PyStr[] LocalsPlusNames;
    public readonly byte[] LocalsPlusKinds;
    public readonly PyStr[] VarNames, CellNames, FreeNames;
    public readonly int NLocalsPlus, NFree, StackSize;
    public bool HasDocstring { get; internal set; }

    /// <summary>Per instruction, the exception-table entry covering it, or null.</summary>
    public readonly Handler?[] Handlers;
    /// <summary>LOAD_GLOBAL's inline caches, by instruction index (made on first use).</summary>
    internal GlobalCache?[]? GlobalCaches;
    /// <summary>LOAD_ATTR's and STORE_ATTR's inline caches, by instruction index (made on first use).</summary>
    internal AttributeCache?[]? AttributeCaches;

    /// <summary>
    /// What one LOAD_GLOBAL found, valid while the globals and builtins it looked in are the same dicts with the
    /// same contents (CPython 3.11+ specialises LOAD_GLOBAL on the dicts' keys versions likewise). Mutable: one per
    /// instruction, refreshed in place on a miss; a code object runs on one thread.
    /// </summary>
    internal sealed class GlobalCache
    {
        public PyDict? Globals, Builtins;
        public int GlobalsMutations, BuiltinsMutations;
        public PyObject? Value;
    }

    /// <summary>Finished frames of this code, ready for the next calls (<see cref="Frame.Take"/>).</summary>
    internal Frame? SpareFrame;
    internal int SpareCount;

    public sealed record Handler(int Target, int Depth, bool Lasti);

    public bool IsGenerator => (Flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) != 0;

    public override PyType Type => PyType.CodeType;

    public int TotalArgs => ArgCount + KwOnlyArgCount + ((Flags & CO_VARARGS) != 0 ? 1 : 0) + ((Flags & CO_VARKEYWORDS) != 0 ? 1 : 0);

    private static Handler?[] BuildHandlers(F.PyCode source, Decoder.Result decoded)
    {
        var result = new Handler?[decoded.Code.Length];
        if (source.ExceptionTable is null || source.ExceptionTable.Length == 0)
            return result;
        foreach (var e in ExceptionTableEntry.Parse(source))
        {
            int startUnit = e.Start / 2, endUnit = e.End / 2, targetUnit = e.Target / 2;
            if (targetUnit >= decoded.IndexOfUnit.Length - 1 || startUnit < 0 || endUnit > decoded.IndexOfUnit.Length - 1)
                throw new BadCodeException($"code object {source.NameText}: exception table entry outside the code");
            var h = new Handler(decoded.IndexOfUnit[targetUnit], e.Depth, e.Lasti);
            for (int i = 0; i < decoded.Offsets.Length; i++)
            {
                int off = decoded.Offsets[i];
                if (off >= e.Start && off < e.End)
                    result[i] = h;
            }
        }
        return result;
    }

    private Positions[]? _positions;

    /// <summary>co_positions() of the instruction at decoded index <paramref name="index"/>.</summary>
    public Positions PositionsOf(int index)
    {
        _positions ??= LocationTable.ByCodeUnit(Source);
        int unit = index >= 0 && index < Offsets.Length ? Offsets[index] / 2 : -1;
        return unit >= 0 && unit < _positions.Length ? _positions[unit] : default;
    }

    public int? LineOf(int index) => PositionsOf(index).Line;

    /// <summary>The decoded index of the instruction at a byte offset (RERAISE restoring f_lasti).</summary>
    public int IndexOfOffset(int offset)
    {
        int i = Array.BinarySearch(Offsets, offset);
        return i >= 0 ? i : Math.Max(0, ~i - 1);
    }
}
