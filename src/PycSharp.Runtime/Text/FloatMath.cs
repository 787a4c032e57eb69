using System.Globalization;
using System.Numerics;
using PycSharp.Format;

namespace PycSharp.Runtime.Text;

/// <summary>
/// float arithmetic with CPython's special cases and messages (Objects/floatobject.c): float_rem, float_divmod,
/// float_floor_div, float_div, float_pow, float___round__ / double_round.
/// </summary>
public static class FloatMath
{
    /// <summary>a / b; ZeroDivisionError "float division by zero".</summary>
    public static double TrueDivide(double a, double b)
    {
        if (b == 0)
            throw PyTextException.ZeroDivision("float division by zero");
        return a / b;
    }

    /// <summary>a % b with the sign of b (float_rem); ZeroDivisionError "float modulo" (3.13: "float modulo by zero").</summary>
    public static double Mod(double a, double b, PythonVersion version)
    {
        if (b == 0)
            throw PyTextException.ZeroDivision(version >= new PythonVersion(3, 13) ? "float modulo by zero" : "float modulo");
        double mod = a % b; // C# % on doubles is C's fmod, which is exact
        if (mod != 0)
        {
            if ((b < 0) != (mod < 0))
                mod += b;
        }
        else
            mod = Math.CopySign(0.0, b); // fmod's zero sign varies by platform: take the divisor's
        return mod;
    }

    /// <summary>a // b (float_floor_div); ZeroDivisionError "float floor division by zero".</summary>
    public static double FloorDiv(double a, double b)
    {
        if (b == 0)
            throw PyTextException.ZeroDivision("float floor division by zero");
        return DivModCore(a, b).Quotient;
    }

    /// <summary>divmod(a, b) (float_divmod); ZeroDivisionError "float divmod()".</summary>
    public static (double Quotient, double Remainder) DivMod(double a, double b)
    {
        if (b == 0)
            throw PyTextException.ZeroDivision("float divmod()");
        return DivModCore(a, b);
    }

    /// <summary>_float_div_mod: the quotient comes from (a - fmod(a, b)) / b, snapped to an integral value.</summary>
    private static (double Quotient, double Remainder) DivModCore(double a, double b)
    {
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0)
        {
            if ((b < 0) != (mod < 0))
            {
                mod += b;
                div -= 1.0;
            }
        }
        else
            mod = Math.CopySign(0.0, b);
        double floordiv;
        if (div != 0)
        {
            floordiv = Math.Floor(div);
            if (div - floordiv > 0.5)
                floordiv += 1.0;
        }
        else
            floordiv = Math.CopySign(0.0, a / b); // a zero quotient takes the sign of the true quotient
        return (floordiv, mod);
    }

    /// <summary>
    /// x ** y (float_pow). False when Python's answer is complex (a negative base to a non-integral power): the
    /// caller then computes the complex power. ZeroDivisionError "0.0 cannot be raised to a negative power";
    /// an overflowing result raises OverflowError "(34, 'Numerical result out of range')" (errno ERANGE, which
    /// is what str() of CPython's OverflowError shows).
    /// </summary>
    public static bool TryPow(double x, double y, out double result)
    {
        result = 0;
        if (y == 0)
        {
            result = 1.0; // x**0 is 1, even 0**0 and nan**0
            return true;
        }
        if (double.IsNaN(x))
        {
            result = x;
            return true;
        }
        if (double.IsNaN(y))
        {
            result = x == 1.0 ? 1.0 : y;
            return true;
        }
        if (double.IsInfinity(y))
        {
            double ax = Math.Abs(x);
            if (ax == 1.0)
                result = 1.0;
            else if ((y > 0) == (ax > 1.0))
                result = double.PositiveInfinity;
            else
                result = 0.0;
            return true;
        }
        bool yOdd = IsOddInteger(y);
        if (double.IsInfinity(x))
        {
            if (y > 0)
                result = yOdd ? x : Math.Abs(x);
            else
                result = yOdd ? Math.CopySign(0.0, x) : 0.0;
            return true;
        }
        if (x == 0)
        {
            if (y < 0)
                throw PyTextException.ZeroDivision("0.0 cannot be raised to a negative power");
            result = yOdd ? x : 0.0;
            return true;
        }
        bool negate = false;
        if (x < 0)
        {
            if (y != Math.Floor(y))
                return false;
            x = -x;
            negate = yOdd;
        }
        if (x == 1.0)
        {
            result = negate ? -1.0 : 1.0;
            return true;
        }
        double r = Math.Pow(x, y);
        if (double.IsInfinity(r))
            throw PyTextException.Overflow("(34, 'Numerical result out of range')");
        result = negate ? -r : r;
        return true;
    }

    // floatobject.c DOUBLE_IS_ODD_INTEGER.
    private static bool IsOddInteger(double y) => Math.Abs(y) % 2.0 == 1.0;

    /// <summary>
    /// round(x) (float___round__ with ndigits None): the nearest integer, ties to even. ValueError "cannot convert
    /// float NaN to integer"; OverflowError "cannot convert float infinity to integer".
    /// </summary>
    public static BigInteger Round(double x)
    {
        if (double.IsNaN(x))
            throw PyTextException.Value("cannot convert float NaN to integer");
        if (double.IsInfinity(x))
            throw PyTextException.Overflow("cannot convert float infinity to integer");
        double r = Math.Round(x, MidpointRounding.ToEven);
        if (Math.Abs(r) < 9.2e18)
            return (long)r;
        return new BigInteger(r);
    }

    /// <summary>
    /// round(x, ndigits) (double_round, the correctly rounded version): x rounded half-even on its exact value to
    /// ndigits decimal places, then read back as the nearest double. nan and inf round to themselves; ndigits
    /// past 323 gives x, below -308 a zero of x's sign. OverflowError "rounded value too large to represent".
    /// </summary>
    public static double Round(double x, long ndigits)
    {
        if (!double.IsFinite(x))
            return x;
        // floatobject.c NDIGITS_MAX = (DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103 = 323, NDIGITS_MIN = -(DBL_MAX_EXP + 1) * 0.30103 = -308.
        if (ndigits > 323)
            return x;
        if (ndigits < -308)
            return 0.0 * x;
        if (x == 0)
            return x;
        int nd = (int)ndigits;
        string digits = FloatDigits.Fixed(x, nd, out int decpt, out bool isZero);
        if (isZero)
            return Math.CopySign(0.0, x);
        // digits * 10**(decpt - len), read back correctly rounded.
        string text = digits + "e" + (decpt - digits.Length).ToString(CultureInfo.InvariantCulture);
        double r = double.Parse(text, NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        if (double.IsInfinity(r))
            throw PyTextException.Overflow("rounded value too large to represent");
        return x < 0 ? -r : r;
    }
}
