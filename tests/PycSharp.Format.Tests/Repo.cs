using PycSharp.Format;

namespace PycSharp.Format.Tests;

/// <summary>Paths of the repository the tests run in, and the fixtures CPython recorded there.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    public static string Corpus => Path.Combine(Root, "tests", "corpus");

    /// <summary>Version directories of tests/fixtures (2.7, 3.6, …, 3.14).</summary>
    public static IEnumerable<PythonVersion> FixtureVersions() =>
        Directory.GetDirectories(Fixtures)
            .Select(Path.GetFileName)
            .Where(n => PythonVersion.TryParse(n, out _))
            .Select(n => PythonVersion.Parse(n!))
            .Order();

    /// <summary>Every .pyc CPython wrote under tests/fixtures/X.Y/.</summary>
    public static IEnumerable<(PythonVersion Version, string Path)> FixturePycs() =>
        FixtureVersions().SelectMany(v =>
            Directory.GetFiles(Path.Combine(Fixtures, v.ToString()), "*.pyc").Order(StringComparer.Ordinal).Select(p => (v, p)));

    /// <summary>The real interpreter for a version, if this machine has it (tests that need it also have committed expectations).</summary>
    public static string? Interpreter(PythonVersion version)
    {
        var home = Environment.GetEnvironmentVariable("HOME") ?? "/root";
        var versions = Path.Combine(home, ".pyenv", "versions");
        if (!Directory.Exists(versions))
            return null;
        foreach (var dir in Directory.GetDirectories(versions).Order(StringComparer.Ordinal))
        {
            if (!Path.GetFileName(dir).StartsWith(version + ".", StringComparison.Ordinal))
                continue;
            var exe = Path.Combine(dir, "bin", $"python{version}");
            if (File.Exists(exe))
                return exe;
        }
        return null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PycSharp.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("repository root (PycSharp.sln) not found above " + AppContext.BaseDirectory);
    }
}
