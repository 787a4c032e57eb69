using System.Text;
using System.Text.RegularExpressions;

namespace PycSharp.Runtime.Tracebacks;

/// <summary>
/// Where the printer gets source lines: what linecache (3.13) or Python/traceback.c display_source_line
/// (3.11/3.12) would read for a traceback entry.
/// </summary>
public interface ISourceLines
{
    /// <summary>
    /// Line <paramref name="lineNo"/> (1-based) of <paramref name="filename"/>, without its line terminator, or null
    /// when the file or the line is not there (then no source line and no carets are printed).
    /// </summary>
    string? GetLine(string filename, int lineNo);
}

/// <summary>Ready-made <see cref="ISourceLines"/>.</summary>
public static partial class SourceLines
{
    /// <summary>No source at all (a program run from a .pyc alone).</summary>
    public static ISourceLines None { get; } = new Texts(new Dictionary<string, string[]>(StringComparer.Ordinal));

    /// <summary>Sources given as text, by the filename the code objects carry.</summary>
    public static ISourceLines FromTexts(IReadOnlyDictionary<string, string> sources) =>
        new Texts(sources.ToDictionary(kv => kv.Key, kv => SplitLines(kv.Value), StringComparer.Ordinal));

    /// <summary>
    /// Sources read from disk on demand: <paramref name="resolve"/> maps a co_filename to a file path (or null);
    /// each file is read once, decoded as <see cref="Decode"/> does.
    /// </summary>
    public static ISourceLines FromFiles(Func<string, string?> resolve) => new Files(resolve);

    /// <summary>
    /// Splits source text into lines as a universal-newlines text file reads them (io.TextIOWrapper with
    /// newline=None, which both linecache and Python/traceback.c use): "\r\n", "\r" and "\n" end a line.
    /// </summary>
    public static string[] SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('\n' or '\r'))
                continue;
            lines.Add(text[start..i]);
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            start = i + 1;
        }
        if (start < text.Length)
            lines.Add(text[start..]);
        return [.. lines];
    }

    /// <summary>
    /// Decodes a source file as the tokenizer would find its encoding (PEP 263): a UTF-8 BOM, else a coding
    /// cookie on line 1 or 2 naming UTF-8 or Latin-1 (the two codecs this handles), else UTF-8. Undecodable
    /// bytes become U+FFFD.
    /// </summary>
    public static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 400));
        var firstTwo = SplitLines(head).Take(2);
        foreach (var line in firstTwo)
        {
            var m = CodingCookie().Match(line);
            if (!m.Success)
            {
                // Only a comment line (or a blank one) may come before the cookie's line.
                if (line.TrimStart().Length > 0 && !line.TrimStart().StartsWith('#'))
                    break;
                continue;
            }
            var name = m.Groups[1].Value.ToLowerInvariant().Replace('_', '-');
            if (name is "latin-1" or "iso-8859-1" or "iso8859-1" or "latin1" || name.StartsWith("latin-1-", StringComparison.Ordinal)
                || name.StartsWith("iso-8859-1-", StringComparison.Ordinal))
                return Encoding.Latin1.GetString(bytes);
            break;
        }
        return Encoding.UTF8.GetString(bytes);
    }

    // The cookie's form from PEP 263 (Parser/tokenizer.c get_coding_spec).
    [GeneratedRegex(@"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")]
    private static partial Regex CodingCookie();

    private sealed class Texts(Dictionary<string, string[]> lines) : ISourceLines
    {
        public string? GetLine(string filename, int lineNo) =>
            lines.TryGetValue(filename, out var l) && lineNo >= 1 && lineNo <= l.Length ? l[lineNo - 1] : null;
    }

    private sealed class Files(Func<string, string?> resolve) : ISourceLines
    {
        private readonly Dictionary<string, string[]?> _cache = new(StringComparer.Ordinal);

        public string? GetLine(string filename, int lineNo)
        {
            if (!_cache.TryGetValue(filename, out var lines))
            {
                var path = resolve(filename);
                lines = path is not null && File.Exists(path) ? SplitLines(Decode(File.ReadAllBytes(path))) : null;
                _cache[filename] = lines;
            }
            return lines is not null && lineNo >= 1 && lineNo <= lines.Length ? lines[lineNo - 1] : null;
        }
    }
}
