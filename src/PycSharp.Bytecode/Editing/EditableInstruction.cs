using PycSharp.Bytecode.Disassembly;

namespace PycSharp.Bytecode.Editing;

/// <summary>
/// One instruction of an <see cref="EditableCode"/>. EXTENDED_ARG prefixes are folded into <see cref="Arg"/> and
/// written back as needed; a jump points at the instruction it goes to, and its argument is recomputed on writing.
/// </summary>
public sealed class EditableInstruction
{
    public EditableInstruction(int opcode, int arg = 0)
    {
        Opcode = opcode;
        Arg = arg;
    }

    /// <summary>The opcode byte.</summary>
    public int Opcode { get; set; }

    /// <summary>
    /// The oparg (up to 32 bits, EXTENDED_ARG prefixes folded in). Ignored for a jump with a <see cref="Target"/>,
    /// whose argument is computed from where the target ends up.
    /// </summary>
    public int Arg { get; set; }

    /// <summary>For a jump: the instruction it goes to. Null for other instructions, and for a jump read from
    /// data that goes somewhere no instruction starts (its <see cref="Arg"/> is then written as it is).</summary>
    public EditableInstruction? Target { get; set; }

    /// <summary>
    /// Write at least this many EXTENDED_ARG prefixes, even if the argument needs fewer: set when the code read had
    /// more than needed, so that writing it back gives the same bytes.
    /// </summary>
    public int MinimumExtendedArgs { get; set; }

    /// <summary>The inline CACHE code units after the opcode (3.11+), as read; null writes zeros.</summary>
    public byte[]? Caches { get; set; }

    /// <summary>
    /// Where the instruction comes from in the source: line, end line, columns (3.11+); only the line before 3.11.
    /// Null members are unknown.
    /// </summary>
    public Positions Location { get; set; }

    /// <summary>
    /// Up to 3.9: the co_lnotab pairs (byte increment, line increment) read at this instruction. They are written
    /// back as they are while they still fit (same distance from the previous entry, same line); otherwise an entry is
    /// written the compiler's way. They matter because the compiler's peephole pass left entries behind that no
    /// rule derives from the lines alone: zero increments, several entries at one offset, lines going back and forth.
    /// </summary>
    public (int Bytes, int Lines)[]? LineEntries { get; set; }

    public override string ToString() => $"{Opcode} {Arg}{(Target is null ? "" : " -> instruction")}";
}

/// <summary>
/// An entry of the 3.11+ exception table: instructions from <see cref="Start"/> up to (not including)
/// <see cref="End"/> (null: to the end of the code) are handled at <see cref="Handler"/>.
/// </summary>
public sealed record ExceptionRegion(EditableInstruction Start, EditableInstruction? End, EditableInstruction Handler, int Depth, bool Lasti);

/// <summary>Code that cannot be loaded into the editable form or written from it, with the reason.</summary>
public sealed class EditException(string message) : Exception(message);
