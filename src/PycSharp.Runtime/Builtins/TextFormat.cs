using System.Globalization;
using System.Numerics;
using PycSharp.Format.Text;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>
/// Number ↔ text conversions the object model needs. The format-spec mini-language covers the common forms
/// here; Python/formatter_unicode.c is the reference.
/// </summary>
internal static class TextFormat
{
    public static BigInteger ParseInt(string text, int b, PyObject original)
    {
        var s = text.Trim().Replace("_", "", StringComparison.Ordinal);
        bool neg = false;
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            neg = s[0] == '-';
            s = s[1..];
        }
        if (b == 0)
        {
            b = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? 16 : s.StartsWith("0o", StringComparison.OrdinalIgnoreCase) ? 8
                : s.StartsWith("0b", StringComparison.OrdinalIgnoreCase) ? 2 : 10;
        }
        if ((b == 16 && s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) || (b == 8 && s.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
            || (b == 2 && s.StartsWith("0b", StringComparison.OrdinalIgnoreCase)))
            s = s[2..];
        if (b < 2 || b > 36)
            throw Err.Value("int() base must be >= 2 and <= 36, or 0");
        if (s.Length == 0)
            throw Invalid(original, b);
        BigInteger v = 0;
        foreach (var c in s)
        {
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'z' ? c - 'a' + 10 : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
            if (d >= b)
                throw Invalid(original, b);
            v = v * b + d;
        }
        return neg ? -v : v;
    }

    private static PyException Invalid(PyObject original, int b) =>
        Err.Value($"invalid literal for int() with base {b}: {Ops.ReprText(original)}");

    public static double ParseFloat(string text) => Text.FloatText.Parse(text, PyRuntime.Current.Version);

    /// <summary>round(x) and round(x, n) for floats (Objects/floatobject.c double_round, through Text.FloatMath).</summary>
    public static PyObject RoundFloat(double x, PyObject? ndigits) =>
        ndigits is null or PyNone
            ? PyInt.Of(Text.FloatMath.Round(x))
            : new PyFloat(Text.FloatMath.Round(x, ClipToLong(Ops.Index(ndigits))));

    /// <summary>PyNumber_AsSsize_t with clipping, as round() converts ndigits.</summary>
    private static long ClipToLong(PyInt n) => n.IsSmall ? n.Small : n.Value.Sign < 0 ? long.MinValue : long.MaxValue;

    public static string FloatHex(double d) => d.ToString(CultureInfo.InvariantCulture);

    public static string ComplexPart(double d)
    {
        var r = PyRepr.Float(d);
        return r.EndsWith(".0", StringComparison.Ordinal) ? r[..^2] : r;
    }

    public static string FormatInt(BigInteger v, string spec)
    {
        if (spec.Length == 0)
            return v.ToString(CultureInfo.InvariantCulture);
        var p = Spec.Parse(spec);
        string digits = p.Type switch
        {
            'x' => BigInteger.Abs(v).ToString("x", CultureInfo.InvariantCulture).TrimStart('0'),
            'X' => BigInteger.Abs(v).ToString("X", CultureInfo.InvariantCulture).TrimStart('0'),
            'o' => ToBase(BigInteger.Abs(v), 8),
            'b' => ToBase(BigInteger.Abs(v), 2),
            'c' => char.ConvertFromUtf32((int)v),
            'd' or 'n' or '\0' => BigInteger.Abs(v).ToString(CultureInfo.InvariantCulture),
            'e' or 'E' or 'f' or 'F' or 'g' or 'G' or '%' => FormatFloat((double)v, spec),
            _ => throw Err.Value($"Unknown format code '{p.Type}' for object of type 'int'"),
        };
        if (p.Type is 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or '%')
            return digits;
        if (digits.Length == 0)
            digits = "0";
        if (p.Grouping != '\0')
            digits = Group(digits, p.Grouping, p.Type is 'x' or 'X' or 'o' or 'b' ? 4 : 3);
        string prefix = p.Alternate ? p.Type switch { 'x' => "0x", 'X' => "0X", 'o' => "0o", 'b' => "0b", _ => "" } : "";
        string sign = v.Sign < 0 ? "-" : p.Sign == '+' ? "+" : p.Sign == ' ' ? " " : "";
        return Pad(sign + prefix, digits, p, numeric: true);
    }

    private static string ToBase(BigInteger v, int b)
    {
        if (v.IsZero)
            return "0";
        var sb = new System.Text.StringBuilder();
        while (!v.IsZero)
        {
            sb.Insert(0, (char)('0' + (int)(v % b)));
            v /= b;
        }
        return sb.ToString();
    }

    private static string Group(string digits, char sep, int every)
    {
        int dot = digits.IndexOf('.');
        string intPart = dot >= 0 ? digits[..dot] : digits, rest = dot >= 0 ? digits[dot..] : "";
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < intPart.Length; i++)
        {
            if (i > 0 && (intPart.Length - i) % every == 0)
                sb.Append(sep);
            sb.Append(intPart[i]);
        }
        return sb + rest;
    }

    public static string FormatFloat(double v, string spec)
    {
        if (spec.Length == 0)
            return PyRepr.Float(v);
        var p = Spec.Parse(spec);
        int prec = p.Precision ?? 6;
        string body;
        double a = Math.Abs(v);
        switch (p.Type)
        {
            case 'f' or 'F':
                body = double.IsFinite(a) ? a.ToString("F" + prec, CultureInfo.InvariantCulture) : (double.IsNaN(a) ? "nan" : "inf");
                break;
            case '%':
                body = (a * 100).ToString("F" + prec, CultureInfo.InvariantCulture) + "%";
                break;
            case 'e' or 'E':
                body = ExpForm(a, prec);
                break;
            case 'g' or 'G' or '\0':
                if (p.Type == '\0' && p.Precision is null)
                {
                    body = PyRepr.Float(a);
                    break;
                }
                body = GForm(a, prec == 0 ? 1 : prec, p.Alternate, p.Type == '\0');
                break;
            default:
                throw Err.Value($"Unknown format code '{p.Type}' for object of type 'float'");
        }
        if (p.Type is 'E' or 'G' or 'F')
            body = body.ToUpperInvariant();
        if (p.Grouping != '\0')
            body = Group(body, p.Grouping, 3);
        string sign = double.IsNegative(v) && !double.IsNaN(v) ? "-" : p.Sign == '+' ? "+" : p.Sign == ' ' ? " " : "";
        return Pad(sign, body, p, numeric: true);
    }

    private static string ExpForm(double a, int prec)
    {
        if (!double.IsFinite(a))
            return double.IsNaN(a) ? "nan" : "inf";
        var s = a.ToString((prec == 0 ? "0" : "0." + new string('0', prec)) + "e+00", CultureInfo.InvariantCulture);
        return s;
    }

    private static string GForm(double a, int prec, bool alternate, bool noType)
    {
        if (!double.IsFinite(a))
            return double.IsNaN(a) ? "nan" : "inf";
        if (a == 0)
            return noType ? "0.0" : "0";
        var e = ExpForm(a, prec - 1);
        int exp = int.Parse(e[(e.IndexOf('e') + 1)..], CultureInfo.InvariantCulture);
        string r;
        if (exp < -4 || exp >= prec)
        {
            var mant = e[..e.IndexOf('e')];
            if (!alternate && mant.Contains('.'))
                mant = mant.TrimEnd('0').TrimEnd('.');
            r = mant + e[e.IndexOf('e')..];
        }
        else
        {
            r = a.ToString("F" + Math.Max(0, prec - 1 - exp), CultureInfo.InvariantCulture);
            if (!alternate && r.Contains('.'))
                r = r.TrimEnd('0').TrimEnd('.');
            if (noType && !r.Contains('.') && !r.Contains('e'))
                r += ".0";
        }
        return r;
    }

    public static string FormatStr(string s, string spec)
    {
        if (spec.Length == 0)
            return s;
        var p = Spec.Parse(spec);
        if (p.Type is not ('s' or '\0'))
            throw Err.Value($"Unknown format code '{p.Type}' for object of type 'str'");
        if (p.Precision is { } n && n < s.Length)
            s = s[..n];
        return Pad("", s, p, numeric: false);
    }

    private static string Pad(string sign, string body, Spec p, bool numeric)
    {
        int width = p.Width ?? 0;
        int len = sign.Length + body.Length;
        if (len >= width)
            return sign + body;
        char align = p.Align ?? (p.ZeroPad && numeric ? '=' : numeric ? '>' : '<');
        char fill = p.Fill ?? (p.ZeroPad && p.Align is null ? '0' : ' ');
        int pad = width - len;
        return align switch
        {
            '<' => sign + body + new string(fill, pad),
            '^' => new string(fill, pad / 2) + sign + body + new string(fill, pad - pad / 2),
            '=' => sign + new string(fill, pad) + body,
            _ => new string(fill, pad) + sign + body,
        };
    }

    private sealed record Spec(char? Fill, char? Align, char Sign, bool Alternate, bool ZeroPad, int? Width, char Grouping, int? Precision, char Type)
    {
        public static Spec Parse(string s)
        {
            int i = 0;
            char? fill = null, align = null;
            if (s.Length >= 2 && s[1] is '<' or '>' or '^' or '=')
            {
                fill = s[0];
                align = s[1];
                i = 2;
            }
            else if (s.Length >= 1 && s[0] is '<' or '>' or '^' or '=')
            {
                align = s[0];
                i = 1;
            }
            char sign = '\0';
            if (i < s.Length && s[i] is '+' or '-' or ' ')
                sign = s[i++];
            if (i < s.Length && s[i] == 'z')
                i++;
            bool alt = false;
            if (i < s.Length && s[i] == '#')
            {
                alt = true;
                i++;
            }
            bool zero = false;
            if (i < s.Length && s[i] == '0')
            {
                zero = true;
                i++;
            }
            int? width = null;
            int start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
                i++;
            if (i > start)
                width = int.Parse(s[start..i], CultureInfo.InvariantCulture);
            char grouping = '\0';
            if (i < s.Length && s[i] is ',' or '_')
                grouping = s[i++];
            int? prec = null;
            if (i < s.Length && s[i] == '.')
            {
                i++;
                start = i;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                    i++;
                if (i == start)
                    throw Err.Value("Format specifier missing precision");
                prec = int.Parse(s[start..i], CultureInfo.InvariantCulture);
            }
            char type = '\0';
            if (i < s.Length)
                type = s[i++];
            if (i < s.Length)
                throw Err.Value("Invalid format specifier");
            return new Spec(fill, align, sign, alt, zero, width, grouping, prec, type);
        }
    }
}
