using System.Text.Json;
using PycSharp.Format;
using PycSharp.Runtime.Tracebacks.Syntax;

namespace PycSharp.Runtime.Tests;

/// <summary>
/// The caret rules' parser against CPython's own (tests/fixtures/runtime/caret_parse/X.Y.json, written by
/// tools/make_caret_parse_cases.py under each interpreter): for each source piece, what the rules read from the
/// tree must agree — whether it parses, and for the statement and expression kinds they test, the places.
/// </summary>
public class CaretParseTests
{
    public static TheoryData<string> Versions() => new("3.11", "3.12", "3.13");

    [Theory]
    [MemberData(nameof(Versions))]
    public void AgreesWithAstParse(string version)
    {
        var path = Path.Combine(Repo.Fixtures, "runtime", "caret_parse", version + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var v = PythonVersion.Parse(version);
        var failures = new List<string>();
        int count = 0;
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            count++;
            var mode = c[0].GetString()!;
            var text = c[1].GetString()!;
            var tree = c[2];
            var mine = PyParser.ParseModule(mode == "wrapped" ? "(\n" + text + "\n)" : text, v);
            // A single expression statement: what the anchors of both 3.11/3.12 and 3.13 read.
            var expected = SingleExpression(tree);
            var actual = mine is { Count: 1 } && mine[0] is ExprStmt e ? Describe(e.Value) : "none";
            if (expected != actual)
                failures.Add($"{mode} {JsonSerializer.Serialize(text)}: single expression {expected}, parsed {actual}");
            if (mode == "exec")
            {
                // The first statement as 3.13's _should_show_carets reads it.
                var expectedFirst = FirstStatement(tree);
                var actualFirst = mine is null ? "error" : mine.Count == 0 ? "empty" : Describe(mine[0]);
                if (expectedFirst != actualFirst && !(expectedFirst is "error" or "other" && actualFirst is "error" or "other"))
                    failures.Add($"{mode} {JsonSerializer.Serialize(text)}: first statement {expectedFirst}, parsed {actualFirst}");
            }
        }
        Assert.True(count > 1000, $"only {count} cases");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} disagree:\n" + string.Join("\n", failures.Take(40)));
    }

    private static string SingleExpression(JsonElement tree) =>
        tree.ValueKind == JsonValueKind.Array && tree[0].GetInt32() == 1 && tree[1][0].GetString() == "Expr" ? Describe(tree[1][1]) : "none";

    private static string FirstStatement(JsonElement tree)
    {
        if (tree.ValueKind == JsonValueKind.Null)
            return "error";
        if (tree[0].GetInt32() == 0)
            return "empty";
        var s = tree[1];
        return s[0].GetString() switch
        {
            "Return" when s[1] is { ValueKind: JsonValueKind.Array } value && value[0].GetString() == "Call" && value[3].GetString() == "Name" => "call " + Span(value[1]),
            "Assign" when s[1].GetArrayLength() == 1 && s[1][0].GetString() == "Name" && s[2][0].GetString() == "Call" => "call " + Span(s[2][1]),
            _ => "other",
        };
    }

    private static string Describe(PyStmt s) => s switch
    {
        ReturnStmt { Value: CallExpr { Func: NameExpr } call } => "call " + Span(call.Span),
        AssignStmt { Targets: [NameExpr], Value: CallExpr call } => "call " + Span(call.Span),
        _ => "other",
    };

    private static string Describe(JsonElement e) => e[0].GetString() switch
    {
        "BinOp" => $"BinOp {Span(e[1])} left {Span(e[2])} right {Span(e[3])}",
        "Subscript" => $"Subscript {Span(e[1])} value {Span(e[2])} slice {Span(e[3])}",
        "Call" => $"Call {Span(e[1])} func {Span(e[2])}",
        var kind => $"{kind} {Span(e[1])}",
    };

    private static string Describe(PyExpr e) => e switch
    {
        BinOpExpr b => $"BinOp {Span(b.Span)} left {Span(b.Left.Span)} right {Span(b.Right.Span)}",
        SubscriptExpr s => $"Subscript {Span(s.Span)} value {Span(s.Value.Span)} slice {Span(s.Slice.Span)}",
        CallExpr c => $"Call {Span(c.Span)} func {Span(c.Func.Span)}",
        NameExpr n => $"Name {Span(n.Span)}",
        _ => $"Other {Span(e.Span)}",
    };

    private static string Span(JsonElement s) => $"{s[0]}:{s[1]}-{s[2]}:{s[3]}";

    private static string Span(Span s) => $"{s.Line}:{s.Col}-{s.EndLine}:{s.EndCol}";
}
