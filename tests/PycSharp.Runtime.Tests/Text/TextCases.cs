using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using PycSharp.Format;
using PycSharp.Runtime.Text;

namespace PycSharp.Runtime.Tests.Text;

/// <summary>
/// tests/fixtures/runtime/text-cases-X.Y.json, written by tools/make_text_cases.py under CPython X.Y: each case is
/// an input and CPython's result or exception.
/// </summary>
internal static class TextCases
{
    private static readonly Dictionary<string, JsonDocument> s_docs = new(StringComparer.Ordinal);

    public static TheoryData<string> Versions()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(Repo.Fixtures, "runtime"), "text-cases-*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(f)["text-cases-".Length..]);
        return data;
    }

    public static JsonElement Section(string version, string name)
    {
        JsonDocument doc;
        lock (s_docs)
        {
            if (!s_docs.TryGetValue(version, out doc!))
            {
                doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Repo.Fixtures, "runtime", $"text-cases-{version}.json")));
                s_docs[version] = doc;
            }
        }
        return doc.RootElement.GetProperty(name);
    }

    /// <summary>Runs every case of a section; fails listing the cases whose answer differs from CPython's.</summary>
    public static void Check(string version, string section, Func<JsonElement, PythonVersion, string> run)
    {
        var v = PythonVersion.Parse(version);
        var failures = new List<string>();
        int count = 0;
        foreach (var c in Section(version, section).EnumerateArray())
        {
            count++;
            string expected = c.TryGetProperty("out", out var o)
                ? (o.ValueKind == JsonValueKind.String ? o.GetString()! : o.GetRawText())
                : "!" + c.GetProperty("err")[0].GetString() + ": " + c.GetProperty("err")[1].GetString();
            string actual;
            try
            {
                actual = run(c, v);
            }
            catch (PyTextException e)
            {
                actual = "!" + e.PythonType + ": " + e.Message;
            }
#pragma warning disable CA1031 // a crash is one more wrong answer to list
            catch (Exception e)
#pragma warning restore CA1031
            {
                actual = "CRASH " + e.GetType().Name + ": " + e.Message;
            }
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
                failures.Add($"{Short(c.GetRawText())}\n    expected {Short(expected)}\n    actual   {Short(actual)}");
        }
        Assert.True(count > 0, "no cases");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} {section} cases differ from CPython {version}:\n" + string.Join("\n", failures.Take(40)));
    }

    private static string Short(string s) => s.Length <= 300 ? s : s[..300] + "...";

    public static double Float(string repr) => repr switch
    {
        "nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(repr, CultureInfo.InvariantCulture),
    };

    public static BigInteger Int(string text) =>
        text.StartsWith("0x", StringComparison.Ordinal) ? BigInteger.Parse("0" + text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
        : text.StartsWith("-0x", StringComparison.Ordinal) ? -BigInteger.Parse("0" + text[3..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
        : BigInteger.Parse(text, CultureInfo.InvariantCulture);

    public static string Repr(double x) => FloatText.Repr(x);

    /// <summary>An operand from the fixture's tagged form (see enc() in the generator).</summary>
    public static object Operand(JsonElement e)
    {
        string tag = e[0].GetString()!;
        return tag switch
        {
            "n" => NoneValue.Instance,
            "b" => e[1].GetBoolean(),
            "i" => Int(e[1].GetString()!),
            "f" => Float(e[1].GetString()!),
            "s" => e[1].GetString()!,
            "t" => new TupleValue(e[1].EnumerateArray().Select(Operand).ToArray()),
            "l" => new ListValue(e[1].EnumerateArray().Select(Operand).ToArray()),
            "d" => new DictValue(e[1].EnumerateArray().Select(p => (Operand(p[0]), Operand(p[1]))).ToArray()),
            _ => throw new InvalidDataException(tag),
        };
    }
}

internal sealed class NoneValue
{
    public static readonly NoneValue Instance = new();
}

internal sealed record TupleValue(object[] Items);

internal sealed record ListValue(object[] Items);

internal sealed record DictValue((object Key, object Value)[] Items);

/// <summary>Just enough of Python's objects (None, bool, int, float, str, tuple, list, dict) for the cases.</summary>
internal sealed class TestObjects(PythonVersion version)
{
    public PythonVersion Version { get; } = version;

    public static string TypeName(object o) => o switch
    {
        NoneValue => "NoneType",
        bool => "bool",
        BigInteger => "int",
        double => "float",
        string => "str",
        TupleValue => "tuple",
        ListValue => "list",
        DictValue => "dict",
        _ => o.GetType().Name,
    };

    public string Str(object o) => o switch
    {
        string s => s,
        _ => Repr(o),
    };

    public string Repr(object o) => o switch
    {
        NoneValue => "None",
        bool b => b ? "True" : "False",
        BigInteger i => IntText.ToString(i),
        double d => FloatText.Repr(d),
        string s => PycSharp.Format.Text.PyRepr.Of(PycSharp.Format.Objects.PyString.From(s), Version),
        TupleValue t => t.Items.Length == 1 ? "(" + Repr(t.Items[0]) + ",)" : "(" + string.Join(", ", t.Items.Select(Repr)) + ")",
        ListValue l => "[" + string.Join(", ", l.Items.Select(Repr)) + "]",
        DictValue d => "{" + string.Join(", ", d.Items.Select(p => Repr(p.Key) + ": " + Repr(p.Value))) + "}",
        _ => throw new InvalidOperationException(),
    };

    public string Ascii(object o)
    {
        var r = Repr(o);
        var sb = new StringBuilder();
        for (int i = 0; i < r.Length; i++)
        {
            int cp = char.IsHighSurrogate(r[i]) && i + 1 < r.Length && char.IsLowSurrogate(r[i + 1]) ? char.ConvertToUtf32(r[i], r[i + 1]) : r[i];
            if (cp > 0xFFFF)
                i++;
            if (cp < 128)
                sb.Append((char)cp);
            else if (cp < 0x100)
                sb.Append(CultureInfo.InvariantCulture, $"\\x{cp:x2}");
            else if (cp < 0x10000)
                sb.Append(CultureInfo.InvariantCulture, $"\\u{cp:x4}");
            else
                sb.Append(CultureInfo.InvariantCulture, $"\\U{cp:x8}");
        }
        return sb.ToString();
    }

    public static bool TryGetInteger(object o, IntegerConversion conversion, out BigInteger value)
    {
        switch (o)
        {
            case BigInteger i:
                value = i;
                return true;
            case bool b:
                value = b ? 1 : 0;
                return true;
            case double d when conversion == IntegerConversion.Int:
                if (double.IsNaN(d))
                    throw new PyTextException("ValueError", "cannot convert float NaN to integer");
                if (double.IsInfinity(d))
                    throw new PyTextException("OverflowError", "cannot convert float infinity to integer");
                value = new BigInteger(Math.Truncate(d));
                return true;
            default:
                value = default;
                return false;
        }
    }

    public static bool TryGetFloat(object o, out double value)
    {
        switch (o)
        {
            case double d:
                value = d;
                return true;
            case BigInteger i:
                value = IntMath.ToDouble(i);
                return true;
            case bool b:
                value = b ? 1 : 0;
                return true;
            default:
                value = 0;
                return false;
        }
    }

    public object Lookup(object container, object key)
    {
        switch (container)
        {
            case DictValue d:
                foreach (var (k, v) in d.Items)
                    if (KeyEquals(k, key))
                        return v;
                throw new PyTextException("KeyError", Repr(key));
            case TupleValue or ListValue or string when key is BigInteger i:
            {
                string kind = TypeName(container);
                int n = container switch { TupleValue t => t.Items.Length, ListValue l => l.Items.Length, _ => ((string)container).Length };
                var idx = i < 0 ? i + n : i;
                if (idx < 0 || idx >= n)
                    throw new PyTextException("IndexError", kind == "str" ? "string index out of range" : kind + " index out of range");
                return container switch
                {
                    TupleValue t => t.Items[(int)idx],
                    ListValue l => l.Items[(int)idx],
                    _ => ((string)container)[(int)idx].ToString(),
                };
            }
            case TupleValue or ListValue:
                throw new PyTextException("TypeError", $"{TypeName(container)} indices must be integers or slices, not {TypeName(key)}");
            case string:
                throw new PyTextException("TypeError", $"string indices must be integers, not '{TypeName(key)}'");
            default:
                throw new PyTextException("TypeError", $"'{TypeName(container)}' object is not subscriptable");
        }
    }

    private static bool KeyEquals(object a, object b) => (a, b) switch
    {
        (string x, string y) => x == y,
        (BigInteger x, BigInteger y) => x == y,
        _ => false,
    };

    public static object GetAttribute(object o, string name)
    {
        switch (o)
        {
            case var _ when name == "__class__":
                return $"<class '{TypeName(o)}'>"; // formats as str(type) would

            case BigInteger i when name is "real" or "numerator":
                return i;
            case BigInteger when name == "imag":
                return BigInteger.Zero;
            case BigInteger when name == "denominator":
                return BigInteger.One;
            case bool b when name is "real" or "numerator":
                return new BigInteger(b ? 1 : 0);
            case double d when name == "real":
                return d;
            case double when name == "imag":
                return 0.0;
        }
        throw new PyTextException("AttributeError", $"'{TypeName(o)}' object has no attribute '{name}'");
    }

    public string FormatValue(object o, string spec) => o switch
    {
        bool b => NumberFormat.Bool(b, spec, Version),
        BigInteger i => NumberFormat.Int(i, spec, Version),
        double d => NumberFormat.Float(d, spec, Version),
        string s => NumberFormat.Str(s, spec, Version),
        _ => spec.Length == 0 ? Str(o) : throw new PyTextException("TypeError", $"unsupported format string passed to {TypeName(o)}.__format__"),
    };
}

internal sealed class TestOperands(TestObjects objects, object operand) : IPercentOperands
{
    public bool IsTuple => operand is TupleValue;

    public int Count => ((TupleValue)operand).Items.Length;

    public object Get(int index) => ((TupleValue)operand).Items[index];

    // PyMapping_Check: anything with __getitem__ (dict, list) except tuples and str.
    public bool IsMapping => operand is DictValue or ListValue;

    public object GetItem(string key) => objects.Lookup(operand, key);

    public object Value => operand;

    public string Str(object value) => objects.Str(value);

    public string Repr(object value) => objects.Repr(value);

    public string Ascii(object value) => objects.Ascii(value);

    public string TypeName(object value) => TestObjects.TypeName(value);

    public bool TryGetInteger(object value, IntegerConversion conversion, out BigInteger result) =>
        TestObjects.TryGetInteger(value, conversion, out result);

    public bool TryGetFloat(object value, out double result) => TestObjects.TryGetFloat(value, out result);

    public bool TryGetString(object value, out string text)
    {
        text = value as string ?? "";
        return value is string;
    }
}

internal sealed class TestFields(TestObjects objects, object[]? args, (string Name, object Value)[] kwargs) : IFormatFields
{
    public int PositionalCount => args?.Length ?? -1;

    public object Positional(int index) => args![index];

    public object Keyword(string name)
    {
        foreach (var (n, v) in kwargs)
            if (n == name)
                return v;
        throw new PyTextException("KeyError", objects.Repr(name));
    }

    public object GetAttribute(object value, string name) => TestObjects.GetAttribute(value, name);

    public object GetItem(object value, int index) => objects.Lookup(value, new BigInteger(index));

    public object GetItem(object value, string key) => objects.Lookup(value, key);

    public string Convert(object value, char conversion) => conversion switch
    {
        'r' => objects.Repr(value),
        'a' => objects.Ascii(value),
        _ => objects.Str(value),
    };

    public string FormatValue(object value, string spec) => objects.FormatValue(value, spec);
}
