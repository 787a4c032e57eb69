using System.Collections.Immutable;

namespace PycSharp.Bytecode.Opcodes;

/// <summary>
/// <c>dis.stack_effect</c> of one opcode as a function of its oparg, as dumped from the interpreter
/// (tools/dump_opcodes.py). For opargs 0–255: the values below <see cref="Period"/>, then the same pattern again,
/// shifted by <see cref="Slope"/> per unit of oparg (BUILD_TUPLE n: 1 - n; MAKE_FUNCTION: by its flag bits;
/// LOAD_GLOBAL 3.11+: by its low bit). Past 255: the effect of the low byte plus <see cref="HighSlope"/> per unit of
/// the bytes above it (-256 for BUILD_TUPLE, 1 for UNPACK_EX, which counts the two bytes apart), a model the
/// generator checks against the interpreter's answers for larger opargs. A null value is an oparg the interpreter
/// refused.
/// </summary>
public sealed record StackEffect(ImmutableArray<int?> Values, int Slope, int HighSlope = 0)
{
    private static readonly StackEffect?[] s_constants = [.. Enumerable.Range(-8, 17).Select(v => new StackEffect([v], 0))];

    /// <summary>An effect that does not depend on the oparg.</summary>
    public static StackEffect Constant(int value) =>
        value is >= -8 and <= 8 ? s_constants[value + 8]! : new StackEffect([value], 0);

    public int Period => Values.Length;

    /// <summary>The effect for this oparg, or null if the interpreter has none for it.</summary>
    public int? Of(long arg)
    {
        if (arg < 0)
            return null;
        if (arg >= 256)
            return Of(arg & 0xff) is { } low ? checked((int)(low + HighSlope * (arg >> 8))) : null;
        if (arg < Period)
            return Values[(int)arg];
        int r = (int)(arg % Period);
        return Values[r] is { } v ? checked((int)(v + Slope * (arg - r))) : null;
    }
}

/// <summary>An opcode's stack effect when it falls through and when it jumps (the same where the version makes
/// no difference, or has no <c>jump=</c> argument: before 3.8 dis gives the larger of the two).</summary>
public sealed record OpcodeStackEffect(StackEffect NoJump, StackEffect Jump);
