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

    /// <summary>3.11+: opargs are C ints; EXTENDED_ARG prefixes that overflow 32 bits wrap to negative values.</summary>
    public bool SignedOparg { get; init; }

    public static DisDialect For(PythonVersion v) => v switch
    {
        { Major: 2 } => new() { Python2Layout = true, LineTable = LineTableKind.LnotabUnsigned },
        { Major: 3, Minor: < 6 } => new() { LineTable = LineTableKind.LnotabUnsigned },
        { Major: 3, Minor: 6 } => new() { LineTable = LineTableKind.LnotabSigned },
        { Major: 3, Minor: 7 } => new() { Recursive = true, WideColumns = true, LineTable = LineTableKind.LnotabSigned },
        { Major: 3, Minor: < 10 } => new() { Recursive = true, WideColumns = true, StopsPastEnd = true, LineTable = LineTableKind.LnotabSigned },
        { Major: 3, Minor: 10 } => new() { Recursive = true, WideColumns = true, ResetsExtendedArg = true, LineTable = LineTableKind.Linetable310 },
        { Major: 3, Minor: 11 } => new()
        {
            Recursive = true, WideColumns = true, ResetsExtendedArg = true, LineTable = LineTableKind.Locations311,
            ExceptionTable = true, LinenoColumnOptional = true, SignedOparg = true,
        },
        { Major: 3, Minor: 12 } => new()
        {
            Recursive = true, WideColumns = true, ResetsExtendedArg = true, LineTable = LineTableKind.Locations311,
            ExceptionTable = true, LinenoColumnOptional = true, SignedOparg = true, CacheArgrepr = true,
        },
        _ => new()
        {
            Recursive = true, WideColumns = true, ResetsExtendedArg = true, LineTable = LineTableKind.Locations311,
            ExceptionTable = true, LinenoColumnOptional = true, SignedOparg = true, Labels = true, CacheArgrepr = true,
        },
    };
}
