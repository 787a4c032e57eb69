using PycSharp.Format;
using PycSharp.Format.Objects;
using PycSharp.Format.Pyc;

namespace PycSharp.Bytecode.Editing;

/// <summary>
/// Checks that the editor loses nothing: every code object of a file, loaded into the editable form and written
/// back unchanged, must come out with the same co_code, line table, exception table and counts.
/// </summary>
public static class EditRoundTrip
{
    public static RoundTripResult Check(byte[] data, PycReadOptions? options = null)
    {
        if (RoundTripResult.Read(data, options, out var unreadable) is not { } file)
            return unreadable!;
        if (file.Code is not { } root)
            return new(RoundTripOutcome.Unreadable, 0, $"holds a {file.Object.TypeName}, not a code object");
        foreach (var code in root.SelfAndNested())
        {
            string where = $"code object {code.NameText} (line {code.FirstLineNo})";
            PyCode written;
            try
            {
                written = EditableCode.Load(code, file.Version).ToCode();
            }
            catch (EditException e)
            {
                return new(RoundTripOutcome.Differs, 0, $"{where}: {e.Message}");
            }
            if (!ReferenceEquals(written, code))
                return new(RoundTripOutcome.Differs, 0, $"{where}: {Difference(code, written)}");
        }
        return new(RoundTripOutcome.Identical);
    }

    /// <summary>The first attribute that came out different, and where.</summary>
    public static string Difference(PyCode original, PyCode written)
    {
        string? Bytes(string name, PyBytes? a, PyBytes? b)
        {
            if (a is null || b is null)
                return a is null && b is null ? null : $"{name}: {(a is null ? "absent" : "present")} in the original";
            int common = a.Span.CommonPrefixLength(b.Span);
            return common == a.Length && common == b.Length
                ? null
                : $"{name} differs from byte {common} (original {a.Length} bytes: {Hex(a.Span, common)}; written {b.Length}: {Hex(b.Span, common)})";
        }
        return Bytes("co_code", original.Code, written.Code)
            ?? Bytes("line table", original.LineTable, written.LineTable)
            ?? Bytes("co_exceptiontable", original.ExceptionTable, written.ExceptionTable)
            ?? (original.NLocals != written.NLocals ? $"co_nlocals {original.NLocals}, written {written.NLocals}" : null)
            ?? (original.StackSize != written.StackSize ? $"co_stacksize {original.StackSize}, written {written.StackSize}" : null)
            ?? "an attribute object was replaced";
    }

    private static string Hex(ReadOnlySpan<byte> bytes, int from)
    {
        int start = Math.Max(0, from - 4);
        var part = bytes[start..Math.Min(bytes.Length, from + 8)];
        return (start > 0 ? "…" : "") + Convert.ToHexString(part).ToLowerInvariant();
    }
}
