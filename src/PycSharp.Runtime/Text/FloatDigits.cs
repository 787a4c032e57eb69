using System.Globalization;
using System.Numerics;

namespace PycSharp.Runtime.Text;

/// <summary>
/// Correctly rounded decimal digits of a double, the two modes of David Gay's dtoa that CPython formats with
/// (Python/dtoa.c _Py_dg_dtoa, called from Python/pystrtod.c): mode 3, a fixed number of digits after the point,
/// and mode 2, a number of significant digits. Both round half to even on the exact binary value, which is why
/// this works on the exact value m * 2**e with 128-bit or big integers instead of trusting .NET's "F"/"E"
/// formatting. Digits come back without trailing zeros (as dtoa gives them); a zero result is "0" with decpt 1.
/// </summary>
internal static class FloatDigits
{
    private static readonly UInt128[] s_pow10 = MakePow10();

    private static UInt128[] MakePow10()
    {
        var t = new UInt128[39];
        t[0] = 1;
        for (int k = 1; k < t.Length; k++)
            t[k] = t[k - 1] * 10;
        return t;
    }

    /// <summary>x = m * 2**e exactly, for finite x &gt; 0.</summary>
    private static void Decompose(double x, out ulong m, out int e)
    {
        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(x);
        int biased = (int)(bits >> 52) & 0x7FF;
        m = bits & 0xF_FFFF_FFFF_FFFFUL;
        if (biased == 0)
            e = -1074;
        else
        {
            m |= 1UL << 52;
            e = biased - 1075;
        }
    }

    /// <summary>
    /// floor(m * 2**e * 10**s) when it fits 128 bits, with <paramref name="half"/> the sign of (remainder - 1/2).
    /// </summary>
    private static bool TryScaleSmall(ulong m, int e, int s, out UInt128 q, out int half)
    {
        q = 0;
        half = -1;
        int mBits = 64 - BitOperations.LeadingZeroCount(m);
        if (s >= 0)
        {
            if (s > 22)
                return false; // m * 10**22 < 2**127
            UInt128 num = (UInt128)m * s_pow10[s];
            if (e >= 0)
            {
                if (mBits + 74 + e > 127)
                    return false;
                q = num << e;
                return true;
            }
            int sh = -e;
            if (sh >= 127)
            {
                q = 0; // num < 2**127 <= 2**(sh-1): the whole value is below one half
                return true;
            }
            q = num >> sh;
            UInt128 r = num & ((UInt128.One << sh) - 1);
            UInt128 h = UInt128.One << (sh - 1);
            half = r.CompareTo(h);
            return true;
        }
        int t = -s;
        if (t > 38)
            return false;
        UInt128 den = s_pow10[t];
        UInt128 n;
        if (e >= 0)
        {
            if (mBits + e > 127)
                return false;
            n = (UInt128)m << e;
        }
        else
        {
            // den * 2**-e must stay below 2**127 so that twice the remainder cannot overflow.
            int denBits = 128 - (int)UInt128.LeadingZeroCount(den);
            if (denBits + (-e) > 126)
                return false;
            den <<= -e;
            n = m;
        }
        q = UInt128.DivRem(n, den).Quotient;
        UInt128 rem = n - q * den;
        half = (rem << 1).CompareTo(den);
        return true;
    }

    private static BigInteger ScaleBig(ulong m, int e, int s, out int half)
    {
        BigInteger num = m, den = BigInteger.One;
        if (e >= 0)
            num <<= e;
        else
            den <<= -e;
        if (s >= 0)
            num *= BigInteger.Pow(10, s);
        else
            den *= BigInteger.Pow(10, -s);
        var q = BigInteger.DivRem(num, den, out var r);
        half = (r << 1).CompareTo(den);
        return q;
    }

    /// <summary>
    /// dtoa mode 3: |x| rounded half-even to <paramref name="ndigits"/> places after the point (ndigits may be
    /// negative: places before it). Returns the digits without trailing zeros and the point's position
    /// (value = 0.DIGITS * 10**decpt); a zero result is "0" with decpt 1. Also says whether the result is zero.
    /// </summary>
    public static string Fixed(double x, int ndigits, out int decpt, out bool isZero)
    {
        x = Math.Abs(x);
        if (x == 0)
        {
            decpt = 1;
            isZero = true;
            return "0";
        }
        Decompose(x, out ulong m, out int e);
        // A double's exact expansion ends by 2**-1074: past 1100 places every digit is 0, so ask no further.
        ndigits = Math.Min(ndigits, 1100);
        string digits;
        if (TryScaleSmall(m, e, ndigits, out UInt128 q, out int half))
        {
            if (half > 0 || (half == 0 && (q & 1) == 1))
                q++;
            digits = q == 0 ? "0" : q.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            var big = ScaleBig(m, e, ndigits, out half);
            if (half > 0 || (half == 0 && !big.IsEven))
                big += 1;
            digits = big.IsZero ? "0" : big.ToString(CultureInfo.InvariantCulture);
        }
        if (digits == "0")
        {
            decpt = 1;
            isZero = true;
            return digits;
        }
        isZero = false;
        decpt = digits.Length - ndigits;
        return StripZeros(digits);
    }

    /// <summary>
    /// dtoa mode 2: |x| (finite, not zero) rounded half-even to <paramref name="count"/> significant digits.
    /// </summary>
    public static string Significant(double x, int count, out int decpt)
    {
        x = Math.Abs(x);
        if (x == 0)
        {
            decpt = 1;
            return "0";
        }
        Decompose(x, out ulong m, out int e);
        // No double has more than 767 significant digits: past 800 the rest are 0 (and nothing rounds).
        count = Math.Min(count, 800);
        // First guess of the point's position; an exact check of floor(x * 10**(count-k)) corrects it.
        int k = (int)Math.Floor(Math.Log10(x)) + 1;
        for (int guard = 0; ; guard++)
        {
            int s = count - k;
            if (count <= 38 && TryScaleSmall(m, e, s, out UInt128 q, out int half))
            {
                if (q >= s_pow10[count])
                {
                    k++;
                    continue;
                }
                if (q < s_pow10[count - 1])
                {
                    k--;
                    continue;
                }
                if (half > 0 || (half == 0 && (q & 1) == 1))
                    q++;
                if (q == s_pow10[count])
                {
                    decpt = k + 1;
                    return "1";
                }
                decpt = k;
                return StripZeros(q.ToString(CultureInfo.InvariantCulture));
            }
            var big = ScaleBig(m, e, s, out int bhalf);
            var top = BigInteger.Pow(10, count);
            if (big >= top)
            {
                k++;
                continue;
            }
            if (big * 10 < top)
            {
                k--;
                continue;
            }
            if (bhalf > 0 || (bhalf == 0 && !big.IsEven))
                big += 1;
            if (big == top)
            {
                decpt = k + 1;
                return "1";
            }
            decpt = k;
            return StripZeros(big.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>dtoa mode 0 (the shortest digits that read back as x), from repr (PyRepr.Float does the search).</summary>
    public static string Shortest(double x, out int decpt)
    {
        x = Math.Abs(x);
        if (x == 0)
        {
            decpt = 1;
            return "0";
        }
        string r = PycSharp.Format.Text.PyRepr.Float(x);
        int ePos = r.IndexOf('e', StringComparison.Ordinal);
        int exp = 0;
        ReadOnlySpan<char> mant = r;
        if (ePos >= 0)
        {
            exp = int.Parse(r.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            mant = r.AsSpan(0, ePos);
        }
        int dot = mant.IndexOf('.');
        int intLen = dot < 0 ? mant.Length : dot;
        Span<char> buf = stackalloc char[mant.Length];
        int n = 0;
        foreach (char c in mant)
            if (c != '.')
                buf[n++] = c;
        int lead = 0;
        while (lead < n - 1 && buf[lead] == '0')
            lead++;
        int end = n;
        while (end > lead + 1 && buf[end - 1] == '0')
            end--;
        decpt = intLen - lead + exp;
        return new string(buf[lead..end]);
    }

    private static string StripZeros(string digits)
    {
        int end = digits.Length;
        while (end > 1 && digits[end - 1] == '0')
            end--;
        return end == digits.Length ? digits : digits[..end];
    }
}
