using PycSharp.Runtime;

namespace PycSharp.Runtime.Tests;

/// <summary>
/// Differential tests: a corpus program run by the VM must print what CPython printed for the same .pyc
/// (tests/fixtures/X.Y/NAME.out, .err, .exit, recorded by tools/make_fixtures.py).
/// </summary>
public class RunTests
{
    public static TheoryData<string, string> Programs()
    {
        var data = new TheoryData<string, string>();
        foreach (var v in new[] { "3.11", "3.12", "3.13" })
            foreach (var name in Passing)
                data.Add(v, name);
        return data;
    }

    /// <summary>The programs the VM runs exactly today; the corpus as a whole is issue 5's target.</summary>
    private static readonly string[] Passing = ["talk_example"];

    [Theory]
    [MemberData(nameof(Programs))]
    public void MatchesCPython(string version, string name)
    {
        var dir = Path.Combine(Repo.Fixtures, version);
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var stdinPath = Path.Combine(Repo.Root, "tests", "corpus", name + ".stdin");
        var stdin = new StringReader(File.Exists(stdinPath) ? File.ReadAllText(stdinPath) : "");
        int exit = VirtualMachine.RunFile(Path.Combine(dir, name + ".pyc"), [], stdout, stderr, stdin);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, name + ".out")), stdout.ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(dir, name + ".err")), stderr.ToString());
        Assert.Equal(File.ReadAllText(Path.Combine(dir, name + ".exit")).Trim(), exit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
