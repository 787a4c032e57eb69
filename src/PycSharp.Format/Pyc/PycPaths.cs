namespace PycSharp.Format.Pyc;

/// <summary>One input of a command: a file to process, or a path that could not be used.</summary>
public sealed record PycInput(string Path, string? Error = null);

public static class PycPaths
{
    /// <summary>
    /// Files are taken as given; directories are walked for *.pyc (in ordinal order, so output is stable);
    /// a path that does not exist gives an input carrying the error.
    /// </summary>
    public static IEnumerable<PycInput> Expand(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                yield return new PycInput(path);
            }
            else if (Directory.Exists(path))
            {
                var options = new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    IgnoreInaccessible = true,
                    AttributesToSkip = FileAttributes.ReparsePoint,
                    MatchCasing = MatchCasing.CaseSensitive,
                };
                var files = Directory.EnumerateFiles(path, "*.pyc", options).ToList();
                files.Sort(StringComparer.Ordinal);
                foreach (var f in files)
                    yield return new PycInput(f);
            }
            else
            {
                yield return new PycInput(path, "no such file or directory");
            }
        }
    }
}
