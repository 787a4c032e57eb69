using System.Collections.Immutable;

namespace PycSharp.Bytecode.Opcodes;

/// <summary>Where an instruction's argument points.</summary>
public enum ArgSource
{
    /// <summary>dis shows no argrepr.</summary>
    Empty,
    /// <summary><c>co_consts[arg]</c>, shown as its repr.</summary>
    Const,
    /// <summary><c>co_names</c>.</summary>
    Name,
    /// <summary>Local variables (<c>co_varnames</c>; 3.11+: <c>co_localsplusnames</c>).</summary>
    Local,
    /// <summary>Cell and free variables (up to 3.10: <c>co_cellvars + co_freevars</c>).</summary>
    Free,
    /// <summary>Two locals packed in one argument (3.13+ LOAD_FAST_LOAD_FAST and friends): <c>arg &gt;&gt; 4</c>, <c>arg &amp; 15</c>.</summary>
    LocalPair,
    /// <summary>A jump: the target offset is <c>offset + Base + Slope * arg</c>.</summary>
    Jump,
    /// <summary>A fixed string per argument value (cmp_op, binary operators, intrinsics, flags, …).</summary>
    Literal,
}

/// <summary>
/// How one opcode's argument becomes dis's argrepr in one version; inferred by the generator from the
/// interpreter's own dis (see tools/PycSharp.Generator/OpcodeTablesGenerator.cs).
/// </summary>
public sealed record ArgRule(ArgSource Source)
{
    public static readonly ArgRule Empty = new(ArgSource.Empty);
    public static readonly ArgRule Const = new(ArgSource.Const);
    public static readonly ArgRule Name = new(ArgSource.Name);
    public static readonly ArgRule Local = new(ArgSource.Local);
    public static readonly ArgRule Free = new(ArgSource.Free);
    public static readonly ArgRule LocalPair = new(ArgSource.LocalPair);

    /// <summary>For indexed sources: the index is <c>arg &gt;&gt; Shift</c>; the low bits choose a prefix and suffix.</summary>
    public int Shift { get; init; }
    public ImmutableArray<string> Prefixes { get; init; } = [""];
    public ImmutableArray<string> Suffixes { get; init; } = [""];

    /// <summary>For jumps: "to" or "from" (3.14 END_ASYNC_FOR).</summary>
    public string JumpWord { get; init; } = "to";
    /// <summary>For jumps: dis prints a label (3.13+) rather than an offset.</summary>
    public bool JumpLabel { get; init; }
    public int Base { get; init; }
    public int Slope { get; init; }

    /// <summary>For literal tables: argrepr by argument value (null where dis fails).</summary>
    public ImmutableArray<string?> Table { get; init; } = [];

    public static ArgRule Indexed(ArgSource source, int shift, string[] prefixes, string[] suffixes) =>
        new(source) { Shift = shift, Prefixes = [.. prefixes], Suffixes = [.. suffixes] };

    public static ArgRule Jump(string word, bool label, int @base, int slope) =>
        new(ArgSource.Jump) { JumpWord = word, JumpLabel = label, Base = @base, Slope = slope };

    public static ArgRule Literal(string?[] table) => new(ArgSource.Literal) { Table = [.. table] };
}
