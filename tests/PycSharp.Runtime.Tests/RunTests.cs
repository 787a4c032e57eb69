using System.Globalization;
using PycSharp.Runtime;

namespace PycSharp.Runtime.Tests;

/// <summary>
/// Differential tests: a corpus program run by the VM must print what CPython printed for the same .pyc
/// (tests/fixtures/X.Y/NAME.out, .err, .exit, recorded by tools/make_fixtures.py with the corpus directory as
/// the current directory and NAME.py as argv[0]). Every program of the corpus runs, for 3.11, 3.12 and 3.13,
/// except those listed in vm_pending.txt: the ones the VM does not match yet (tools/VmDiff rewrites that list).
/// </summary>
public class RunTests
{
    private static readonly string[] Versions = ["3.11", "3.12", "3.13"];

    public static TheoryData<string, string> Programs()
    {
        var pending = File.ReadAllLines(Path.Combine(Repo.Root, "tests", "PycSharp.Runtime.Tests", "vm_pending.txt"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .ToHashSet(StringComparer.Ordinal);
        var data = new TheoryData<string, string>();
        foreach (var v in Versions)
            foreach (var pyc in Directory.GetFiles(Path.Combine(Repo.Fixtures, v), "*.pyc").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(pyc)[..^".pyc".Length];
                if (!name.Contains("-hash", StringComparison.Ordinal) && !pending.Contains(v + " " + name))
                    data.Add(v, name);
            }
        return data;
    }

    [Fact]
    public void TheCorpusIsLargeEnough()
    {
        // Issue 5: at least 150 programs, each with a fixture for every version the VM runs.
        foreach (var v in Versions)
            Assert.True(Directory.GetFiles(Path.Combine(Repo.Fixtures, v), "*.out").Length >= 150, v);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void MatchesCPython(string version, string name)
    {
        var dir = Path.Combine(Repo.Fixtures, version);
        var (stdout, stderr, exit) = Run(version, name);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, name + ".out")), stdout);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, name + ".err")), stderr);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, name + ".exit")).Trim(), exit.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Runs the corpus program's .pyc for a version as make_fixtures.py ran it under CPython.</summary>
    internal static (string Stdout, string Stderr, int Exit) Run(string version, string name)
    {
        var corpus = Path.Combine(Repo.Root, "tests", "corpus");
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var stdinPath = Path.Combine(corpus, name + ".stdin");
        var stdin = new StringReader(File.Exists(stdinPath) ? File.ReadAllText(stdinPath) : "");
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        int exit = VirtualMachine.RunFile(Path.Combine(Repo.Fixtures, version, name + ".pyc"), [], stdout, stderr, stdin,
            new RunOptions { WorkingDirectory = corpus, Argv0 = name + ".py", Interrupt = cancel.Token });
        return (stdout.ToString(), stderr.ToString(), exit);
    }
}
