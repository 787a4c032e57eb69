using System.Collections.Immutable;
using System.Runtime.InteropServices;
using PycSharp.Format.Marshal;
using PycSharp.Format.Objects;
using PycSharp.Format.Versions;

namespace PycSharp.Format.Pyc;

/// <summary>How to read a file.</summary>
public sealed record PycReadOptions
{
    public static readonly PycReadOptions Default = new();

    /// <summary>Read as this version whatever the magic number says (<c>--python</c>).</summary>
    public PythonVersion? Version { get; init; }

    /// <summary>The data is bare marshal data with no header (<c>--raw</c>), e.g. a module from a PyInstaller archive.</summary>
    public bool Raw { get; init; }

    public MarshalReadOptions Marshal { get; init; } = MarshalReadOptions.Default;
}

/// <summary>
/// A .pyc file: header, the marshalled object (normally the module's code object) and any bytes after it, which
/// CPython ignores and we keep so that <see cref="ToBytes"/> gives back the file exactly.
/// </summary>
public sealed class PycFile
{
    // Raw data with no version given: one representative per marshal dialect, newest first.
    private static readonly (PythonVersion Version, string Range)[] s_guesses =
    [
        (new(3, 14), "3.11+"), (new(3, 10), "3.8-3.10"), (new(3, 7), "3.4-3.7"), (new(3, 3), "3.0-3.3"), (new(2, 7), "2.3-2.7"),
    ];

    public PycFile(PycHeader? header, PythonVersion version, PyObject value, ImmutableArray<byte> trailing = default,
        MarshalIrregularities? irregularities = null)
    {
        Irregularities = irregularities ?? MarshalIrregularities.None;
        Header = header;
        Version = version;
        Object = value;
        Trailing = trailing.IsDefault ? ImmutableArray<byte>.Empty : trailing;
    }

    /// <summary>Null for raw marshal data.</summary>
    public PycHeader? Header { get; }

    /// <summary>The version the data was read as.</summary>
    public PythonVersion Version { get; }

    /// <summary>For raw data read without a version: the range of versions the data's layout fits, e.g. "3.8-3.10".</summary>
    public string? GuessedVersions { get; init; }

    public PyObject Object { get; }

    /// <summary>The module's code object, if the data holds one.</summary>
    public PyCode? Code => Object as PyCode;

    /// <summary>Bytes after the marshalled object.</summary>
    public ImmutableArray<byte> Trailing { get; }

    public MarshalFormat Format => MarshalFormat.For(Version);

    /// <summary>Ignored flag bits the data carried (see <see cref="MarshalIrregularities"/>), kept for <see cref="ToBytes"/>.</summary>
    public MarshalIrregularities Irregularities { get; }

    /// <summary>Writes the file: header, marshal data, trailing bytes.</summary>
    public byte[] ToBytes()
    {
        var body = MarshalWriter.Write(Object, Format, Irregularities, 1024);
        int headerSize = Header?.Size ?? 0;
        var result = new byte[headerSize + body.Length + Trailing.Length];
        Header?.Bytes.AsSpan().CopyTo(result);
        body.CopyTo(result.AsSpan(headerSize));
        Trailing.AsSpan().CopyTo(result.AsSpan(headerSize + body.Length));
        return result;
    }

    /// <summary>Reads a file from disk; format errors name the file.</summary>
    public static PycFile Load(string path, PycReadOptions? options = null)
    {
        var data = File.ReadAllBytes(path);
        try
        {
            return Read(data.AsMemory(), options);
        }
        catch (PycFormatException e)
        {
            throw e.WithFileName(path);
        }
    }

    /// <summary>Reads a .pyc (or raw marshal data) from a private copy of <paramref name="data"/>.</summary>
    public static PycFile Read(ReadOnlySpan<byte> data, PycReadOptions? options = null) => Read(data.ToArray().AsMemory(), options);

    /// <summary>
    /// Reads a .pyc without copying: the objects share <paramref name="memory"/>, which must not change afterwards.
    /// </summary>
    public static PycFile Read(ReadOnlyMemory<byte> memory, PycReadOptions? options = null)
    {
        options ??= PycReadOptions.Default;
        var data = memory.Span;
        if (options.Raw)
            return ReadRaw(memory, options);

        if (data.Length < 4)
            PycFormatException.Throw(0, $"file too short for a .pyc header ({data.Length} bytes)");
        var magic = MagicTable.Lookup(data);
        PythonVersion version;
        int headerSize;
        if (options.Version is { } forced)
        {
            version = forced;
            headerSize = MagicTable.HeaderSizeOf(forced);
        }
        else if (magic is null)
        {
            PycFormatException.Throw(0, UnknownMagic(data));
            return null!;
        }
        else
        {
            version = magic.Version;
            headerSize = magic.HeaderSize;
        }

        if (data.Length < headerSize)
            PycFormatException.Throw(data.Length,
                $"truncated header: {data.Length} bytes, a Python {version} .pyc header has {headerSize}");
        var header = PycHeader.Parse(data, magic, headerSize, out var headerError);
        if (headerError is not null)
            PycFormatException.Throw(4, headerError);

        var format = MarshalFormat.For(version);
        var value = MarshalReader.Read(memory[headerSize..], format, out int consumed, out var irregular, options.Marshal, headerSize);
        return new PycFile(header, version, value, Rest(data, headerSize + consumed), irregular);
    }

    private static PycFile ReadRaw(ReadOnlyMemory<byte> memory, PycReadOptions options)
    {
        var data = memory.Span;
        if (options.Version is { } version)
        {
            var value = MarshalReader.Read(memory, MarshalFormat.For(version), out int consumed, out var irregular, options.Marshal);
            return new PycFile(null, version, value, Rest(data, consumed), irregular);
        }

        // No version: take the first dialect that reads all of the data; else the first that reads any of it.
        PycFile? partial = null;
        PycFormatException? first = null;
        foreach (var (guess, range) in s_guesses)
        {
            try
            {
                var value = MarshalReader.Read(memory, MarshalFormat.For(guess), out int consumed, out var irregular, options.Marshal);
                var file = new PycFile(null, guess, value, Rest(data, consumed), irregular) { GuessedVersions = range };
                if (consumed == data.Length)
                    return file;
                partial ??= file;
            }
            catch (PycFormatException e)
            {
                first ??= e;
            }
        }
        if (partial is not null)
            return partial;
        throw new PycFormatException(first!.Offset, $"{first.Reason} (as raw marshal data of any Python version; try --python)");
    }

    private static ImmutableArray<byte> Rest(ReadOnlySpan<byte> data, int from) =>
        from >= data.Length ? ImmutableArray<byte>.Empty : ImmutableCollectionsMarshal.AsImmutableArray(data[from..].ToArray());

    private static string UnknownMagic(ReadOnlySpan<byte> data)
    {
        var hex = Convert.ToHexString(data[..4]).ToLowerInvariant();
        var shown = string.Join(' ', Enumerable.Range(0, 4).Select(i => hex.Substring(i * 2, 2)));
        if (data[2] != 0x0D || data[3] != 0x0A)
        {
            var hint = (data[0] & 0x7F) == MarshalTypes.Code ? "; it looks like raw marshal data: try --raw" : "; use --raw for headerless marshal data";
            return $"bad magic number: bytes {shown} are not a .pyc magic (no \\r\\n after the number){hint}";
        }
        int number = data[0] | data[1] << 8;
        var (below, above) = MagicTable.Nearest(number);
        var near = string.Join(" and ", new[] { below, above }.Where(e => e is not null).Select(e => $"{e!.Number} (Python {e.Version})"));
        return $"unknown magic number {number} (bytes {shown}); nearest known: {near}; use --python X.Y to read it as a given version";
    }
}
