using PycSharp.Format.Objects;
using PycSharp.Format.Pyc;
using PycSharp.Format.Versions;

namespace PycSharp.Format.Tests;

/// <summary>Every .pyc that CPython 2.7, 3.6–3.13 and 3.14 (pyodide) wrote for the corpus (tests/fixtures/X.Y/).</summary>
public class PycFixtureTests
{
    public static TheoryData<string> Versions()
    {
        var data = new TheoryData<string>();
        foreach (var v in Repo.FixtureVersions())
            data.Add(v.ToString());
        return data;
    }

    private static IEnumerable<string> Pycs(string version) =>
        Directory.GetFiles(Path.Combine(Repo.Fixtures, version), "*.pyc").Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_fixture_reads_as_its_version_and_writes_back_identically(string version)
    {
        int count = 0;
        foreach (var path in Pycs(version))
        {
            var data = File.ReadAllBytes(path);
            var file = PycFile.Read(data);
            Assert.Equal(version, file.Version.ToString());
            Assert.NotNull(file.Code);
            Assert.True(data.AsSpan().SequenceEqual(file.ToBytes()), $"{path}: rewrite differs");
            count++;
        }
        Assert.True(count >= 30, $"{version}: only {count} fixtures");
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Magic_is_the_one_the_interpreter_reported(string version)
    {
        // tools/make_fixtures.py records the interpreter's own importlib.util.MAGIC_NUMBER in INTERPRETER.
        var magicLine = File.ReadAllLines(Path.Combine(Repo.Fixtures, version, "INTERPRETER"))
            .Single(l => l.StartsWith("magic ", StringComparison.Ordinal));
        var magic = Convert.FromHexString(magicLine["magic ".Length..]);
        var entry = MagicTable.Lookup(magic);
        Assert.NotNull(entry);
        Assert.Equal(version, entry.Version.ToString());
        Assert.Equal(MagicKind.Release, entry.Kind);
        foreach (var path in Pycs(version))
            Assert.True(File.ReadAllBytes(path).AsSpan(0, 4).SequenceEqual(magic), path);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Header_fields_match_the_source(string version)
    {
        var v = PythonVersion.Parse(version);
        foreach (var path in Pycs(version))
        {
            var file = PycFile.Read(File.ReadAllBytes(path));
            var header = file.Header!;
            var name = Path.GetFileName(path);
            var program = name[..name.IndexOf('.', StringComparison.Ordinal)];
            var source = Path.Combine(Repo.Corpus, program + ".py");
            int expectedSize = v >= new PythonVersion(3, 7) ? 16 : v >= new PythonVersion(3, 3) ? 12 : 8;
            Assert.Equal(expectedSize, header.Size);
            var code = file.Code!;
            Assert.Equal(program + ".py", code.FilenameText);
            Assert.Equal("<module>", code.NameText);
            if (name.EndsWith(".checked-hash.pyc", StringComparison.Ordinal))
                Assert.Equal((PycInvalidationMode.CheckedHash, 3u), (header.Mode, header.Flags));
            else if (name.EndsWith(".unchecked-hash.pyc", StringComparison.Ordinal))
                Assert.Equal((PycInvalidationMode.UncheckedHash, 1u), (header.Mode, header.Flags));
            else
            {
                // The fixtures are written with mtime 0 and the real source size.
                Assert.Equal(PycInvalidationMode.Timestamp, header.Mode);
                Assert.Equal(0u, header.Timestamp);
                Assert.Equal(DateTimeOffset.UnixEpoch, header.TimestampUtc);
                if (expectedSize >= 12)
                    Assert.Equal((uint)new FileInfo(source).Length, header.SourceSize);
            }
            if (header.Mode != PycInvalidationMode.Timestamp)
                Assert.Equal(8, header.SourceHash.Length);
        }
    }

    [Fact]
    public void Code_layouts_follow_the_version()
    {
        foreach (var (version, path) in Repo.FixturePycs())
        {
            var code = PycFile.Read(File.ReadAllBytes(path)).Code!;
            var expected = version switch
            {
                { Major: 2 } => CodeLayout.Python2,
                { Minor: < 8 } => CodeLayout.Python30,
                { Minor: < 11 } => CodeLayout.Python38,
                _ => CodeLayout.Python311,
            };
            Assert.Equal(expected, code.Layout);
            if (expected == CodeLayout.Python311)
            {
                Assert.NotNull(code.QualName);
                Assert.NotNull(code.ExceptionTable);
                Assert.Equal(code.LocalsPlusNames!.Count, code.LocalsPlusKinds!.Length);
                Assert.Null(code.VarNames);
            }
            else
            {
                Assert.NotNull(code.VarNames);
                Assert.Null(code.QualName);
            }
        }
    }

    [Fact]
    public void Closures_keep_free_and_cell_variables_apart()
    {
        // closures.py: `def make_counter(): count = 0; def inc(): nonlocal count ...` style programs — the outer
        // function has the cell, the inner one the free variable, in every version (2.x–3.10 store them in
        // co_freevars/co_cellvars, in that order in the marshal data; a known reader bug swaps them).
        foreach (var (version, path) in Repo.FixturePycs().Where(p => Path.GetFileName(p.Path) == "closures.pyc"))
        {
            var code = PycFile.Read(File.ReadAllBytes(path)).Code!;
            var all = code.SelfAndNested().ToList();
            if (code.Layout == CodeLayout.Python311)
            {
                // co_localspluskinds: CO_FAST_CELL = 0x40, CO_FAST_FREE = 0x80 (Include/internal/pycore_code.h).
                Assert.Contains(all, c => c.LocalsPlusKinds!.Value.ToArray().Any(k => (k & 0x40) != 0));
                Assert.Contains(all, c => c.LocalsPlusKinds!.Value.ToArray().Any(k => (k & 0x80) != 0));
                continue;
            }
            var withCells = all.Where(c => c.CellVars!.Count > 0).ToList();
            var withFrees = all.Where(c => c.FreeVars!.Count > 0).ToList();
            Assert.NotEmpty(withCells);
            Assert.NotEmpty(withFrees);
            // Every free variable of an inner function is a cell variable of some enclosing function.
            var cellNames = withCells.SelectMany(c => c.CellVars!.Items).Select(n => n.ToString()).ToHashSet();
            foreach (var c in withFrees)
                foreach (var free in c.FreeVars!.Items)
                    Assert.True(cellNames.Contains(free.ToString()!), $"{version}: free {free} of {c.NameText} is no cell");
        }
    }
}
