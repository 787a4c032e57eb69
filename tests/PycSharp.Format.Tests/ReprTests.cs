using System.Text.Json;
using PycSharp.Format.Marshal;
using PycSharp.Format.Text;

namespace PycSharp.Format.Tests;

/// <summary>Against tests/fixtures/repr/X.Y.json: each CPython's repr() of ~1,100 constants (tools/make_repr_cases.py).</summary>
public class ReprTests
{
    public static TheoryData<string> Versions()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Repo.Fixtures, "repr"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Repr_matches_CPython(string version)
    {
        var v = PythonVersion.Parse(version);
        var format = MarshalFormat.For(v);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Fixtures, "repr", version + ".json")));
        var failures = new List<string>();
        int count = 0;
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            var value = MarshalReader.Read(Convert.FromHexString(c.GetProperty("marshal").GetString()!), format);
            var expected = c.GetProperty("repr").GetString()!;
            var actual = PyRepr.Of(value, v);
            if (expected != actual)
                failures.Add($"expected {expected}  got {actual}");
            count++;
        }
        Assert.True(failures.Count == 0, $"{version}: {failures.Count} of {count} differ:\n" + string.Join("\n", failures.Take(20)));
        Assert.True(count > 1000);
    }
}
