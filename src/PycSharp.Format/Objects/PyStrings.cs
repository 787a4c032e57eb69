using System.Text;
using PycSharp.Format.Marshal;

namespace PycSharp.Format.Objects;

/// <summary>
/// A byte string: Python 3 <c>bytes</c>, or Python 2 <c>str</c> (type codes 's', and 't' for interned).
/// </summary>
public sealed class PyBytes : PyObject
{
    public PyBytes(ReadOnlySpan<byte> value) : this(value.ToArray(), 0) { }
    internal PyBytes(ReadOnlyMemory<byte> value, byte marshalType) : base(marshalType) => Value = value;

    /// <summary>
    /// The bytes. Read objects share the reader's buffer (a private copy, or a buffer the caller promised not to
    /// change), so nothing can write through this.
    /// </summary>
    public ReadOnlyMemory<byte> Value { get; }

    public ReadOnlySpan<byte> Span => Value.Span;

    public int Length => Value.Length;

    /// <summary>Python 2 data: an interned <c>str</c> ('t'), which later 'R' references can point to.</summary>
    public bool IsInterned => (MarshalType & ~MarshalTypes.FlagRef) == MarshalTypes.Interned;

    public override string TypeName => "bytes";

    /// <summary>The bytes as Latin-1 text (handy for Python 2 names and file names).</summary>
    public override string ToString() => Encoding.Latin1.GetString(Value.Span);
}

/// <summary>How the payload bytes of a <see cref="PyString"/> map to code points.</summary>
public enum StringPayload : byte
{
    /// <summary>UTF-8 as Python writes it with "surrogatepass": lone surrogates are 3-byte sequences.</summary>
    Utf8,

    /// <summary>One byte per code point (the ASCII forms 'a', 'A', 'z', 'Z'; CPython reads them as Latin-1).</summary>
    Latin1,
}

/// <summary>
/// A text string (<c>str</c>; <c>unicode</c> in Python 2). Any code point, lone surrogates included: the payload
/// bytes are kept exactly as read, and code points are decoded from them, never through UTF-16.
/// </summary>
public sealed class PyString : PyObject
{
    private string? _value;

    internal PyString(ReadOnlyMemory<byte> payload, StringPayload kind, byte marshalType, bool interned)
        : base(marshalType)
    {
        Payload = payload;
        PayloadKind = kind;
        IsInterned = interned;
    }

    /// <summary>Builds a string from .NET text; unpaired UTF-16 surrogates become lone-surrogate code points.</summary>
    public static PyString From(string text, bool interned = false)
    {
        if (Ascii.IsValid(text))
            return new PyString(Encoding.ASCII.GetBytes(text), StringPayload.Latin1, 0, interned)
            { _value = text };
        return FromCodePoints(Utf8Surrogatepass.CodePointsOf(text), interned);
    }

    /// <summary>Builds a string from code points (0..0x10FFFF, surrogates allowed).</summary>
    public static PyString FromCodePoints(ReadOnlySpan<int> codePoints, bool interned = false)
    {
        bool ascii = true;
        foreach (var cp in codePoints)
        {
            if ((uint)cp > 0x10FFFF)
                throw new ArgumentOutOfRangeException(nameof(codePoints), $"code point {cp:X} is out of range");
            if (cp > 0x7F)
                ascii = false;
        }
        if (ascii)
        {
            var bytes = new byte[codePoints.Length];
            for (int i = 0; i < bytes.Length; i++)
                bytes[i] = (byte)codePoints[i];
            return new PyString(bytes, StringPayload.Latin1, 0, interned);
        }
        return new PyString(Utf8Surrogatepass.Encode(codePoints), StringPayload.Utf8, 0, interned);
    }

    /// <summary>The payload exactly as stored in the marshal data (read-only, see <see cref="PyBytes.Value"/>).</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    public StringPayload PayloadKind { get; }

    /// <summary>True if the string was marshalled as interned ('t', 'A', 'Z') or built as such.</summary>
    public bool IsInterned { get; }

    /// <summary>True if every code point is below 128.</summary>
    public bool IsAscii => Ascii.IsValid(Payload.Span);

    /// <summary>The code points of the string.</summary>
    public int[] CodePoints() =>
        PayloadKind == StringPayload.Latin1 ? Latin1CodePoints(Payload.Span) : Utf8Surrogatepass.Decode(Payload.Span);

    /// <summary>
    /// The string as .NET text. Exact for every string without surrogate code points; lone surrogates become
    /// lone UTF-16 chars (so two adjacent ones can look like a pair: use <see cref="CodePoints"/> to be exact).
    /// </summary>
    public string Value => _value ??= PayloadKind == StringPayload.Latin1
        ? Encoding.Latin1.GetString(Payload.Span)
        : Utf8Surrogatepass.ToUtf16(Payload.Span);

    public override string TypeName => "str";
    public override string ToString() => Value;

    private static int[] Latin1CodePoints(ReadOnlySpan<byte> bytes)
    {
        var result = new int[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
            result[i] = bytes[i];
        return result;
    }
}
