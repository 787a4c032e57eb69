using System.Text.Json;
using Xunit.Abstractions;
using Assert = Xunit.Assert;
using PycSharp.Bytecode.Compiler;
using PycSharp.Bytecode.Disassembly;
using PycSharp.Format;
using PycSharp.Format.Marshal;
using PycSharp.Format.Text;

namespace PycSharp.Bytecode.Tests;

/// <summary>
/// Our compiler against CPython's compile() on the snippets of tests/fixtures/compile/snippets.txt
/// (tests/fixtures/X.Y/compile/snippets.json, made by tools/make_compile_fixtures.py): the dis text, co_consts,
/// co_names, co_stacksize and co_flags must match, or the snippet's SyntaxError (type, msg, lineno, offset).
/// Snippets listed in tests/fixtures/compile/known_differences.txt are expected to differ, each for its reason.
/// </summary>
public class CompilerFixtureTests(ITestOutputHelper output)
{
    public static TheoryData<string> Versions()
    {
        var data = new TheoryData<string>();
        foreach (var v in new[] { "3.11", "3.12", "3.13" })
            if (File.Exists(SnippetsPath(v)))
                data.Add(v);
        return data;
    }

    private static string SnippetsPath(string version) => Path.Combine(Repo.Fixtures, version, "compile", "snippets.json");

    private static HashSet<string> KnownDifferences(string version) =>
        [.. File.ReadAllLines(Path.Combine(Repo.Fixtures, "compile", "known_differences.txt"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split(' ', 3))
            .Where(p => p[0] == version)
            .Select(p => p[1])];

    [Theory]
    [MemberData(nameof(Versions))]
    public void Compiled_code_matches_CPython(string version)
    {
        var pyVersion = PythonVersion.Parse(version);
        var disassembler = new Disassembler(pyVersion, Repo.BuildOf(Path.Combine(Repo.Fixtures, version)));
        var known = KnownDifferences(version);
        using var doc = JsonDocument.Parse(File.ReadAllText(SnippetsPath(version)));
        var unexpected = new List<string>();
        int total = 0, same = 0, bytewise = 0, marshalSame = 0;
        foreach (var s in doc.RootElement.GetProperty("snippets").EnumerateArray())
        {
            total++;
            var name = s.GetProperty("name").GetString()!;
            var difference = Compare(s, pyVersion, disassembler, out bool codeBytes, out bool marshalBytes);
            if (difference is null)
                same++;
            if (codeBytes)
                bytewise++;
            if (marshalBytes)
                marshalSame++;
            if (difference is not null && !known.Contains(name))
                unexpected.Add($"{name}: {difference}");
            if (difference is null && known.Contains(name))
                unexpected.Add($"{name}: matches now; remove it from known_differences.txt");
        }
        output.WriteLine($"{version}: {same} of {total} snippets match CPython (dis, consts, names, stacksize, flags or the error); "
            + $"{bytewise} with identical co_code, line table and exception table; {marshalSame} marshal byte for byte");
        Assert.True(unexpected.Count == 0, $"{version}: {unexpected.Count} unexpected\n" + string.Join("\n", unexpected));
    }

    /// <summary>Null if the compiled snippet matches what CPython recorded; else the first difference.</summary>
    internal static string? Compare(JsonElement s, PythonVersion version, Disassembler disassembler, out bool codeBytes, out bool marshalBytes)
    {
        codeBytes = marshalBytes = false;
        var source = s.GetProperty("source").GetString()!;
        var mode = PythonCompiler.ParseMode(s.GetProperty("mode").GetString()!);
        Format.Objects.PyCode code;
        try
        {
            code = PythonCompiler.Compile(source, "<string>", mode, version);
        }
        catch (CompileError e)
        {
            if (!s.TryGetProperty("error", out var error))
                return $"did not compile: {e.Message}";
            var expected = $"{error.GetProperty("type").GetString()}: {error.GetProperty("msg").GetString()} ({error.GetProperty("lineno")}, {error.GetProperty("offset")})";
            var actual = $"{e.Kind}: {e.Msg} ({e.Line}, {e.Offset})";
            return expected == actual ? null : $"expected {expected}, got {actual}";
        }
        if (s.TryGetProperty("error", out var err))
            return $"compiled, but CPython raises {err.GetProperty("type").GetString()}: {err.GetProperty("msg").GetString()}";
        codeBytes = Convert.ToHexStringLower(code.Code.Span) == s.GetProperty("code").GetString()
            && Convert.ToHexStringLower(code.LineTable.Span) == s.GetProperty("linetable").GetString()
            && Convert.ToHexStringLower(code.ExceptionTable!.Span) == s.GetProperty("exceptiontable").GetString();
        marshalBytes = Convert.ToHexStringLower(MarshalWriter.Write(code, MarshalFormat.For(version))) == s.GetProperty("marshal").GetString();
        var dis = DisFixtureTests.Mask(disassembler.Disassemble(code));
        var expectedDis = s.GetProperty("dis").GetString()!;
        if (dis != expectedDis)
            return "dis " + DisFixtureTests.FirstDifference(expectedDis, dis);
        var consts = DisFixtureTests.Mask(string.Join(", ", code.Consts.Items.Select(c => PyRepr.Of(c, version))));
        var expectedConsts = string.Join(", ", s.GetProperty("consts").EnumerateArray().Select(c => c.GetString()));
        if (consts != expectedConsts)
            return $"co_consts: expected [{expectedConsts}], got [{consts}]";
        var names = string.Join(", ", code.Names.Items.Select(n => n.ToString()));
        var expectedNames = string.Join(", ", s.GetProperty("names").EnumerateArray().Select(c => c.GetString()));
        if (names != expectedNames)
            return $"co_names: expected [{expectedNames}], got [{names}]";
        if (code.StackSize != s.GetProperty("stacksize").GetInt32())
            return $"co_stacksize: expected {s.GetProperty("stacksize").GetInt32()}, got {code.StackSize}";
        if (code.Flags != s.GetProperty("flags").GetInt32())
            return $"co_flags: expected {s.GetProperty("flags").GetInt32()}, got {code.Flags}";
        return null;
    }
}
