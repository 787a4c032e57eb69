using System.Text.Json;
using PycSharp.Format.Marshal;

namespace PycSharp.Format.Tests;

/// <summary>
/// Against tests/fixtures/marshal/X.Y.json, recorded by tools/make_marshal_cases.py in each real CPython:
/// what marshal.dumps() wrote for a set of values at every marshal version, and how marshal.loads() fails.
/// </summary>
public class MarshalCasesTests
{
    /// <summary>
    /// Where we knowingly differ from CPython on malformed input, and why. Python 2.7's reader does not check
    /// for the end of the data when reading fixed-size fields (Python/marshal.c of 2.7, r_long reads EOF as -1),
    /// so it returns garbage where we report truncated data.
    /// </summary>
    private static readonly Dictionary<(string Version, string Case), string> s_divergences = new()
    {
        [("2.7", "truncated int")] = "2.7 reads past the end as 0xff bytes; we report truncation",
        [("2.7", "truncated int64")] = "2.7 reads past the end as 0xff bytes; we report truncation",
        [("3.6", "bad float text")] = "3.6 and 3.7 print the text without quotes; we quote it as 3.8+ does",
        [("3.7", "bad float text")] = "3.6 and 3.7 print the text without quotes; we quote it as 3.8+ does",
    };

    public static TheoryData<string> Versions()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Repo.Fixtures, "marshal"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    private static JsonElement Load(string version) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Fixtures, "marshal", version + ".json"))).RootElement;

    [Theory]
    [MemberData(nameof(Versions))]
    public void Values_decode_as_CPython_describes_them_and_rewrite_to_the_same_bytes(string version)
    {
        var format = MarshalFormat.For(PythonVersion.Parse(version));
        int checkedCount = 0;
        foreach (var value in Load(version).GetProperty("values").EnumerateArray())
        {
            foreach (var dump in value.GetProperty("dumps").EnumerateObject())
            {
                var bytes = Convert.FromHexString(dump.Value.GetProperty("hex").GetString()!);
                var expected = dump.Value.GetProperty("loads").GetString();
                var context = $"{version} {value.GetProperty("expr").GetString()} marshal version {dump.Name}";
                var decoded = MarshalReader.Read(bytes, format, out int consumed);
                Assert.True(consumed == bytes.Length, context);
                Assert.True(expected == Describe.Of(decoded), $"{context}: {Describe.Of(decoded)}");
                Assert.True(bytes.AsSpan().SequenceEqual(MarshalWriter.Write(decoded, format)), $"{context}: rewrite differs");
                checkedCount++;
            }
        }
        Assert.True(checkedCount > 60, $"only {checkedCount} cases");
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Malformed_data_fails_as_in_CPython(string version)
    {
        var format = MarshalFormat.For(PythonVersion.Parse(version));
        foreach (var error in Load(version).GetProperty("errors").EnumerateArray())
        {
            var name = error.GetProperty("name").GetString()!;
            var input = Convert.FromHexString(error.GetProperty("input").GetString()!);
            if (s_divergences.ContainsKey((version, name)))
            {
                Assert.Throws<PycFormatException>(() => MarshalReader.Read(input, format));
                continue;
            }
            if (error.TryGetProperty("loads", out var loads))
            {
                Assert.True(loads.GetString() == Describe.Of(MarshalReader.Read(input, format)), $"{version} {name}");
                continue;
            }
            var e = Assert.Throws<PycFormatException>(() => MarshalReader.Read(input, format));
            var message = error.GetProperty("message").GetString()!;
            // Python 2.7 words its messages differently; there we only require that the data is refused.
            if (version != "2.7")
                Assert.True(e.Reason.StartsWith(message, StringComparison.Ordinal),
                    $"{version} {name}: CPython says '{message}', we say '{e.Reason}'");
        }
    }
}
