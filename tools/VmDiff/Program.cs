using System.Globalization;
using PycSharp.Runtime;

// Runs corpus programs in the VM (in-process, cwd = tests/corpus, 20 s each) and compares stdout, stderr and exit
// code with what CPython recorded in tests/fixtures/X.Y/NAME.{out,err,exit}. Prints one line per mismatch with
// the first differing line, then a count per version.
//   dotnet run -c Release --project tools/VmDiff -- [3.11 3.12 3.13] [NAME ...] [--quiet] [--write-pending]
// --write-pending (with no NAME) rewrites tests/PycSharp.Runtime.Tests/vm_pending.txt, the programs RunTests skips.
var root = FindRoot();
var versions = args.Where(a => a.Length > 0 && char.IsDigit(a[0])).ToList();
if (versions.Count == 0)
    versions = ["3.11", "3.12", "3.13"];
bool quiet = args.Contains("--quiet");
var only = args.Where(a => !char.IsDigit(a[0]) && !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet();
var corpus = Path.Combine(root, "tests", "corpus");
var pending = new List<string>();
foreach (var v in versions)
{
    var dir = Path.Combine(root, "tests", "fixtures", v);
    int pass = 0;
    var failed = new List<string>();
    foreach (var pyc in Directory.GetFiles(dir, "*.pyc").Order(StringComparer.Ordinal))
    {
        var name = Path.GetFileName(pyc)[..^4];
        if (name.Contains("-hash", StringComparison.Ordinal) || (only.Count > 0 && !only.Contains(name)))
            continue;
        var stdinPath = Path.Combine(corpus, name + ".stdin");
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        int exit;
        try
        {
            exit = VirtualMachine.RunFile(pyc, [], stdout, stderr, new StringReader(File.Exists(stdinPath) ? File.ReadAllText(stdinPath) : ""),
                new RunOptions { WorkingDirectory = corpus, Argv0 = name + ".py", Interrupt = cancel.Token });
        }
        catch (Exception e)
        {
            Console.WriteLine($"{v} {name}: CRASH {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            failed.Add(name);
            continue;
        }
        var why = Compare("stdout", File.ReadAllText(Path.Combine(dir, name + ".out")), stdout.ToString())
            ?? Compare("stderr", File.ReadAllText(Path.Combine(dir, name + ".err")), stderr.ToString())
            ?? Compare("exit", File.ReadAllText(Path.Combine(dir, name + ".exit")).Trim(), exit.ToString(CultureInfo.InvariantCulture));
        if (why is null)
        {
            pass++;
            continue;
        }
        failed.Add(name);
        var lastErr = stderr.ToString().TrimEnd('\n').Split('\n')[^1];
        if (!quiet)
            Console.WriteLine($"{v} {name}: {why}" + (why.StartsWith("stdout", StringComparison.Ordinal) && lastErr.Length > 0 ? $" | stderr: {Clip(lastErr)}" : ""));
    }
    Console.WriteLine($"== {v}: pass {pass}, fail {failed.Count}: {string.Join(' ', failed)}");
    pending.AddRange(failed.Select(n => v + " " + n));
}
if (args.Contains("--write-pending") && only.Count == 0)
{
    var header = "# Corpus programs whose VM run does not match CPython yet (\"VERSION NAME\"); RunTests skips them.\n"
        + "# Written by tools/VmDiff --write-pending; the list only shrinks as the VM improves.\n";
    File.WriteAllText(Path.Combine(root, "tests", "PycSharp.Runtime.Tests", "vm_pending.txt"), header + string.Concat(pending.Select(p => p + "\n")));
}

static string? Compare(string what, string expected, string actual)
{
    if (expected == actual)
        return null;
    var e = expected.Split('\n');
    var a = actual.Split('\n');
    for (int i = 0; ; i++)
    {
        var el = i < e.Length ? e[i] : "<end>";
        var al = i < a.Length ? a[i] : "<end>";
        if (el != al)
            return $"{what} line {i + 1}: expected «{Clip(el)}» got «{Clip(al)}»";
    }
}

static string Clip(string s) => s.Length > 150 ? s[..150] + "…" : s;

static string FindRoot()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "PycSharp.sln")))
            return d.FullName;
    throw new InvalidOperationException("PycSharp.sln not found above " + AppContext.BaseDirectory);
}
