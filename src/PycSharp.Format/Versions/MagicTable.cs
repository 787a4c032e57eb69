using System.Buffers.Binary;
using System.Collections.Frozen;

namespace PycSharp.Format.Versions;

/// <summary>What a magic number marks.</summary>
public enum MagicKind
{
    /// <summary>Written by the final release of the version (and its bugfix releases).</summary>
    Release,
    /// <summary>Written only by alphas, betas or candidates before the release it leads to.</summary>
    Development,
    /// <summary>Python 1.6–2.7 run with <c>-U</c>: the release or development magic plus one.</summary>
    Unicode,
    /// <summary>A magic of a version that has no final release yet.</summary>
    Prerelease,
}

/// <summary>One known magic number: the first four bytes of a .pyc.</summary>
/// <param name="Word">The four bytes as a little-endian 32-bit value.</param>
/// <param name="Number">The 16-bit number before "\r\n", or -1 for the 1.0–1.2 forms that had no "\r\n".</param>
/// <param name="Version">The release it belongs to, or leads to.</param>
/// <param name="HeaderSize">Bytes before the marshal data: 8 up to 3.2, 12 for 3.3–3.6, 16 from 3.7 (PEP 552).</param>
/// <param name="Label">What CPython's history comment says of it.</param>
public sealed record MagicEntry(uint Word, int Number, PythonVersion Version, MagicKind Kind, int HeaderSize, string Label)
{
    public byte[] Bytes()
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, Word);
        return b;
    }

    public override string ToString() => Number >= 0 ? $"{Number} ({Version})" : $"0x{Word:x8} ({Version})";
}

/// <summary>Every CPython magic number, from data/magic_numbers.json (see tools/extract_magic.py).</summary>
public static partial class MagicTable
{
    // Initialised here, in textual order; the generated part only supplies CreateEntries().
    private static readonly MagicEntry[] s_entries = CreateEntries();
    private static readonly FrozenDictionary<uint, MagicEntry> s_byWord = s_entries.ToFrozenDictionary(e => e.Word);

    /// <summary>All entries, sorted by magic.</summary>
    public static IReadOnlyList<MagicEntry> All => s_entries;

    public static MagicEntry? Lookup(ReadOnlySpan<byte> firstFour) =>
        firstFour.Length >= 4 && s_byWord.TryGetValue(BinaryPrimitives.ReadUInt32LittleEndian(firstFour), out var e) ? e : null;

    /// <summary>The magic the final release of a version writes (the last one, if bugfix releases changed it).</summary>
    public static MagicEntry? ReleaseOf(PythonVersion version)
    {
        MagicEntry? best = null;
        foreach (var e in s_entries)
            if (e.Version == version && e.Kind is MagicKind.Release or MagicKind.Prerelease)
                if (best is null || e.Number > best.Number)
                    best = e;
        return best;
    }

    /// <summary>Header size a version's files have (for a forced version with no known magic: by era).</summary>
    public static int HeaderSizeOf(PythonVersion version) =>
        ReleaseOf(version)?.HeaderSize ?? (version >= new PythonVersion(3, 7) ? 16 : version >= new PythonVersion(3, 3) ? 12 : 8);

    /// <summary>The known versions whose magic numbers are closest below and above an unknown number.</summary>
    public static (MagicEntry? Below, MagicEntry? Above) Nearest(int number)
    {
        MagicEntry? below = null, above = null;
        foreach (var e in s_entries)
        {
            if (e.Number < 0 || e.Kind == MagicKind.Unicode)
                continue;
            if (e.Number < number && (below is null || e.Number > below.Number))
                below = e;
            if (e.Number > number && (above is null || e.Number < above.Number))
                above = e;
        }
        return (below, above);
    }

    /// <summary>Versions that appear in the table, oldest first.</summary>
    public static IReadOnlyList<PythonVersion> Versions { get; } =
        s_entries.Select(e => e.Version).Distinct().Order().ToArray();
}
