using System.Text;

namespace PycSharp.Runtime.Text;

/// <summary>
/// PyOS_double_to_string (Python/pystrtod.c): a double as text in one of the modes 'e', 'f', 'g' (upper-case
/// 'E', 'F', 'G' for an upper-case exponent and INF/NAN) or 'r' (repr), with Py_DTSF_ALT ('#'), Py_DTSF_ADD_DOT_0
/// (a float with no format type) and Py_DTSF_NO_NEG_0 ('z'). The sign is returned apart so that callers can pad
/// between it and the digits.
/// </summary>
internal static class DoubleFormat
{
    /// <summary>
    /// Appends |x| in the given mode to <paramref name="sb"/>, returning whether a '-' belongs in front
    /// (never for nan; not for a zero result under <paramref name="noNegZero"/>).
    /// </summary>
    public static bool Append(StringBuilder sb, double x, char type, int precision, bool alt, bool addDot0, bool noNegZero)
    {
        bool upper = type is 'E' or 'F' or 'G';
        char mode = upper ? char.ToLowerInvariant(type) : type;
        if (double.IsNaN(x))
        {
            sb.Append(upper ? "NAN" : "nan");
            return false;
        }
        bool negative = double.IsNegative(x);
        if (double.IsInfinity(x))
        {
            sb.Append(upper ? "INF" : "inf");
            return negative;
        }
        string digits;
        int decpt;
        bool isZero;
        switch (mode)
        {
            case 'f':
                digits = FloatDigits.Fixed(x, precision, out decpt, out isZero);
                break;
            case 'e':
                precision++; // significant digits: one before the point
                digits = FloatDigits.Significant(x, precision, out decpt);
                isZero = x == 0;
                break;
            case 'g':
                if (precision == 0)
                    precision = 1; // pystrtod.c: precision 0 makes no sense for 'g'
                digits = FloatDigits.Significant(x, precision, out decpt);
                isZero = x == 0;
                break;
            default:
                digits = FloatDigits.Shortest(x, out decpt);
                isZero = x == 0;
                break;
        }
        if (isZero && noNegZero)
            negative = false;

        // Which slice of the digits, padded on both sides with zeros without end, to show (format_float_short).
        bool useExp = false;
        int end = digits.Length;
        switch (mode)
        {
            case 'e':
                useExp = true;
                end = precision;
                break;
            case 'f':
                end = decpt + precision;
                break;
            case 'g':
                useExp = decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision);
                if (alt)
                    end = precision;
                break;
            default:
                // repr switches to an exponent at 1e16 (pystrtod.c: "convert to exponential format at 1e16").
                useExp = decpt <= -4 || decpt > 16;
                break;
        }
        int exp = 0;
        if (useExp)
        {
            exp = decpt - 1;
            decpt = 1;
        }
        int start = decpt <= 0 ? decpt - 1 : 0;
        if (!useExp && addDot0)
            end = Math.Max(end, decpt + 1);
        else
            end = Math.Max(end, decpt);
        end = Math.Max(end, digits.Length);

        if (start < 0)
        {
            sb.Append('0');
            if (decpt <= 0)
            {
                sb.Append('.');
                sb.Append('0', -decpt);
            }
        }
        if (decpt > 0 && decpt <= digits.Length)
        {
            sb.Append(digits, 0, decpt);
            if (decpt < end || alt)
                sb.Append('.');
            sb.Append(digits, decpt, digits.Length - decpt);
            sb.Append('0', end - digits.Length);
        }
        else if (decpt > digits.Length)
        {
            sb.Append(digits);
            sb.Append('0', decpt - digits.Length);
            if (decpt < end || alt)
                sb.Append('.');
            sb.Append('0', end - decpt);
        }
        else
        {
            sb.Append(digits);
            sb.Append('0', end - digits.Length);
        }
        if (useExp)
        {
            sb.Append(upper ? 'E' : 'e');
            sb.Append(exp < 0 ? '-' : '+');
            int a = Math.Abs(exp);
            if (a < 10)
                sb.Append('0');
            sb.Append(a);
        }
        return negative;
    }
}
