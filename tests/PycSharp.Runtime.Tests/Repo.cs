namespace PycSharp.Runtime.Tests;

internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    /// <summary>Version directories of tests/fixtures whose interpreter wrote files of <paramref name="pattern"/>.</summary>
    public static TheoryData<string> FixtureVersionsWith(string pattern)
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Fixtures).Order(StringComparer.Ordinal))
            if (PycSharp.Format.PythonVersion.TryParse(Path.GetFileName(dir), out _) && Directory.GetFiles(dir, pattern).Length > 0)
                data.Add(Path.GetFileName(dir));
        return data;
    }

    /// <summary>
    /// The build that recorded a fixture directory (tests/fixtures/X.Y/INTERPRETER): pyodide (3.14) is a 32-bit
    /// build, whose hashes, and so whose frozenset order, differ from a 64-bit CPython's; and before 3.12 the low
    /// byte of hash(None), which orders small frozensets holding None, belongs to the recording binary.
    /// </summary>
    public static PycSharp.Format.Text.HashProfile BuildOf(string fixtureDir)
    {
        var lines = File.ReadAllLines(Path.Combine(fixtureDir, "INTERPRETER"));
        int bits = lines.Any(l => l.Contains("emscripten", StringComparison.Ordinal)) ? 32 : 64;
        var none = lines.FirstOrDefault(l => l.StartsWith("none_hash_low8 ", StringComparison.Ordinal));
        return new(bits, none is null ? null : long.Parse(none["none_hash_low8 ".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PycSharp.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("PycSharp.sln");
    }
}
