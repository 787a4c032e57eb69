using System.Collections.Concurrent;
using System.Collections.Immutable;
using PycSharp.Format;

namespace PycSharp.Bytecode.Opcodes;

/// <summary>The opcode sets of Lib/opcode.py (has*), plus whether dis reads an oparg for the byte.</summary>
[Flags]
public enum OpcodeSets
{
    None = 0,
    HasArg = 1 << 0,
    HasConst = 1 << 1,
    HasName = 1 << 2,
    HasJrel = 1 << 3,
    HasJabs = 1 << 4,
    HasLocal = 1 << 5,
    HasFree = 1 << 6,
    HasCompare = 1 << 7,
    HasExc = 1 << 8,
    HasJump = 1 << 9,
    HasNargs = 1 << 10,
    /// <summary>The version's dis reads an oparg after this byte (3.12+: even for unknown bytes it does not).</summary>
    DisReadsArg = 1 << 11,
}

/// <summary>What the version's dis knows of one byte.</summary>
/// <param name="Caches">Inline CACHE code units dis skips after the instruction (3.11+).</param>
/// <param name="Deopt">The byte dis resolves the argument as (3.11+ specialised ops), else the byte itself.</param>
/// <param name="Rule">Index into <see cref="OpcodeTable.Rules"/>, or -1 for no argument.</param>
public readonly record struct OpcodeInfo(int Flags, int Caches, int Deopt, int Rule)
{
    public OpcodeSets Sets => (OpcodeSets)Flags;
    public bool DisReadsArg => (Flags & (int)OpcodeSets.DisReadsArg) != 0;
}

/// <summary>
/// One CPython version's opcode table, generated from what that interpreter reported (data/opcodes/X.Y.json).
/// Every one of the 256 bytes has an entry; unknown bytes are named as CPython names them ("&lt;N&gt;").
/// </summary>
public sealed class OpcodeTable
{
    private readonly string[] _names;
    private readonly string[] _disNames;
    private readonly OpcodeInfo[] _info;
    private readonly int _absoluteJumpUnit;
    private readonly OpcodeStackEffect?[] _stackEffects;

    internal OpcodeTable(PythonVersion version, int haveArgument, int extendedArg, int cache, string[] names,
        string[] disNames, OpcodeInfo[] flags, ArgRule[] rules, string[] cmpOp, string[] backwardJumps,
        (int Flag, string Name)[] compilerFlagNames, (string Op, (string Field, int Size)[] Fields)[] cacheFormat,
        OpcodeStackEffect?[] stackEffects, bool stackEffectJump)
    {
        _stackEffects = stackEffects;
        StackEffectHasJump = stackEffectJump;
        CacheFormat = cacheFormat.ToImmutableDictionary(x => x.Op, x => x.Fields.ToImmutableArray(), StringComparer.Ordinal);
        CompilerFlagNames = compilerFlagNames.ToImmutableDictionary(x => x.Flag, x => x.Name);
        Version = version;
        HaveArgument = haveArgument;
        ExtendedArg = extendedArg;
        Cache = cache;
        _names = names;
        _disNames = disNames;
        _info = flags;
        Rules = [.. rules];
        // Absolute jumps count in the same unit as relative ones: bytes up to 3.9, instructions from 3.10.
        _absoluteJumpUnit = rules.FirstOrDefault(r => r.Source == ArgSource.Jump)?.Slope is { } s and not 0 ? Math.Abs(s) : 1;
        CmpOp = [.. cmpOp];
        BackwardJumps = [.. backwardJumps];
    }

    public PythonVersion Version { get; }
    public int HaveArgument { get; }
    public int ExtendedArg { get; }
    /// <summary>The CACHE opcode (3.11+), else -1.</summary>
    public int Cache { get; }

    /// <summary>Wordcode (3.6+): every instruction is two bytes; before, one byte or three with an argument.</summary>
    public bool IsWordcode => Version >= new PythonVersion(3, 6);

    /// <summary><c>opcode.opname[op]</c>.</summary>
    public string OpName(int op) => _names[op];

    /// <summary><c>opcode.opmap[name]</c>: the byte of a named instruction, or null if the version has none.</summary>
    public int? OpcodeOf(string name)
    {
        int i = Array.IndexOf(_names, name);
        return i >= 0 ? i : null;
    }

    /// <summary>The name the version's dis prints (3.11–3.13 dis names some unassigned bytes after specialised ops).</summary>
    public string DisName(int op) => _disNames[op];

    public OpcodeInfo Info(int op) => _info[op];

    public bool Has(int op, OpcodeSets set) => (_info[op].Flags & (int)set) != 0;

    public ImmutableArray<ArgRule> Rules { get; }
    public ImmutableArray<string> CmpOp { get; }
    public ImmutableArray<string> BackwardJumps { get; }

    /// <summary>opcode._cache_format: each instruction's inline cache fields and their sizes in code units (3.11+).</summary>
    public ImmutableDictionary<string, ImmutableArray<(string Field, int Size)>> CacheFormat { get; }

    /// <summary>dis.COMPILER_FLAG_NAMES: the names show_code gives co_flags bits (empty for Python 2).</summary>
    public ImmutableDictionary<int, string> CompilerFlagNames { get; }

    public ArgRule? RuleOf(int op) => _info[op].Rule is >= 0 and var r ? Rules[r] : null;

    /// <summary>
    /// dis.stack_effect(op, arg, jump=jump): how the instruction changes the depth of the value stack when it falls
    /// through or jumps; null if the version has no stack_effect (2.7) or none for this opcode and argument.
    /// </summary>
    public int? StackEffect(int op, long arg, bool jump) =>
        _stackEffects.Length == 256 && _stackEffects[op] is { } e ? (jump ? e.Jump : e.NoJump).Of(arg) : null;

    /// <summary>dis.stack_effect takes jump= (3.8+); before, it gave the larger of the two effects.</summary>
    public bool StackEffectHasJump { get; }

    /// <summary>True if the instruction's argument is a jump target (relative or absolute).</summary>
    public bool IsJump(int op) => RuleOf(op) is { Source: ArgSource.Jump } || Has(_info[op].Deopt, OpcodeSets.HasJabs);

    /// <summary>
    /// True if execution can go to the jump target. Not for an argument dis shows as "from" (3.14 END_ASYNC_FOR
    /// names the SEND of the loop it ends, for the debugger; execution goes on to the next instruction).
    /// </summary>
    public bool IsControlJump(int op) => IsJump(op) && RuleOf(op) is not { JumpWord: "from" };

    /// <summary>
    /// Where a jump at <paramref name="offset"/> (of its opcode, after any EXTENDED_ARG prefixes) with this argument
    /// goes, as dis computes it; null if the instruction is not a jump.
    /// </summary>
    public long? JumpTarget(int offset, int op, long arg)
    {
        var info = _info[op];
        var rule = info.Rule >= 0 ? Rules[info.Rule] : null;
        bool absolute = Has(info.Deopt, OpcodeSets.HasJabs);
        if (rule is { Source: ArgSource.Jump })
            return (absolute ? 0 : offset) + rule.Base + rule.Slope * arg;
        if (absolute)
            return arg * _absoluteJumpUnit;
        return null;
    }

    /// <summary>
    /// The argument that makes a jump at <paramref name="offset"/> go to <paramref name="target"/>: the inverse of
    /// <see cref="JumpTarget"/>. False if no argument does (the wrong direction, or between code units).
    /// </summary>
    public bool TryJumpArg(int offset, int op, long target, out long arg)
    {
        arg = 0;
        var info = _info[op];
        var rule = info.Rule >= 0 ? Rules[info.Rule] : null;
        bool absolute = Has(info.Deopt, OpcodeSets.HasJabs);
        long numerator;
        int slope;
        if (rule is { Source: ArgSource.Jump })
        {
            numerator = target - (absolute ? 0 : offset) - rule.Base;
            slope = rule.Slope;
        }
        else if (absolute)
        {
            numerator = target;
            slope = _absoluteJumpUnit;
        }
        else
            return false;
        if (slope == 0 || numerator % slope != 0 || numerator / slope < 0)
            return false;
        arg = numerator / slope;
        return true;
    }
}

/// <summary>Opcode tables by version.</summary>
public static partial class OpcodeTables
{
    // Looked up once per file by pyc dis on every core: reads take no lock.
    private static readonly ConcurrentDictionary<PythonVersion, OpcodeTable?> s_cache = [];

    /// <summary>The table of a version, or null if no interpreter of that version was dumped.</summary>
    public static OpcodeTable? For(PythonVersion version) =>
        s_cache.GetOrAdd(version, static v => Create(v.Major, v.Minor));
}
