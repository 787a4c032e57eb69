using System.Diagnostics.CodeAnalysis;

namespace PycSharp.Bytecode.Compiler;

/// <summary>Why the compiler gave up: the source is not Python, or it is Python the compiler does not handle.</summary>
public enum CompileErrorKind
{
    /// <summary>A real syntax error: CPython raises SyntaxError for it too.</summary>
    SyntaxError,

    /// <summary>A SyntaxError subclass CPython raises for bad indentation.</summary>
    IndentationError,

    /// <summary>Valid Python outside the compiler's subset.</summary>
    Unsupported,
}

/// <summary>
/// A compile failure carrying what a Python SyntaxError holds (msg, lineno, 1-based offset, end position and the
/// source line), or for an unsupported construct, its description.
/// </summary>
public sealed class CompileError(CompileErrorKind kind, string msg, int line, int offset, int endLine, int endOffset, string? text)
    : Exception(kind == CompileErrorKind.Unsupported
        ? $"compile(): {msg} is not supported by the PycSharp compiler"
        : $"{msg} (line {line}, offset {offset})")
{
    public CompileErrorKind Kind { get; } = kind;
    public string Msg { get; } = msg;
    public int Line { get; } = line;
    public int Offset { get; } = offset;
    public int EndLine { get; } = endLine;
    public int EndOffset { get; } = endOffset;
    public string? Text { get; } = text;

    [DoesNotReturn]
    internal static void Unsupported(string construct, int line) =>
        throw new CompileError(CompileErrorKind.Unsupported, construct, line, 0, line, 0, null);
}
