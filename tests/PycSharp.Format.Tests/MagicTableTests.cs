using PycSharp.Format.Pyc;
using PycSharp.Format.Versions;
using PycSharp.Generator;

namespace PycSharp.Format.Tests;

public class MagicTableTests
{
    [Fact]
    public void Generated_files_are_up_to_date_with_their_data()
    {
        foreach (var file in Generators.All)
        {
            var expected = file.Generate(Repo.Root);
            var actual = File.ReadAllText(Path.Combine(Repo.Root, file.OutputPath));
            Assert.True(expected == actual,
                $"{file.OutputPath} is stale: run `dotnet run --project tools/PycSharp.Generator`");
        }
    }

    [Fact]
    public void Table_covers_every_version_from_1_0_to_3_15()
    {
        var versions = MagicTable.Versions.Select(v => v.ToString()).ToHashSet();
        foreach (var v in new[] { "1.0", "1.5", "1.6", "2.0", "2.7", "3.0", "3.4", "3.9", "3.13", "3.14", "3.15" })
            Assert.Contains(v, versions);
        // Every 1.6–2.7 magic has a -U twin one higher (Python/import.c of 2.7: "MAGIC + 1" under -U).
        Assert.Contains(MagicTable.All, e => e.Kind == MagicKind.Unicode && e.Number == 62212 && e.Version.ToString() == "2.7");
        Assert.All(MagicTable.All.GroupBy(e => e.Word), g => Assert.Single(g));
    }

    [Fact]
    public void Header_size_changes_where_CPython_changed_it()
    {
        // Lib/importlib/_bootstrap_external.py: 3.3a1 3210 added the source size; 3.7b1 3392 is PEP 552.
        Assert.Equal(8, MagicTable.All.Single(e => e.Number == 3200).HeaderSize);
        Assert.Equal(12, MagicTable.All.Single(e => e.Number == 3210).HeaderSize);
        Assert.Equal(12, MagicTable.All.Single(e => e.Number == 3391).HeaderSize);
        Assert.Equal(16, MagicTable.All.Single(e => e.Number == 3392).HeaderSize);
    }

    [Fact]
    public void Unknown_magic_names_the_bytes_and_the_nearest_versions()
    {
        var data = new byte[32];
        data[0] = 0xFC; data[1] = 0x0D; data[2] = 0x0D; data[3] = 0x0A; // 3580: between 3.13's 3571 and 3.14's 36xx
        var e = Assert.Throws<PycFormatException>(() => PycFile.Read(data));
        Assert.Equal(0, e.Offset);
        Assert.Contains("3580", e.Reason);
        Assert.Contains("fc 0d 0d 0a", e.Reason);
        Assert.Contains("3571 (Python 3.13)", e.Reason);
        Assert.Contains("Python 3.14", e.Reason);
    }

    [Fact]
    public void Release_magic_and_header_of_each_fixture_version()
    {
        foreach (var version in Repo.FixtureVersions())
        {
            var release = MagicTable.ReleaseOf(version);
            Assert.NotNull(release);
            var header = PycHeader.Create(version, timestamp: 0, sourceSize: 5);
            Assert.Equal(release.HeaderSize, header.Size);
            var fixture = Repo.FixturePycs().First(p => p.Version == version).Path;
            Assert.True(File.ReadAllBytes(fixture).AsSpan(0, 4).SequenceEqual(header.MagicBytes), version.ToString());
        }
    }
}
