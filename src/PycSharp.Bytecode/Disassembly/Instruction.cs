using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Disassembly;

/// <summary>
/// One decoded instruction, with the fields of the newest <c>dis.Instruction</c>, filled as far as the file's
/// version defines them.
/// </summary>
/// <param name="OpName">The name the version's dis prints.</param>
/// <param name="Arg">The oparg (EXTENDED_ARG prefixes folded in), or null if the instruction takes none.</param>
/// <param name="ArgVal">The resolved argument: the constant, the name, the jump target offset, or the arg itself.</param>
/// <param name="ArgRepr">Human-readable argument, exactly as dis prints it between parentheses.</param>
/// <param name="Offset">Byte offset of the opcode.</param>
/// <param name="StartOffset">Offset of the first EXTENDED_ARG prefix of this instruction, else <paramref name="Offset"/>.</param>
/// <param name="Size">Bytes the instruction takes, its inline caches included.</param>
/// <param name="StartsLine">True if this instruction starts a source line.</param>
/// <param name="LineNumber">Its source line, if known (before 3.13 dis only reports it where a line starts).</param>
/// <param name="Label">The label number (3.13+ style), if other code jumps here.</param>
/// <param name="JumpTarget">The offset this instruction jumps to, if it is a jump.</param>
public sealed record Instruction(
    string OpName,
    int Opcode,
    int? Arg,
    PyObject? ArgVal,
    string ArgRepr,
    int Offset,
    int StartOffset,
    int Size,
    bool StartsLine,
    int? LineNumber,
    bool IsJumpTarget,
    int? Label,
    int? JumpTarget);
