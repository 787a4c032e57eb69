namespace PycSharp.Bytecode.Tests;

internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    /// <summary>
    /// The build that recorded a fixture directory: pyodide (3.14) is a 32-bit build, whose hashes, and so whose
    /// frozenset order, differ from a 64-bit CPython's (tests/fixtures/X.Y/INTERPRETER says which).
    /// </summary>
    public static PycSharp.Format.Text.HashProfile BuildOf(string fixtureDir) =>
        new(File.ReadAllText(Path.Combine(fixtureDir, "INTERPRETER")).Contains("emscripten", StringComparison.Ordinal) ? 32 : 64);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PycSharp.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("PycSharp.sln");
    }
}
