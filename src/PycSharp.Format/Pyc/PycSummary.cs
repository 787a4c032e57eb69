using System.Globalization;
using PycSharp.Format.Objects;

namespace PycSharp.Format.Pyc;

/// <summary>What <c>pyc info</c> reports about a file: its header and the module's code object, in a few fields.</summary>
public sealed record PycSummary
{
    public required string Version { get; init; }
    /// <summary>Set for raw data read without a version: the versions whose layout the data fits.</summary>
    public string? GuessedVersions { get; init; }
    public int? Magic { get; init; }
    public string? MagicBytes { get; init; }
    public string? MagicKind { get; init; }
    public string? MagicLabel { get; init; }
    /// <summary>"timestamp", "checked-hash", "unchecked-hash" or "none" (raw marshal data).</summary>
    public required string HeaderKind { get; init; }
    public int HeaderSize { get; init; }
    public uint? Flags { get; init; }
    /// <summary>ISO-8601 UTC.</summary>
    public string? Timestamp { get; init; }
    public string? SourceHash { get; init; }
    public uint? SourceSize { get; init; }
    public required string ObjectType { get; init; }
    public string? CodeName { get; init; }
    public string? QualName { get; init; }
    public string? Filename { get; init; }
    public int? FirstLine { get; init; }
    /// <summary>Code objects below the module's, at any depth.</summary>
    public int? NestedCodeObjects { get; init; }
    public int TrailingBytes { get; init; }

    public static PycSummary Of(PycFile file)
    {
        var h = file.Header;
        var code = file.Code;
        return new PycSummary
        {
            Version = file.Version.ToString(),
            GuessedVersions = file.GuessedVersions,
            Magic = h is null ? null : h.MagicNumber >= 0 ? h.MagicNumber : (int?)null,
            MagicBytes = h is null ? null : Hex(h.MagicBytes),
            MagicKind = h?.Magic?.Kind.ToString().ToLowerInvariant() ?? (h is null ? null : "unknown (version forced)"),
            MagicLabel = h?.Magic?.Label,
            HeaderKind = h is null ? "none" : h.Mode switch
            {
                PycInvalidationMode.CheckedHash => "checked-hash",
                PycInvalidationMode.UncheckedHash => "unchecked-hash",
                _ => "timestamp",
            },
            HeaderSize = h?.Size ?? 0,
            Flags = h is { Size: 16 } ? h.Flags : null,
            Timestamp = h?.TimestampUtc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            SourceHash = h is null || h.SourceHash.IsEmpty ? null : Convert.ToHexString(h.SourceHash.AsSpan()).ToLowerInvariant(),
            SourceSize = h?.SourceSize,
            ObjectType = file.Object.TypeName,
            CodeName = code?.NameText,
            QualName = code?.QualNameText,
            Filename = code?.FilenameText,
            FirstLine = code?.FirstLineNo,
            NestedCodeObjects = code is null ? null : CountNested(code),
            TrailingBytes = file.Trailing.Length,
        };
    }

    /// <summary>Counts distinct code objects below <paramref name="root"/>; shared objects (marshal references) once.</summary>
    public static int CountNested(PyCode root)
    {
        var seen = new HashSet<PyObject>(ReferenceEqualityComparer.Instance) { root };
        var stack = new Stack<PyObject>();
        stack.Push(root.Consts);
        int count = 0;
        while (stack.Count > 0)
        {
            var o = stack.Pop();
            switch (o)
            {
                case PyCode c:
                    if (seen.Add(c))
                    {
                        count++;
                        stack.Push(c.Consts);
                    }
                    break;
                case PyTuple t when seen.Add(t):
                    foreach (var item in t.Items)
                        stack.Push(item);
                    break;
                case PySet s when seen.Add(s):
                    foreach (var item in s.Items)
                        stack.Push(item);
                    break;
                case PyList l when seen.Add(l):
                    foreach (var item in l.Items)
                        stack.Push(item);
                    break;
                case PyDict d when seen.Add(d):
                    foreach (var (k, v) in d.Entries)
                    {
                        stack.Push(k);
                        stack.Push(v);
                    }
                    break;
            }
        }
        return count;
    }

    private static string Hex(ReadOnlySpan<byte> bytes) =>
        string.Join(' ', bytes.ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
}
