using System.Numerics;

namespace PycSharp.Runtime.Text;

/// <summary>
/// int arithmetic whose results or errors are text-sensitive: conversion to float and true division, both
/// correctly rounded (Objects/longobject.c PyLong_AsDouble, long_true_divide), round(int, n) (long_round),
/// floor division and modulo with CPython's ZeroDivisionError messages, int ** negative int.
/// </summary>
public static class IntMath
{
    private static readonly BigInteger s_two53 = BigInteger.One << 53;

    /// <summary>float(value), rounded half-even; OverflowError "int too large to convert to float".</summary>
    public static double ToDouble(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
            return (long)value; // the conversion instruction rounds to nearest, ties to even
        double d = RatioToDouble(BigInteger.Abs(value), BigInteger.One);
        if (double.IsInfinity(d))
            throw PyTextException.Overflow("int too large to convert to float");
        return value.Sign < 0 ? -d : d;
    }

    /// <summary>
    /// a / b for ints, the float nearest the exact quotient (ties to even), as long_true_divide. ZeroDivisionError
    /// "division by zero"; OverflowError "integer division result too large for a float".
    /// </summary>
    public static double TrueDivide(BigInteger a, BigInteger b)
    {
        if (b.IsZero)
            throw PyTextException.ZeroDivision("division by zero");
        var absA = BigInteger.Abs(a);
        var absB = BigInteger.Abs(b);
        if (absA <= s_two53 && absB <= s_two53)
            return (double)(long)a / (long)b; // both exact as doubles: one correctly rounded division
        bool negative = (a.Sign < 0) != (b.Sign < 0);
        if (a.IsZero)
            return negative ? -0.0 : 0.0;
        double d = RatioToDouble(absA, absB);
        if (double.IsInfinity(d))
            throw PyTextException.Overflow("integer division result too large for a float");
        return negative ? -d : d;
    }

    /// <summary>
    /// The double nearest a/b (a, b &gt; 0), ties to even, subnormals included; +inf when it is 2**1024 or more.
    /// The quotient is taken with at least two bits below the last kept one, plus a sticky bit for the rest.
    /// </summary>
    internal static double RatioToDouble(BigInteger a, BigInteger b)
    {
        if (a.IsZero)
            return 0.0;
        long e = (long)a.GetBitLength() - (long)b.GetBitLength();
        long k = Math.Max(e - 55, -1076);
        if (k > 1100)
            return double.PositiveInfinity;
        if (k < -1100 - (long)b.GetBitLength())
            return 0.0;
        BigInteger q, r;
        if (k >= 0)
            q = BigInteger.DivRem(a, b << (int)k, out r);
        else
            q = BigInteger.DivRem(a << (int)-k, b, out r);
        bool sticky = !r.IsZero;
        long qBits = (long)q.GetBitLength();
        int drop = (int)Math.Max(qBits - 53, -1074 - k);
        if (drop >= qBits + 1)
            return 0.0; // far below half the smallest subnormal
        BigInteger kept = q >> drop;
        BigInteger lost = q - (kept << drop);
        BigInteger half = BigInteger.One << (drop - 1);
        int cmp = lost.CompareTo(half);
        if (cmp > 0 || (cmp == 0 && (sticky || !kept.IsEven)))
            kept += 1;
        long exponent = k + drop;
        if ((long)kept.GetBitLength() + exponent > 1024)
            return double.PositiveInfinity;
        return Math.ScaleB((double)(ulong)kept, (int)exponent);
    }

    /// <summary>round(value, ndigits) for an int: ndigits &gt;= 0 gives value; else the nearest multiple of 10**-ndigits, ties to even.</summary>
    public static BigInteger Round(BigInteger value, long ndigits)
    {
        if (ndigits >= 0 || value.IsZero)
            return value;
        // 10**n beyond twice |value| makes every value round to 0 (and keeps the power small).
        if (-ndigits > (long)(BigInteger.Abs(value).GetBitLength() * 0.30103) + 2)
            return BigInteger.Zero;
        var pow = BigInteger.Pow(10, (int)-ndigits);
        var q = FloorDivide(value, pow, out var r);
        int cmp = (r << 1).CompareTo(pow);
        if (cmp > 0 || (cmp == 0 && !q.IsEven))
            q += 1;
        return q * pow;
    }

    /// <summary>a // b; ZeroDivisionError "integer division or modulo by zero".</summary>
    public static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        if (b.IsZero)
            throw PyTextException.ZeroDivision("integer division or modulo by zero");
        return FloorDivide(a, b, out _);
    }

    /// <summary>a % b, with the sign of b; ZeroDivisionError "integer modulo by zero".</summary>
    public static BigInteger Mod(BigInteger a, BigInteger b)
    {
        if (b.IsZero)
            throw PyTextException.ZeroDivision("integer modulo by zero");
        FloorDivide(a, b, out var r);
        return r;
    }

    /// <summary>divmod(a, b); ZeroDivisionError "integer division or modulo by zero".</summary>
    public static (BigInteger Quotient, BigInteger Remainder) DivMod(BigInteger a, BigInteger b)
    {
        if (b.IsZero)
            throw PyTextException.ZeroDivision("integer division or modulo by zero");
        var q = FloorDivide(a, b, out var r);
        return (q, r);
    }

    private static BigInteger FloorDivide(BigInteger a, BigInteger b, out BigInteger remainder)
    {
        var q = BigInteger.DivRem(a, b, out var r);
        if (!r.IsZero && (r.Sign < 0) != (b.Sign < 0))
        {
            q -= 1;
            r += b;
        }
        remainder = r;
        return q;
    }

    /// <summary>
    /// a ** b for a negative int b: long_pow hands that to float_pow, converting a, then b, to float.
    /// False when the result would be complex (it cannot be here, but <see cref="FloatMath.TryPow"/> says so).
    /// </summary>
    public static double PowNegative(BigInteger a, BigInteger b)
    {
        double x = ToDouble(a), y = ToDouble(b);
        FloatMath.TryPow(x, y, out double result);
        return result;
    }
}
