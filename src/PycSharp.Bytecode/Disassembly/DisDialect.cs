using PycSharp.Format;

namespace PycSharp.Bytecode.Disassembly;

/// <summary>How a version's line table is encoded.</summary>
public enum LineTableKind
{
    /// <summary>co_lnotab, unsigned line increments (2.x–3.5).</summary>
    LnotabUnsigned,
    /// <summary>co_lnotab, signed line increments (3.6–3.9).</summary>
    LnotabSigned,
    /// <summary>co_linetable of 3.10: (start delta, line delta) pairs, -128 meaning no line.</summary>
    Linetable310,
    /// <summary>The location table of 3.11+ (Objects/locations.md).</summary>
    Locations311,
}

/// <summary>
/// What a version's Lib/dis.py does differently, beyond its opcode table: one record per era, chosen in one place.
/// </summary>
public sealed record DisDialect
{
    /// <summary>dis.dis(code) goes on into nested code objects ("Disassembly of …:"), 3.7+.</summary>
    public bool Recursive { get; init; }

    /// <summary>The line and offset columns widen for line numbers &gt;= 1000 and offsets &gt;= 10000 (3.7+).</summary>
    public bool WideColumns { get; init; }

    /// <summary>_unpack_opargs clears a pending EXTENDED_ARG at an instruction without argument (3.10+).</summary>
    public bool ResetsExtendedArg { get; init; }

    /// <summary>findlinestarts stops at the first lnotab address past the end of the bytecode (3.8, 3.9).</summary>
    public bool StopsPastEnd { get; init; }

    public LineTableKind LineTable { get; init; }

    /// <summary>Python 2's disassemble(): print statements, trailing spaces after bare opnames, 3-byte instructions.</summary>
    public bool Python2Layout { get; init; }

    /// <summary>3.11+: co_exceptiontable; its handlers are jump targets and dis prints it after the code.</summary>
    public bool ExceptionTable { get; init; }

    /// <summary>3.11+: no line number column at all when the code has no line starts (show_lineno = bool(linestarts)).</summary>
    public bool LinenoColumnOptional { get; init; }

    /// <summary>
    /// 3.13+: jump targets and exception-table bounds get labels (L1:, "to L3"), offsets are hidden, lines without a
    /// number print as "--", and findlinestarts reports every change of line, to and from None.
    /// </summary>
    public bool Labels { get; init; }

    /// <summary>3.12+: with show_caches, the first CACHE entry of each field shows "name: value" (3.11 only when quickened).</summary>
    public bool CacheArgrepr { get; init; }

    /// <summary>
    /// 3.11 only: the compiler writes a location entry per instruction (Python/compile.c write_location_info_entry
    /// from assemble_emit); from 3.12 consecutive instructions with the same location share entries.
    /// </summary>
    public bool LocationEntryPerInstruction { get; init; }

    /// <summary>
    /// 3.10–3.12: the compiler's stackdepth() starts generators and coroutines at depth 1 (GEN_START, later
    /// RETURN_GENERATOR/POP_TOP, pops it), so co_stacksize counts one more.
    /// </summary>
    public bool GeneratorStackStartsAtOne { get; init; }

    /// <summary>
    /// 3.8: try/finally code (CALL_FINALLY, BEGIN_FINALLY, POP_FINALLY) reaches the finally block at different
    /// depths, and the compiler's stackdepth() walks such a join again at the deeper one instead of refusing it.
    /// </summary>
    public bool StackJoinsTakeDeepest { get; init; }

    /// <summary>3.13+: the code object constructor makes co_stacksize at least 1.</summary>
    public int MinimumStackSize { get; init; }

    /// <summary>3.11+: opargs are C ints; EXTENDED_ARG prefixes that overflow 32 bits wrap to negative values.</summary>
    public bool SignedOparg { get; init; }

    // Each era is the one before it plus what its Lib/dis.py changed.
    private static readonly DisDialect s_python2 = new() { Python2Layout = true, LineTable = LineTableKind.LnotabUnsigned };
    private static readonly DisDialect s_python30 = new() { LineTable = LineTableKind.LnotabUnsigned };
    private static readonly DisDialect s_python36 = s_python30 with { LineTable = LineTableKind.LnotabSigned };
    private static readonly DisDialect s_python37 = s_python36 with { Recursive = true, WideColumns = true };
    private static readonly DisDialect s_python38 = s_python37 with { StopsPastEnd = true, StackJoinsTakeDeepest = true };
    private static readonly DisDialect s_python39 = s_python38 with { StackJoinsTakeDeepest = false };
    private static readonly DisDialect s_python310 = s_python37 with
    {
        ResetsExtendedArg = true, LineTable = LineTableKind.Linetable310, GeneratorStackStartsAtOne = true,
    };
    private static readonly DisDialect s_python311 = s_python310 with
    {
        LineTable = LineTableKind.Locations311, ExceptionTable = true, LinenoColumnOptional = true, SignedOparg = true,
        LocationEntryPerInstruction = true,
    };
    private static readonly DisDialect s_python312 = s_python311 with { CacheArgrepr = true, LocationEntryPerInstruction = false };
    private static readonly DisDialect s_python313 = s_python312 with
    {
        Labels = true, GeneratorStackStartsAtOne = false, MinimumStackSize = 1,
    };

    public static DisDialect For(PythonVersion v) => v switch
    {
        { Major: 2 } => s_python2,
        { Major: 3, Minor: < 6 } => s_python30,
        { Major: 3, Minor: 6 } => s_python36,
        { Major: 3, Minor: 7 } => s_python37,
        { Major: 3, Minor: 8 } => s_python38,
        { Major: 3, Minor: 9 } => s_python39,
        { Major: 3, Minor: 10 } => s_python310,
        { Major: 3, Minor: 11 } => s_python311,
        { Major: 3, Minor: 12 } => s_python312,
        _ => s_python313,
    };
}
