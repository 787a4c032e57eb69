namespace PycSharp.Bytecode.Tests;

internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PycSharp.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException("PycSharp.sln");
    }
}
