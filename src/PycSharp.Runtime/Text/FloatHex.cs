using System.Globalization;
using System.Numerics;
using System.Text;

namespace PycSharp.Runtime.Text;

/// <summary>float.hex() and float.fromhex() (Objects/floatobject.c float_hex, float_fromhex).</summary>
public static class FloatHex
{
    /// <summary>
    /// float.hex: "[-]0x1.<13 hex digits>p&lt;exp&gt;" for normal numbers, "0x0.<13 digits>p-1022" for subnormal
    /// ones (the leading digit is 0 below DBL_MIN), "0x0.0p+0" for zero, repr for inf and nan.
    /// </summary>
    public static string Hex(double x)
    {
        if (!double.IsFinite(x))
            return FloatText.Repr(x);
        if (x == 0)
            return double.IsNegative(x) ? "-0x0.0p+0" : "0x0.0p+0";
        long bits = BitConverter.DoubleToInt64Bits(x);
        int biased = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        var sb = new StringBuilder(24);
        if (x < 0)
            sb.Append('-');
        sb.Append(biased == 0 ? "0x0." : "0x1.");
        sb.Append(mantissa.ToString("x13", CultureInfo.InvariantCulture));
        int exp = biased == 0 ? -1022 : biased - 1023;
        sb.Append('p').Append(exp >= 0 ? "+" : "").Append(exp.ToString(CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>
    /// float.fromhex: white space, a sign, inf/infinity/nan, or an optional 0x, hex digits with an optional point,
    /// an optional binary exponent p[+-]digits, white space. Rounded half to even; too large is OverflowError.
    /// </summary>
    public static double FromHex(string s)
    {
        int i = 0, n = s.Length;
        while (i < n && PyStr.IsSpace(s[i]))
            i++;
        while (n > i && PyStr.IsSpace(s[n - 1]))
            n--;
        bool negative = false;
        if (i < n && s[i] is '+' or '-')
            negative = s[i++] == '-';
        var rest = s.AsSpan(i, n - i);
        if (rest.Equals("inf", StringComparison.OrdinalIgnoreCase) || rest.Equals("infinity", StringComparison.OrdinalIgnoreCase))
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        if (rest.Equals("nan", StringComparison.OrdinalIgnoreCase))
            return negative ? -double.NaN : double.NaN;
        if (n - i >= 2 && s[i] == '0' && s[i + 1] is 'x' or 'X')
            i += 2;
        BigInteger m = 0;
        int digits = 0, fraction = 0;
        bool point = false;
        for (; i < n; i++)
        {
            char c = s[i];
            if (c == '.' && !point)
            {
                point = true;
                continue;
            }
            int d = HexDigit(c);
            if (d < 0)
                break;
            m = (m << 4) | d;
            digits++;
            if (point)
                fraction++;
        }
        if (digits == 0)
            throw Invalid();
        long exp = 0;
        if (i < n && s[i] is 'p' or 'P')
        {
            i++;
            bool expNeg = false;
            if (i < n && s[i] is '+' or '-')
                expNeg = s[i++] == '-';
            int start = i;
            for (; i < n && s[i] is >= '0' and <= '9'; i++)
                exp = Math.Min(exp * 10 + (s[i] - '0'), 1L << 40); // clamped: far beyond any double either way
            if (i == start)
                throw Invalid();
            if (expNeg)
                exp = -exp;
        }
        if (i != n)
            throw Invalid();
        double value = Scale(m, exp - 4L * fraction);
        return negative ? -value : value;
    }

    /// <summary>m * 2**e rounded half to even to a double.</summary>
    private static double Scale(BigInteger m, long e)
    {
        if (m.IsZero)
            return 0.0;
        long top = (long)m.GetBitLength() + e; // value in [2**(top-1), 2**top)
        if (top > 1024)
            throw Overflow();
        if (top < -1075)
            return 0.0;
        long lsb = Math.Max(top - 53, -1074);
        long shift = lsb - e;
        if (shift > 0)
        {
            var q = m >> (int)shift;
            var rem = m - (q << (int)shift);
            var half = BigInteger.One << (int)(shift - 1);
            if (rem > half || (rem == half && !q.IsEven))
                q += 1;
            m = q;
        }
        else
        {
            m <<= (int)-shift;
        }
        double r = Math.ScaleB((double)m, (int)lsb);
        if (double.IsInfinity(r))
            throw Overflow();
        return r;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static PyTextException Invalid() => PyTextException.Value("invalid hexadecimal floating-point string");

    private static PyTextException Overflow() => PyTextException.Overflow("hexadecimal value too large to represent as a float");
}
