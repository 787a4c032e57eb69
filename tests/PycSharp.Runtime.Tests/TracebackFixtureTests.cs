using System.Text;
using System.Text.Json;
using PycSharp.Format;
using PycSharp.Runtime.Tracebacks;

namespace PycSharp.Runtime.Tests;

/// <summary>
/// tests/fixtures/runtime/tracebacks: for each program NAME.py and each of CPython 3.11, 3.12 and 3.13, what the
/// interpreter printed for the program's uncaught exception (X.Y/NAME.stderr) and the exception as a VM would
/// describe it (X.Y/NAME.json), both recorded by tools/make_traceback_fixtures.py. The printer, given the
/// description and the program's source, must write the recorded text exactly.
/// </summary>
public class TracebackFixtureTests
{
    private static string Dir => Path.Combine(Repo.Fixtures, "runtime", "tracebacks");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var versionDir in Directory.GetDirectories(Dir).Order(StringComparer.Ordinal))
            foreach (var path in Directory.GetFiles(versionDir, "*.stderr").Order(StringComparer.Ordinal))
                data.Add(Path.GetFileName(versionDir), Path.GetFileNameWithoutExtension(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void PrintsWhatCPythonPrinted(string version, string name)
    {
        var expected = File.ReadAllBytes(Path.Combine(Dir, version, name + ".stderr"));
        var report = ReadReport(Path.Combine(Dir, version, name + ".json"));
        // Source lines come from the program next to the fixtures, by the relative name its code objects carry.
        var lines = SourceLines.FromFiles(filename => Path.Combine(Dir, filename));
        var actual = TracebackPrinter.Format(report, PythonVersion.Parse(version), lines);
        Assert.Equal(Encoding.UTF8.GetString(expected), actual);
        Assert.Equal(expected, Encoding.UTF8.GetBytes(actual));
    }

    [Fact]
    public void EveryProgramIsRecordedForEveryVersion()
    {
        var programs = Directory.GetFiles(Dir, "*.py").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        Assert.True(programs.Count >= 60, $"only {programs.Count} programs");
        foreach (var version in new[] { "3.11", "3.12", "3.13" })
        {
            var recorded = Directory.GetFiles(Path.Combine(Dir, version), "*.stderr").Select(Path.GetFileNameWithoutExtension)
                .Order(StringComparer.Ordinal).ToList();
            Assert.Equal(programs, recorded);
        }
    }

    [Fact]
    public void RefusesOtherVersions()
    {
        var report = ExceptionReport.Of(new ReportedException("builtins", "ValueError", "x", []));
        Assert.Throws<ArgumentOutOfRangeException>(() => TracebackPrinter.Format(report, new PythonVersion(3, 10), SourceLines.None));
    }

    [Fact]
    public void RefusesLinksOutsideTheReport()
    {
        var report = ExceptionReport.Of(new ReportedException("builtins", "ValueError", "x", []) { Context = 1 });
        Assert.Throws<ArgumentException>(() => TracebackPrinter.Format(report, new PythonVersion(3, 12), SourceLines.None));
    }

    /// <summary>Rebuilds the report the recording hook dumped (see HOOK in tools/make_traceback_fixtures.py).</summary>
    internal static ExceptionReport ReadReport(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var exceptions = new List<ReportedException>();
        foreach (var e in doc.RootElement.GetProperty("exceptions").EnumerateArray())
        {
            // An instruction without a line: tb_lineno is -1 in 3.11/3.12 and None in 3.13; the VM says null.
            var frames = e.GetProperty("frames").EnumerateArray().Select(f => new TracebackFrame(
                f[0].GetString()!, Int(f[1]) is >= 0 and var line ? line : null, f[2].GetString()!, Int(f[3]), Int(f[4]), Int(f[5]))).ToList();
            ExceptionNotes? notes = null;
            if (e.GetProperty("notes") is { ValueKind: JsonValueKind.Object } n)
            {
                var items = n.GetProperty("items") is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Select(Str).ToList() : null;
                notes = new ExceptionNotes(items, Str(n.GetProperty("repr")), n.GetProperty("str_or_bytes").GetBoolean());
            }
            exceptions.Add(new ReportedException(Str(e.GetProperty("module")), e.GetProperty("qualname").GetString()!, Str(e.GetProperty("str")), frames)
            {
                Cause = Int(e.GetProperty("cause")),
                Context = Int(e.GetProperty("context")),
                SuppressContext = e.GetProperty("suppress_context").GetBoolean(),
                Notes = notes,
                GroupMembers = e.GetProperty("group") is { ValueKind: JsonValueKind.Array } g ? g.EnumerateArray().Select(x => x.GetInt32()).ToList() : null,
                Suggestion = Str(e.GetProperty("suggestion")),
                MissingImport = Str(e.GetProperty("missing_import")),
            });
        }
        return new ExceptionReport(exceptions);
    }

    private static int? Int(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt32();

    private static string? Str(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetString();
}
