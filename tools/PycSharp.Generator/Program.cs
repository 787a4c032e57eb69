using PycSharp.Generator;

// Usage: dotnet run --project tools/PycSharp.Generator [-- REPO_ROOT]
var root = args.Length > 0 ? args[0] : FindRoot(Directory.GetCurrentDirectory());
foreach (var file in Generators.All)
{
    var output = file.Generate(root);
    var path = Path.Combine(root, file.OutputPath);
    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
    File.WriteAllText(path, output);
    Console.WriteLine($"wrote {file.OutputPath}");
}
return 0;

static string FindRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "PycSharp.sln")))
            return dir.FullName;
    throw new DirectoryNotFoundException("PycSharp.sln not found above the current directory; pass the repository root");
}
