namespace PycSharp.Runtime.Tests;

/// <summary>
/// list.sort and sorted against CPython, case by case: tests/corpus/sort_semantics.py prints each case under an
/// "== name" line (results, the logged sequence of __lt__ calls, the list an exception leaves), recorded under
/// 3.11, 3.12 and 3.13 by tools/make_sort_cases.py. RunTests compares the whole output too; this names the case.
/// </summary>
public class SortSemanticsTests
{
    private const string Program = "sort_semantics";

    [Theory]
    [InlineData("3.11")]
    [InlineData("3.12")]
    [InlineData("3.13")]
    public void EveryCaseMatchesCPython(string version)
    {
        var expected = Cases(File.ReadAllText(Path.Combine(Repo.Fixtures, version, Program + ".out")));
        var (stdout, stderr, exit) = RunTests.Run(version, Program);
        Assert.Equal("", stderr);
        Assert.Equal(0, exit);
        var actual = Cases(stdout);
        Assert.True(expected.Count >= 50, $"only {expected.Count} cases recorded");
        Assert.Equal(expected.Select(c => c.Name), actual.Select(c => c.Name));
        foreach (var (e, a) in expected.Zip(actual))
            Assert.True(e.Text == a.Text, $"{version} case '{e.Name}':\nCPython:\n{e.Text}\nVM:\n{a.Text}");
    }

    [Fact]
    public void ThreeThirteenCountsRunsDifferently()
    {
        // count_run changed in 3.13 (gh-116554): the recorded comparison logs must show it, or the per-version
        // choice (Dialect.SortRunsWithEqualDescents) is untested.
        var before = Cases(File.ReadAllText(Path.Combine(Repo.Fixtures, "3.12", Program + ".out")));
        var after = Cases(File.ReadAllText(Path.Combine(Repo.Fixtures, "3.13", Program + ".out")));
        Assert.Contains(before.Zip(after), p => p.First.Text != p.Second.Text);
    }

    private static List<(string Name, string Text)> Cases(string output)
    {
        var cases = new List<(string Name, string Text)>();
        foreach (var line in output.Split('\n'))
        {
            if (line.StartsWith("== ", StringComparison.Ordinal))
                cases.Add((line[3..], ""));
            else if (cases.Count > 0)
                cases[^1] = (cases[^1].Name, cases[^1].Text + line + "\n");
            else
                cases.Add(("(before the first case)", line + "\n"));
        }
        return cases;
    }
}
