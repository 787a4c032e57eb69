using System.Globalization;
using PycSharp.Format;

namespace PycSharp.Runtime.Text;

/// <summary>float(str) and str(float)/repr(float).</summary>
public static class FloatText
{
    /// <summary>repr(x), which str(x) equals in Python 3 (Objects/floatobject.c float_repr).</summary>
    public static string Repr(double x) => PycSharp.Format.Text.PyRepr.Float(x);

    /// <summary>
    /// float(s) for a str argument (Objects/floatobject.c PyFloat_FromString): Unicode spaces and digits are
    /// first made ASCII, then _Py_string_to_number_with_underscores allows '_' only between digits, and the text
    /// less surrounding white space must be a decimal literal or inf/infinity/nan (any case, optional sign).
    /// Out-of-range values are inf or 0, not errors. The error names the original string by its repr.
    /// </summary>
    public static double Parse(string s, PythonVersion version)
    {
        if (TryParse(s, out double value))
            return value;
        throw PyTextException.Value("could not convert string to float: " + PyStr.Repr(s, version));
    }

    /// <summary><see cref="Parse"/> without the exception.</summary>
    public static bool TryParse(string s, out double value)
    {
        value = 0;
        Span<char> small = stackalloc char[s.Length <= 256 ? s.Length : 0];
        Span<char> a = s.Length <= 256 ? small : new char[s.Length];
        int n = IntText.Transform(s, a);
        a = a[..n];
        // Underscores: each must follow a digit and precede one (checked on the unstripped text, as CPython does).
        int w = 0;
        char prev = '\0';
        for (int k = 0; k < n; k++)
        {
            char c = a[k];
            if (c == '_')
            {
                if (prev is < '0' or > '9')
                    return false;
            }
            else
            {
                if (prev == '_' && c is < '0' or > '9')
                    return false;
                a[w++] = c;
            }
            prev = c;
        }
        if (prev == '_')
            return false;
        a = a[..w];
        int i = 0, end = a.Length;
        while (i < end && IntText.IsAsciiSpace(a[i]))
            i++;
        while (end > i && IntText.IsAsciiSpace(a[end - 1]))
            end--;
        var t = a[i..end];
        if (t.Length == 0)
            return false;
        int p = 0;
        bool negative = false;
        if (t[0] is '+' or '-')
        {
            negative = t[0] == '-';
            p = 1;
        }
        var body = t[p..];
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            // Python/pystrtod.c _Py_parse_inf_or_nan keeps the sign: float('-nan') has its sign bit set.
            value = negative ? -double.NaN : double.NaN;
            return true;
        }
        // digits [. digits] | . digits, then an optional exponent with at least one digit.
        int q = 0, intDigits = 0, fracDigits = 0;
        while (q < body.Length && char.IsAsciiDigit(body[q]))
        {
            q++;
            intDigits++;
        }
        if (q < body.Length && body[q] == '.')
        {
            q++;
            while (q < body.Length && char.IsAsciiDigit(body[q]))
            {
                q++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0)
            return false;
        if (q < body.Length && body[q] is 'e' or 'E')
        {
            q++;
            if (q < body.Length && body[q] is '+' or '-')
                q++;
            int expDigits = 0;
            while (q < body.Length && char.IsAsciiDigit(body[q]))
            {
                q++;
                expDigits++;
            }
            if (expDigits == 0)
                return false;
        }
        if (q != body.Length)
            return false;
        // .NET Core 3.0+ reads decimal text correctly rounded (IEEE 754), huge exponents giving inf or 0.
        value = double.Parse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        return true;
    }
}
