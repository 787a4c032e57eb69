namespace PycSharp.Format.Pyc;

/// <summary>One input of a command: a file to process, or a path that could not be used.</summary>
/// <param name="RelativePath">The path below the directory argument it was found in (the file name for a file argument).</param>
public sealed record PycInput(string Path, string? Error = null, string? RelativePath = null)
{
    /// <summary>Where output for this input goes under <paramref name="outputDirectory"/>: a/b.pyc → DIR/a/b.EXT.</summary>
    public string OutputPath(string outputDirectory, string extension) =>
        System.IO.Path.Combine(outputDirectory, System.IO.Path.ChangeExtension(RelativePath ?? System.IO.Path.GetFileName(Path), extension));
}

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
                yield return new PycInput(path, RelativePath: System.IO.Path.GetFileName(path));
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
                    yield return new PycInput(f, RelativePath: System.IO.Path.GetRelativePath(path, f));
            }
            else
            {
                yield return new PycInput(path, "no such file or directory");
            }
        }
    }
}
