using System.Text.Json;
using PycSharp.Format.Marshal;
using PycSharp.Format.Objects;
using PycSharp.Format.Text;

namespace PycSharp.Format.Tests;

/// <summary>Against tests/fixtures/hash/X.Y.json (tools/make_hash_cases.py): hash() values and frozenset iteration order.</summary>
public class HashTests
{
    public static TheoryData<string> Versions()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Repo.Fixtures, "hash"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(f));
        return data;
    }

    private static (PythonVersion, MarshalFormat, JsonElement, int) Load(string version)
    {
        var v = PythonVersion.Parse(version);
        var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Fixtures, "hash", version + ".json"))).RootElement;
        return (v, MarshalFormat.For(v), doc, doc.GetProperty("hash_bits").GetInt32());
    }

    /// <summary>hash(None) as the recording process had it (marshal 'N' is "4e"): address-based before 3.12.</summary>
    private static long? RecordedNoneHash(JsonElement doc) =>
        doc.GetProperty("hashes").EnumerateArray().Where(c => c.GetProperty("marshal").GetString() == "4e")
            .Select(c => (long?)c.GetProperty("hash").GetInt64()).FirstOrDefault();

    [Theory]
    [MemberData(nameof(Versions))]
    public void Hashes_match_CPython(string version)
    {
        var (v, format, doc, bits) = Load(version);
        var failures = new List<string>();
        int compared = 0;
        foreach (var c in doc.GetProperty("hashes").EnumerateArray())
        {
            var value = MarshalReader.Read(Convert.FromHexString(c.GetProperty("marshal").GetString()!), format);
            var ours = PyHash.Of(value, v, new HashProfile(bits));
            if (ours is null)
                continue; // address-based in CPython: nothing to compare
            compared++;
            if (ours != c.GetProperty("hash").GetInt64())
                failures.Add($"{PyRepr.Of(value, v)}: CPython {c.GetProperty("hash").GetInt64()}, ours {ours}");
        }
        Assert.True(failures.Count == 0, $"{version}: {failures.Count} of {compared} differ\n" + string.Join("\n", failures.Take(15)));
        Assert.True(compared > 90);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Frozensets_iterate_as_in_CPython(string version)
    {
        var (v, format, doc, bits) = Load(version);
        // With the recording interpreter's hash(None), sets holding None can be ordered too.
        var build = new HashProfile(bits, RecordedNoneHash(doc));
        var failures = new List<string>();
        int compared = 0, withNone = 0;
        foreach (var c in doc.GetProperty("sets").EnumerateArray())
        {
            var set = (PySet)MarshalReader.Read(Convert.FromHexString(c.GetProperty("marshal").GetString()!), format);
            if (SetOrder.Of(set.Items, v, build) is null)
                continue; // holds an object whose hash is its address
            compared++;
            if (set.Items.Any(i => i is PyNone))
                withNone++;
            var repr = PyRepr.Of(set, v, build); // repr orders the items as the rebuilt set iterates
            if (repr != c.GetProperty("repr").GetString())
                failures.Add($"CPython {c.GetProperty("repr").GetString()}\n   ours {repr}");
        }
        Assert.True(failures.Count == 0, $"{version}: {failures.Count} of {compared} differ\n" + string.Join("\n", failures.Take(10)));
        Assert.True(compared > 150, $"only {compared}");
        Assert.True(withNone > 5, $"only {withNone} sets with None");
    }
}
