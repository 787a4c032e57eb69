using System.Diagnostics.CodeAnalysis;

namespace PycSharp.Format;

/// <summary>
/// The one exception the format layer throws for bad input: a truncated, corrupted or hostile .pyc or marshal stream.
/// It carries the byte offset (from the start of the file, or of the marshal data when there is no file) and the
/// reason, in CPython's wording where CPython has one (Python/marshal.c: "bad marshal data (…)").
/// </summary>
public sealed class PycFormatException : Exception
{
    public PycFormatException(long offset, string reason, string? fileName = null)
        : base(Describe(fileName, offset, reason))
    {
        Offset = offset;
        Reason = reason;
        FileName = fileName;
    }

    /// <summary>Byte offset at which the problem was found.</summary>
    public long Offset { get; }

    /// <summary>What is wrong, without file or offset.</summary>
    public string Reason { get; }

    public string? FileName { get; }

    /// <summary>The same error, naming the file it came from.</summary>
    public PycFormatException WithFileName(string fileName) => new(Offset, Reason, fileName);

    private static string Describe(string? fileName, long offset, string reason) =>
        fileName is null ? $"offset {offset}: {reason}" : $"{fileName}: offset {offset}: {reason}";

    [DoesNotReturn]
    internal static void Throw(long offset, string reason) => throw new PycFormatException(offset, reason);
}
