using System.Buffers.Binary;
using System.Collections.Immutable;
using PycSharp.Format.Versions;

namespace PycSharp.Format.Pyc;

/// <summary>How a .pyc says whether it is still up to date with its source (PEP 552, Python 3.7+).</summary>
public enum PycInvalidationMode
{
    /// <summary>Source modification time and size (every .pyc before 3.7; flags 0 after).</summary>
    Timestamp,
    /// <summary>Source hash, checked against the source on import (flags 0b11).</summary>
    CheckedHash,
    /// <summary>Source hash, not checked (flags 0b01).</summary>
    UncheckedHash,
}

/// <summary>
/// The header before the marshalled module: the magic number, then (by era) the source mtime (8 bytes in all up to
/// 3.2), the source size (12 bytes, 3.3–3.6), or PEP 552 flags followed by mtime and size or by a source hash
/// (16 bytes, 3.7+). See Lib/importlib/_bootstrap_external.py, <c>_classify_pyc</c> and <c>_code_to_*_pyc</c>.
/// </summary>
public sealed record PycHeader
{
    /// <summary>The header exactly as read (or as built).</summary>
    public required ImmutableArray<byte> Bytes { get; init; }

    /// <summary>The table entry of the magic number, or null if it is not a known one (forced version).</summary>
    public MagicEntry? Magic { get; init; }

    public int Size => Bytes.Length;

    /// <summary>PEP 552 flags (0 for files before 3.7).</summary>
    public uint Flags { get; init; }

    public PycInvalidationMode Mode { get; init; }

    /// <summary>Source modification time, seconds since the epoch (timestamp-based files).</summary>
    public uint? Timestamp { get; init; }

    /// <summary>The 8-byte source hash (hash-based files), as stored.</summary>
    public ImmutableArray<byte> SourceHash { get; init; } = ImmutableArray<byte>.Empty;

    /// <summary>Source size modulo 2**32 (3.3+ timestamp-based files).</summary>
    public uint? SourceSize { get; init; }

    public ReadOnlySpan<byte> MagicBytes => Bytes.AsSpan(0, 4);

    /// <summary>The 16-bit magic number, or -1 if the first bytes are not of the number + "\r\n" form.</summary>
    public int MagicNumber => Bytes[2] == 0x0D && Bytes[3] == 0x0A ? Bytes[0] | Bytes[1] << 8 : -1;

    public DateTimeOffset? TimestampUtc => Timestamp is { } t ? DateTimeOffset.FromUnixTimeSeconds(t) : null;

    /// <summary>Builds the header CPython of <paramref name="version"/> would write.</summary>
    public static PycHeader Create(PythonVersion version, uint timestamp = 0, uint sourceSize = 0,
        PycInvalidationMode mode = PycInvalidationMode.Timestamp, ReadOnlySpan<byte> sourceHash = default)
    {
        var magic = MagicTable.ReleaseOf(version)
            ?? throw new ArgumentException($"no known magic number for Python {version}", nameof(version));
        var bytes = new byte[magic.HeaderSize];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, magic.Word);
        uint flags = 0;
        if (magic.HeaderSize == 16)
        {
            flags = mode switch
            {
                PycInvalidationMode.CheckedHash => 0b11u,
                PycInvalidationMode.UncheckedHash => 0b01u,
                _ => 0u,
            };
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), flags);
        }
        else if (mode != PycInvalidationMode.Timestamp)
            throw new ArgumentException($"hash-based .pyc files need Python 3.7 or later, not {version}", nameof(mode));

        if (mode == PycInvalidationMode.Timestamp)
        {
            int at = magic.HeaderSize == 16 ? 8 : 4;
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), timestamp);
            if (magic.HeaderSize >= 12)
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 4), sourceSize);
        }
        else
        {
            if (sourceHash.Length != 8)
                throw new ArgumentException("a source hash has 8 bytes", nameof(sourceHash));
            sourceHash.CopyTo(bytes.AsSpan(8));
        }
        return Parse(bytes, magic, magic.HeaderSize, out _);
    }

    /// <summary>Decodes a header of <paramref name="size"/> bytes (8, 12 or 16); returns null with a reason if it is bad.</summary>
    internal static PycHeader Parse(ReadOnlySpan<byte> data, MagicEntry? magic, int size, out string? error)
    {
        error = null;
        var header = data[..size];
        uint flags = 0;
        var mode = PycInvalidationMode.Timestamp;
        uint? timestamp = null, sourceSize = null;
        var hash = ImmutableArray<byte>.Empty;
        if (size == 16)
        {
            flags = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            // _classify_pyc: "invalid flags" for any bit beyond hash-based (0b01) and check_source (0b10).
            if ((flags & ~0b11u) != 0)
                error = $"invalid flags 0x{flags:x8} in .pyc header (only 0b01 hash-based and 0b10 check_source exist)";
            if ((flags & 0b01) != 0)
            {
                mode = (flags & 0b10) != 0 ? PycInvalidationMode.CheckedHash : PycInvalidationMode.UncheckedHash;
                hash = [.. header[8..16]];
            }
            else
            {
                timestamp = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
                sourceSize = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
            }
        }
        else
        {
            timestamp = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            if (size == 12)
                sourceSize = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
        }
        return new PycHeader
        {
            Bytes = [.. header],
            Magic = magic,
            Flags = flags,
            Mode = mode,
            Timestamp = timestamp,
            SourceSize = sourceSize,
            SourceHash = hash,
        };
    }
}
