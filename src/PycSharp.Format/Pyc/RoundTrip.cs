namespace PycSharp.Format.Pyc;

public enum RoundTripOutcome { Identical, Differs, Unreadable }

/// <summary>The result of reading a file and writing it back in memory.</summary>
/// <param name="Offset">First differing byte (Differs) or where reading failed (Unreadable).</param>
public sealed record RoundTripResult(RoundTripOutcome Outcome, long Offset = 0, string? Reason = null)
{
    /// <summary>Reads <paramref name="data"/>, writes it back and compares byte for byte. Never throws for bad data.</summary>
    public static RoundTripResult Check(byte[] data, PycReadOptions? options = null)
    {
        if (Read(data, options, out var unreadable) is not { } file)
            return unreadable!;

        byte[] written;
        try
        {
            written = file.ToBytes();
        }
        catch (InvalidOperationException e)
        {
            return new(RoundTripOutcome.Differs, 0, $"cannot be written back: {e.Message}");
        }
        int common = data.AsSpan().CommonPrefixLength(written);
        if (common == data.Length && common == written.Length)
            return new(RoundTripOutcome.Identical);
        return new(RoundTripOutcome.Differs, common,
            $"rewritten bytes differ from offset {common} (original {data.Length} bytes, rewritten {written.Length})");
    }

    /// <summary>Reads the file a round-trip check starts from; on bad data, null and the Unreadable result.</summary>
    public static PycFile? Read(byte[] data, PycReadOptions? options, out RoundTripResult? unreadable)
    {
        unreadable = null;
        try
        {
            return PycFile.Read(data.AsMemory(), options);
        }
        catch (PycFormatException e)
        {
            unreadable = new(RoundTripOutcome.Unreadable, e.Offset, e.Reason);
            return null;
        }
    }
}
