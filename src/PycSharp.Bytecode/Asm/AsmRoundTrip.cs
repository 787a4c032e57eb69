using PycSharp.Bytecode.Editing;
using PycSharp.Format.Objects;
using PycSharp.Format.Pyc;

namespace PycSharp.Bytecode.Asm;

/// <summary>
/// Checks the text assembly: a file written as .pyasm and assembled again must give the same code objects
/// (co_code, line and exception tables, constants, names, counts, flags) and, ideally, the same bytes.
/// </summary>
public static class AsmRoundTrip
{
    /// <summary>
    /// Identical: the same bytes. Differs with a reason starting "marshal only:": the same code objects, written
    /// with other marshal type codes or references. Otherwise the first difference.
    /// </summary>
    public static RoundTripResult Check(byte[] data, PycReadOptions? options = null)
    {
        if (RoundTripResult.Read(data, options, out var unreadable) is not { } file)
            return unreadable!;
        if (file.Code is null)
            return new(RoundTripOutcome.Unreadable, 0, $"holds a {file.Object.TypeName}, not a code object");
        byte[] written;
        PyCode code;
        try
        {
            (written, code) = AsmReader.AssembleWithCode(AsmWriter.Write(file));
        }
        catch (Exception e) when (e is AsmException or EditException)
        {
            return new(RoundTripOutcome.Differs, 0, e.Message);
        }
        if (written.AsSpan().SequenceEqual(data))
            return new(RoundTripOutcome.Identical);
        return new(RoundTripOutcome.Differs, 0,
            EditRoundTrip.Difference(file.Code, code, file.Version) ?? "marshal only: the same code objects, other marshal type codes or references");
    }
}
