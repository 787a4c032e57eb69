using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PycSharp.Generator;

/// <summary>
/// Turns data/opcodes/X.Y.json (tools/dump_opcodes.py, run under each real CPython) into C# opcode tables.
/// The argument rules are inferred from the probe tables the dump recorded: for each opcode, dis's argrepr for
/// opargs 0..255 against synthetic co_consts ('k0'…), co_names (n0…), varnames (v0…) and cells (f0…). A rule is
/// accepted only if it reproduces every one of the 256 probe results; anything else stays a literal table.
/// </summary>
public static partial class OpcodeTablesGenerator
{
    private static readonly (string Set, int Bit)[] s_sets =
    [
        ("hasarg", 1 << 0), ("hasconst", 1 << 1), ("hasname", 1 << 2), ("hasjrel", 1 << 3), ("hasjabs", 1 << 4),
        ("haslocal", 1 << 5), ("hasfree", 1 << 6), ("hascompare", 1 << 7), ("hasexc", 1 << 8), ("hasjump", 1 << 9),
        ("hasnargs", 1 << 10),
    ];

    public static string Generate(string root)
    {
        var files = Directory.GetFiles(Path.Combine(root, "data", "opcodes"), "*.json")
            .Select(p => (Path: p, Version: Path.GetFileNameWithoutExtension(p)))
            .OrderBy(p => int.Parse(p.Version.Split('.')[0], CultureInfo.InvariantCulture))
            .ThenBy(p => int.Parse(p.Version.Split('.')[1], CultureInfo.InvariantCulture))
            .ToList();
        var sb = new StringBuilder();
        sb.Append(Generators.Header("data/opcodes/*.json"));
        sb.Append("using System.Collections.Immutable;\nusing PycSharp.Format;\n\nnamespace PycSharp.Bytecode.Opcodes;\n\n");
        sb.Append("public static partial class OpcodeTables\n{\n");
        sb.Append("    private static OpcodeTable? Create(int major, int minor) => (major, minor) switch\n    {\n");
        foreach (var (_, v) in files)
            sb.Append(CultureInfo.InvariantCulture, $"        ({v.Replace('.', ',')}) => V{v.Replace('.', '_')}(),\n");
        sb.Append("        _ => null,\n    };\n\n");
        sb.Append("    /// <summary>Versions with a table, oldest first.</summary>\n");
        sb.Append("    public static ImmutableArray<PythonVersion> Versions { get; } =\n    [\n");
        foreach (var (_, v) in files)
            sb.Append(CultureInfo.InvariantCulture, $"        new({v.Replace(".", ", ")}),\n");
        sb.Append("    ];\n");
        foreach (var (path, v) in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            sb.Append('\n');
            EmitVersion(sb, v, doc.RootElement);
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    private static void EmitVersion(StringBuilder sb, string version, JsonElement d)
    {
        var ops = d.GetProperty("ops").EnumerateArray().ToList();
        if (ops.Count != 256)
            throw new InvalidDataException($"{version}: {ops.Count} ops");
        var probeTables = d.GetProperty("argrepr_tables").EnumerateArray()
            .Select(t => t.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? null : x.GetString()).ToArray())
            .ToList();
        var rules = probeTables.Select((t, i) => InferRule(version, i, t)).ToList();
        var constants = d.GetProperty("constants");
        int Const(string name) => constants.TryGetProperty(name, out var c) && c.ValueKind == JsonValueKind.Number ? c.GetInt32() : -1;

        sb.Append(CultureInfo.InvariantCulture, $"    private static OpcodeTable V{version.Replace('.', '_')}() => new(\n");
        sb.Append(CultureInfo.InvariantCulture, $"        version: new({version.Replace(".", ", ")}),\n");
        sb.Append(CultureInfo.InvariantCulture, $"        haveArgument: {Const("HAVE_ARGUMENT")}, extendedArg: {Const("EXTENDED_ARG")}, cache: {Const("CACHE")},\n");
        sb.Append("        names:\n        [");
        for (int i = 0; i < 256; i++)
            sb.Append(i % 8 == 0 ? "\n            " : " ").Append(Generators.Literal(ops[i].GetProperty("name").GetString()!)).Append(',');
        sb.Append("\n        ],\n        disNames:\n        [");
        for (int i = 0; i < 256; i++)
        {
            var dis = ops[i].GetProperty("dis");
            var name = dis.TryGetProperty("name", out var n) ? n.GetString()! : ops[i].GetProperty("name").GetString()!;
            sb.Append(i % 8 == 0 ? "\n            " : " ").Append(Generators.Literal(name)).Append(',');
        }
        sb.Append("\n        ],\n        flags:\n        [");
        for (int i = 0; i < 256; i++)
        {
            int flags = 0;
            if (ops[i].TryGetProperty("sets", out var sets))
                foreach (var s in sets.EnumerateArray())
                    flags |= s_sets.Single(x => x.Set == s.GetString()).Bit;
            var dis = ops[i].GetProperty("dis");
            if (dis.GetProperty("arg").GetBoolean())
                flags |= 1 << 11; // dis reads an oparg
            int caches = dis.TryGetProperty("caches", out var c) ? c.GetInt32() : 0;
            int deopt = dis.TryGetProperty("deopt", out var dp) ? dp.GetInt32() : i;
            int rule = dis.TryGetProperty("argrepr", out var r) ? r.GetInt32() : -1;
            sb.Append(i % 4 == 0 ? "\n            " : " ")
              .Append(CultureInfo.InvariantCulture, $"new(0x{flags:x3}, {caches}, {deopt}, {rule}),");
        }
        sb.Append("\n        ],\n        rules:\n        [\n");
        foreach (var rule in rules)
            sb.Append("            ").Append(rule).Append(",\n");
        sb.Append("        ],\n");
        sb.Append(CultureInfo.InvariantCulture, $"        cmpOp: {StringArray(d.GetProperty("cmp_op"))},\n");
        sb.Append(CultureInfo.InvariantCulture, $"        backwardJumps: {StringArray(d.GetProperty("backward_jumps"))},\n");
        var flagNames = d.TryGetProperty("compiler_flag_names", out var f) && f.ValueKind == JsonValueKind.Array
            ? string.Join(", ", f.EnumerateArray().Select(x => $"({x[0].GetInt32()}, {Generators.Literal(x[1].GetString()!)})"))
            : "";
        sb.Append(CultureInfo.InvariantCulture, $"        compilerFlagNames: [{flagNames}],\n");
        // opcode._cache_format: the named fields of each instruction's inline cache, in order (3.11+).
        var cacheFormat = new List<string>();
        if (d.TryGetProperty("cache_format", out var cf) && cf.ValueKind == JsonValueKind.Object)
            foreach (var op in cf.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                cacheFormat.Add($"({Generators.Literal(op.Name)}, [{string.Join(", ", op.Value.EnumerateArray().Select(f => $"({Generators.Literal(f[0].GetString()!)}, {f[1].GetInt32()})"))}])");
        sb.Append(CultureInfo.InvariantCulture, $"        cacheFormat: [{string.Join(", ", cacheFormat)}],\n");
        sb.Append("        stackEffects:\n        [");
        bool any = d.GetProperty("stack_effect_available").GetBoolean();
        for (int i = 0; i < 256 && any; i++)
        {
            var op = ops[i];
            string? plain = StackEffectExpression(version, i, op, "se");
            string? jump = op.TryGetProperty("se_jump", out _) ? StackEffectExpression(version, i, op, "se_jump") : plain;
            string? noJump = op.TryGetProperty("se_nojump", out _) ? StackEffectExpression(version, i, op, "se_nojump") : plain;
            sb.Append("\n            ").Append(jump is null || noJump is null ? "null" : $"new({noJump}, {jump})").Append(',');
        }
        sb.Append(any ? "\n        ],\n" : "],\n");
        sb.Append(CultureInfo.InvariantCulture, $"        stackEffectJump: {(d.GetProperty("stack_effect_jump").GetBoolean() ? "true" : "false")});\n");
    }

    /// <summary>Opargs of the "se_high" probes (tools/dump_opcodes.py HIGH_OPARGS), in order.</summary>
    private static readonly long[] s_highOpargs = [256, 257, 300, 511, 512, 1000, 65536, 65793, 16777216];

    /// <summary>
    /// A StackEffect for one dumped effect: an int, or 256 values (null where the call raised), which are reduced to
    /// the shortest period (a power of two) after which they repeat shifted by a constant slope per unit of oparg;
    /// for larger opargs a slope per unit of the bytes above the first, which must reproduce every "_high" probe.
    /// </summary>
    private static string? StackEffectExpression(string version, int op, JsonElement record, string key)
    {
        if (!record.TryGetProperty(key, out var e) || e.ValueKind == JsonValueKind.Null)
            return null;
        if (e.ValueKind == JsonValueKind.Number)
            return $"StackEffect.Constant({e.GetInt32()})";
        var v = e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? (int?)null : x.GetInt32()).ToArray();
        if (v.Length != 256)
            throw new InvalidDataException($"{version}: stack effect of {op} has {v.Length} values");
        for (int period = 1; period <= 256; period *= 2)
        {
            int? slope = period == 256 ? 0 : null;
            bool fits = true;
            for (int n = 0; n + period < 256 && fits; n++)
            {
                var (a, b) = (v[n], v[n + period]);
                if (a is null || b is null)
                {
                    fits = a is null && b is null;
                    continue;
                }
                int diff = b.Value - a.Value;
                if (diff % period != 0)
                    fits = false;
                else if (slope is null)
                    slope = diff / period;
                else
                    fits = slope == diff / period;
            }
            if (fits)
            {
                int highSlope = HighSlope(version, op, record, key, v);
                return $"new([{string.Join(", ", v.Take(period).Select(x => x?.ToString(CultureInfo.InvariantCulture) ?? "null"))}], {slope ?? 0}, {highSlope})";
            }
        }
        throw new InvalidDataException("unreachable: period 256 always fits");
    }

    private static int HighSlope(string version, int op, JsonElement record, string key, int?[] low)
    {
        if (!record.TryGetProperty(key + "_high", out var h) || h.ValueKind != JsonValueKind.Array)
            throw new InvalidDataException($"{version}: op {op} has {key} but no {key}_high probes (rerun tools/dump_opcodes.py)");
        var high = h.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? (long?)null : x.GetInt64()).ToArray();
        if (high.Length != s_highOpargs.Length)
            throw new InvalidDataException($"{version}: op {op}: {high.Length} {key}_high values");
        long? slope = high[0] is { } h0 && low[0] is { } l0 ? h0 - l0 : null;
        for (int i = 0; i < high.Length; i++)
        {
            long n = s_highOpargs[i];
            long? model = low[n & 0xff] is { } l && slope is { } s ? l + s * (n >> 8) : null;
            if (model != high[i])
                throw new InvalidDataException($"{version}: op {op}: {key}({n}) is {high[i]?.ToString(CultureInfo.InvariantCulture) ?? "an error"}, the model gives {model?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
        }
        return (int)(slope ?? 0);
    }

    private static string StringArray(JsonElement e) =>
        e.ValueKind != JsonValueKind.Array ? "[]" : "[" + string.Join(", ", e.EnumerateArray().Select(x => Generators.Literal(x.GetString()!))) + "]";

    [GeneratedRegex(@"^(?<pre>.*?)(?<kind>[nvf])(?<num>\d+)(?<post>.*)$")]
    private static partial Regex NameLike();

    [GeneratedRegex(@"^v(?<a>\d+), v(?<b>\d+)$")]
    private static partial Regex LocalPair();

    [GeneratedRegex(@"^'k(?<num>\d+)'$")]
    private static partial Regex ConstRef();

    [GeneratedRegex(@"^(?<word>to|from) (?<label>L?)(?<num>-?\d+)$")]
    private static partial Regex JumpRef();

    /// <summary>A C# expression for the rule that reproduces one probe table, or a literal table if none does.</summary>
    private static string InferRule(string version, int index, string?[] t)
    {
        if (t.Length != 256)
            throw new InvalidDataException($"{version}: argrepr table {index} has {t.Length} entries");
        if (t.All(x => x == ""))
            return "ArgRule.Empty";
        if (Enumerable.Range(0, 256).All(i => t[i] is { } s && ConstRef().Match(s) is { Success: true } m && Num(m) == i))
            return "ArgRule.Const";
        if (Enumerable.Range(0, 256).All(i => t[i] is { } s && LocalPair().Match(s) is { Success: true } m &&
                                              Num(m, "a") == i >> 4 && Num(m, "b") == (i & 15)))
            return "ArgRule.LocalPair";
        if (TryJump(t) is { } jump)
            return jump;
        foreach (int shift in new[] { 0, 1, 2, 4 })
            if (TryNameLike(t, shift) is { } rule)
                return rule;
        return "ArgRule.Literal([" + string.Join(", ", t.Select(x => x is null ? "null" : Generators.Literal(x))) + "])";
    }

    private static string? TryJump(string?[] t)
    {
        var matches = t.Select(x => x is null ? null : JumpRef().Match(x)).ToArray();
        if (matches.Any(m => m is not { Success: true }))
            return null;
        var word = matches[0]!.Groups["word"].Value;
        var label = matches[0]!.Groups["label"].Value == "L";
        long b = Num(matches[0]!), slope = Num(matches[1]!) - b;
        for (int i = 0; i < 256; i++)
            if (Num(matches[i]!) != b + slope * i || matches[i]!.Groups["word"].Value != word)
                return null;
        return $"ArgRule.Jump({Generators.Literal(word)}, label: {(label ? "true" : "false")}, @base: {b}, slope: {slope})";
    }

    private static string? TryNameLike(string?[] t, int shift)
    {
        int mask = (1 << shift) - 1;
        var pre = new string?[mask + 1];
        var post = new string?[mask + 1];
        char? kind = null;
        for (int i = 0; i < 256; i++)
        {
            if (t[i] is not { } s || NameLike().Match(s) is not { Success: true } m || Num(m) != i >> shift)
                return null;
            var k = m.Groups["kind"].Value[0];
            if (kind is not null && kind != k)
                return null;
            kind = k;
            int low = i & mask;
            if ((pre[low] ??= m.Groups["pre"].Value) != m.Groups["pre"].Value ||
                (post[low] ??= m.Groups["post"].Value) != m.Groups["post"].Value)
                return null;
        }
        var source = kind switch { 'n' => "Name", 'v' => "Local", _ => "Free" };
        if (shift == 0 && pre[0] == "" && post[0] == "")
            return $"ArgRule.{source}";
        return $"ArgRule.Indexed(ArgSource.{source}, shift: {shift}, prefixes: [{string.Join(", ", pre.Select(x => Generators.Literal(x!)))}], " +
               $"suffixes: [{string.Join(", ", post.Select(x => Generators.Literal(x!)))}])";
    }

    private static long Num(Match m, string group = "num") => long.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
}
