using System.Numerics;
using System.Text.Json;
using PycSharp.Runtime.Text;

namespace PycSharp.Runtime.Tests.Text;

/// <summary>Every case CPython 3.11, 3.12 and 3.13 answered in tools/make_text_cases.py, one test per section.</summary>
public class TextCasesTests
{
    public static TheoryData<string> Versions => TextCases.Versions();

    [Theory]
    [MemberData(nameof(Versions))]
    public void Format(string version) => TextCases.Check(version, "format", (c, v) =>
    {
        string spec = c.GetProperty("spec").GetString()!;
        string value = c.GetProperty("v").GetString()!;
        return c.GetProperty("t").GetString() switch
        {
            "int" => NumberFormat.Int(TextCases.Int(value), spec, v), // the BigInteger overload, even for small values
            "bool" => NumberFormat.Bool(value == "True", spec, v),
            "float" => NumberFormat.Float(TextCases.Float(value), spec, v),
            "complex" => NumberFormat.Complex(TextCases.Float(value.Split(' ')[0]), TextCases.Float(value.Split(' ')[1]), spec, v),
            _ => NumberFormat.Str(value, spec, v),
        };
    });

    /// <summary>The int cases again through the long overload, which formats without a BigInteger.</summary>
    [Theory]
    [MemberData(nameof(Versions))]
    public void FormatLongOverload(string version) => TextCases.Check(version, "format", (c, v) =>
    {
        string spec = c.GetProperty("spec").GetString()!;
        if (c.GetProperty("t").GetString() != "int")
            return c.TryGetProperty("out", out var o) ? o.GetString()! : "!" + c.GetProperty("err")[0].GetString() + ": " + c.GetProperty("err")[1].GetString();
        var value = TextCases.Int(c.GetProperty("v").GetString()!);
        return value >= long.MinValue && value <= long.MaxValue ? NumberFormat.Int((long)value, spec, v) : NumberFormat.Int(value, spec, v);
    });

    [Theory]
    [MemberData(nameof(Versions))]
    public void Round(string version) => TextCases.Check(version, "round", (c, v) =>
    {
        double x = TextCases.Float(c.GetProperty("v").GetString()!);
        var n = c.GetProperty("n");
        return n.ValueKind == JsonValueKind.Null
            ? FloatMath.Round(x).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : TextCases.Repr(FloatMath.Round(x, n.GetInt64()));
    });

    [Theory]
    [MemberData(nameof(Versions))]
    public void RoundInt(string version) => TextCases.Check(version, "round_int", (c, v) =>
    {
        var x = TextCases.Int(c.GetProperty("v").GetString()!);
        var n = c.GetProperty("n");
        return IntText.ToString(n.ValueKind == JsonValueKind.Null ? x : IntMath.Round(x, n.GetInt64()));
    });

    [Theory]
    [MemberData(nameof(Versions))]
    public void Arithmetic(string version) => TextCases.Check(version, "arith", (c, v) =>
    {
        string op = c.GetProperty("op").GetString()!, kinds = c.GetProperty("k").GetString()!;
        string a = c.GetProperty("a").GetString()!, b = c.GetProperty("b").GetString()!;
        if (kinds == "ii")
        {
            BigInteger x = TextCases.Int(a), y = TextCases.Int(b);
            return op switch
            {
                "mod" => IntText.ToString(IntMath.Mod(x, y), 0),
                "floordiv" => IntText.ToString(IntMath.FloorDiv(x, y), 0),
                "truediv" => TextCases.Repr(IntMath.TrueDivide(x, y)),
                "divmod" => $"({IntText.ToString(IntMath.DivMod(x, y).Quotient, 0)}, {IntText.ToString(IntMath.DivMod(x, y).Remainder, 0)})",
                _ => y.Sign < 0 ? TextCases.Repr(IntMath.PowNegative(x, y)) : "int",
            };
        }
        // A mixed operation converts its int operand(s) to float first, left to right.
        double p = kinds[0] == 'i' ? IntMath.ToDouble(TextCases.Int(a)) : TextCases.Float(a);
        double q = kinds[1] == 'i' ? IntMath.ToDouble(TextCases.Int(b)) : TextCases.Float(b);
        switch (op)
        {
            case "mod": return TextCases.Repr(FloatMath.Mod(p, q, v));
            case "floordiv": return TextCases.Repr(FloatMath.FloorDiv(p, q));
            case "truediv": return TextCases.Repr(FloatMath.TrueDivide(p, q));
            case "divmod":
                var (dq, dr) = FloatMath.DivMod(p, q);
                return $"({TextCases.Repr(dq)}, {TextCases.Repr(dr)})";
            default:
                // A complex result is the caller's to compute; CPython's complex power may then overflow.
                if (FloatMath.TryPow(p, q, out double r))
                    return TextCases.Repr(r);
                return c.TryGetProperty("err", out var err) && err[1].GetString() == "complex exponentiation"
                    ? "!OverflowError: complex exponentiation"
                    : "complex";
        }
    });

    [Theory]
    [MemberData(nameof(Versions))]
    public void IntToFloat(string version) => TextCases.Check(version, "int_to_float", (c, v) =>
        TextCases.Repr(IntMath.ToDouble(TextCases.Int(c.GetProperty("v").GetString()!))));

    [Theory]
    [MemberData(nameof(Versions))]
    public void ParseFloat(string version) => TextCases.Check(version, "parse_float", (c, v) =>
        TextCases.Repr(FloatText.Parse(c.GetProperty("s").GetString()!, v)));

    [Theory]
    [MemberData(nameof(Versions))]
    public void ParseInt(string version) => TextCases.Check(version, "parse_int", (c, v) =>
        IntText.ToString(IntText.Parse(c.GetProperty("s").GetString()!, c.GetProperty("base").GetInt32(), v), 0));

    [Theory]
    [MemberData(nameof(Versions))]
    public void StrInt(string version) => TextCases.Check(version, "str_int", (c, v) =>
        IntText.ToString(TextCases.Int(c.GetProperty("v").GetString()!)));

    [Theory]
    [MemberData(nameof(Versions))]
    public void Percent(string version) => TextCases.Check(version, "percent", (c, v) =>
    {
        var objects = new TestObjects(v);
        var operand = TextCases.Operand(c.GetProperty("args"));
        return PercentFormat.Format(c.GetProperty("fmt").GetString()!, new TestOperands(objects, operand), v);
    });

    [Theory]
    [MemberData(nameof(Versions))]
    public void StrFormatTemplates(string version) => TextCases.Check(version, "strformat", (c, v) =>
    {
        var objects = new TestObjects(v);
        var argsJson = c.GetProperty("args");
        object[]? args = argsJson.ValueKind == JsonValueKind.Null ? null : argsJson.EnumerateArray().Select(TextCases.Operand).ToArray();
        var kwargs = c.GetProperty("kwargs").EnumerateArray().Select(p => (p[0].GetString()!, TextCases.Operand(p[1]))).ToArray();
        return StrFormat.Format(c.GetProperty("fmt").GetString()!, new TestFields(objects, args, kwargs), v);
    });
}
