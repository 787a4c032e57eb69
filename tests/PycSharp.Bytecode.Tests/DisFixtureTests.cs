using System.Text.RegularExpressions;
using PycSharp.Bytecode.Disassembly;
using PycSharp.Format;
using PycSharp.Format.Pyc;
using PycSharp.Format.Text;

namespace PycSharp.Bytecode.Tests;

/// <summary>
/// Our disassembly of each corpus .pyc against what that version's own dis.dis printed for it
/// (tests/fixtures/X.Y/NAME.dis, made by tools/make_fixtures.py), addresses masked on both sides.
/// </summary>
public partial class DisFixtureTests
{
    [GeneratedRegex(" at 0x[0-9a-fA-F]+")]
    private static partial Regex Address();

    internal static string Mask(string text) => Address().Replace(text, " at 0xADDR");

    public static TheoryData<string> Versions() => Repo.FixtureVersionsWith("*.dis");

    [Theory]
    [MemberData(nameof(Versions))]
    public void Dis_output_matches_CPython(string version)
    {
        var dir = Path.Combine(Repo.Fixtures, version);
        var disassembler = new Disassembler(PythonVersion.Parse(version), Repo.BuildOf(dir));
        var failures = new List<string>();
        int count = 0;
        foreach (var expectedPath in Directory.GetFiles(dir, "*.dis").Order(StringComparer.Ordinal))
        {
            var pyc = Path.ChangeExtension(expectedPath, ".pyc");
            var code = PycFile.Read(File.ReadAllBytes(pyc)).Code!;
            var expected = File.ReadAllText(expectedPath);
            var actual = Mask(disassembler.Disassemble(code));
            count++;
            if (expected != actual)
                failures.Add($"{Path.GetFileName(expectedPath)}: {FirstDifference(expected, actual)}");
        }
        Assert.True(failures.Count == 0, $"{version}: {failures.Count} of {count} differ\n" + string.Join("\n", failures));
        Assert.True(count >= 30);
    }

    internal static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al)
                return $"line {i + 1}:\n  expected |{el}|\n  actual   |{al}|";
        }
        return "?";
    }
}

/// <summary>Our show_code of each corpus .pyc against the version's own (tests/fixtures/X.Y/NAME.show, 3.x).</summary>
public class ShowFixtureTests
{
    public static TheoryData<string> Versions() => Repo.FixtureVersionsWith("*.show");

    [Theory]
    [MemberData(nameof(Versions))]
    public void Show_code_matches_CPython(string version)
    {
        var dir = Path.Combine(Repo.Fixtures, version);
        var show = new ShowCode(PythonVersion.Parse(version), Repo.BuildOf(dir));
        var failures = new List<string>();
        int count = 0;
        foreach (var expectedPath in Directory.GetFiles(dir, "*.show").Order(StringComparer.Ordinal))
        {
            var code = PycFile.Read(File.ReadAllBytes(Path.ChangeExtension(expectedPath, ".pyc"))).Code!;
            var expected = File.ReadAllText(expectedPath);
            var actual = DisFixtureTests.Mask(show.FormatAll(code));
            count++;
            if (expected != actual)
                failures.Add($"{Path.GetFileName(expectedPath)}: {DisFixtureTests.FirstDifference(expected, actual)}");
        }
        Assert.True(failures.Count == 0, $"{version}: {failures.Count} of {count} differ\n" + string.Join("\n", failures.Take(10)));
        Assert.True(count >= 30);
    }
}

/// <summary>
/// dis.dis(code, show_caches=True) (3.11+, NAME.dis-caches) and show_offsets=True (3.13+, NAME.dis-offsets),
/// recorded by tools/make_dis_option_fixtures.py.
/// </summary>
public class DisOptionTests
{
    [Theory]
    [InlineData("3.11", "caches")]
    [InlineData("3.12", "caches")]
    [InlineData("3.13", "caches")]
    [InlineData("3.13", "offsets")]
    [InlineData("3.14", "caches")]
    [InlineData("3.14", "offsets")]
    [InlineData("3.14", "positions")]
    public void Options_match_CPython(string version, string option)
    {
        var dir = Path.Combine(Repo.Fixtures, version);
        var files = Directory.GetFiles(dir, "*.dis-" + option);
        Assert.NotEmpty(files);
        var disassembler = new Disassembler(PythonVersion.Parse(version), Repo.BuildOf(dir), showCaches: option == "caches",
            showOffsets: option == "offsets", showPositions: option == "positions");
        foreach (var expectedPath in files)
        {
            var code = PycFile.Read(File.ReadAllBytes(Path.ChangeExtension(expectedPath, ".pyc"))).Code!;
            var expected = File.ReadAllText(expectedPath);
            var actual = DisFixtureTests.Mask(disassembler.Disassemble(code));
            Assert.True(expected == actual, $"{Path.GetFileName(expectedPath)}: {DisFixtureTests.FirstDifference(expected, actual)}");
        }
    }
}

/// <summary>
/// The instruction API against dis.get_instructions() of 3.13 and 3.14 (NAME.instructions.json, recorded by
/// tools/make_dis_option_fixtures.py): every field CPython reports, for every instruction of every code object.
/// </summary>
public class InstructionRecordTests
{
    [Theory]
    [InlineData("3.13")]
    [InlineData("3.14")]
    public void Instructions_match_dis_get_instructions(string version)
    {
        var dir = Path.Combine(Repo.Fixtures, version);
        var disassembler = new Disassembler(PythonVersion.Parse(version), Repo.BuildOf(dir));
        var files = Directory.GetFiles(dir, "*.instructions.json");
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            var pyc = path[..^".instructions.json".Length] + ".pyc";
            var code = PycFile.Read(File.ReadAllBytes(pyc)).Code!;
            var ours = disassembler.GetAllInstructions(code).SelectMany(x => x.Instructions.Select(i => (x.Code, i))).ToList();
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            var theirs = doc.RootElement.EnumerateArray().ToList();
            Assert.Equal(theirs.Count, ours.Count);
            for (int k = 0; k < theirs.Count; k++)
            {
                var t = theirs[k];
                var (c, i) = ours[k];
                int? Int(string name) => t.GetProperty(name).ValueKind == System.Text.Json.JsonValueKind.Null ? null : t.GetProperty(name).GetInt32();
                var context = $"{Path.GetFileName(path)} #{k} {t.GetProperty("opname").GetString()} at {Int("offset")}";
                Assert.True(t.GetProperty("code").GetString() == c.QualNameText, context);
                Assert.True(t.GetProperty("opname").GetString() == i.OpName, context);
                Assert.True(Int("opcode") == i.Opcode, context);
                Assert.True(Int("arg") == i.Arg, context);
                Assert.True(t.GetProperty("argrepr").GetString() == DisFixtureTests.Mask(i.ArgRepr), context);
                Assert.True(Int("offset") == i.Offset, context);
                Assert.True(Int("start_offset") == i.StartOffset, context + " start_offset");
                Assert.True(t.GetProperty("starts_line").GetBoolean() == i.StartsLine, context + " starts_line");
                Assert.True(Int("line_number") == i.LineNumber, context + " line_number");
                Assert.True(Int("label") == i.Label, context + " label");
                Assert.True(t.GetProperty("is_jump_target").GetBoolean() == i.IsJumpTarget, context + " is_jump_target");
                Assert.True(Int("jump_target") == i.JumpTarget, context + " jump_target");
            }
        }
    }
}
