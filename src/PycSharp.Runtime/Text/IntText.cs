using System.Globalization;
using System.Numerics;
using PycSharp.Format;

namespace PycSharp.Runtime.Text;

/// <summary>
/// int(str, base) and str(int): Objects/longobject.c PyLong_FromUnicodeObject / PyLong_FromString and
/// long_to_decimal_string, with the integer string conversion length limit of 3.11+ (sys.int_info
/// .default_max_str_digits, 4300; CVE-2020-10735), which applies to bases that are not powers of two.
/// </summary>
public static class IntText
{
    /// <summary>sys.int_info.default_max_str_digits.</summary>
    public const int DefaultMaxStrDigits = 4300;

    private const string LimitHint = "; use sys.set_int_max_str_digits() to increase the limit";

    /// <summary>str(value) for an int that fits a long (no limit can apply: at most 19 digits).</summary>
    public static string ToString(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>str(value) (also repr); <paramref name="maxStrDigits"/> is sys.get_int_max_str_digits(), 0 for none.</summary>
    public static string ToString(BigInteger value, int maxStrDigits = DefaultMaxStrDigits)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        if (maxStrDigits > 0)
        {
            // A lower bound on the digit count, to refuse a huge value without converting it first.
            long bits = (long)BigInteger.Abs(value).GetBitLength();
            if ((long)((bits - 1) * 0.30102999566398114) + 1 > maxStrDigits)
                throw TooManyDigitsOut(maxStrDigits);
        }
        var s = value.ToString(CultureInfo.InvariantCulture);
        if (maxStrDigits > 0 && s.Length - (value.Sign < 0 ? 1 : 0) > maxStrDigits)
            throw TooManyDigitsOut(maxStrDigits);
        return s;
    }

    private static PyTextException TooManyDigitsOut(int limit) =>
        PyTextException.Value($"Exceeds the limit ({limit} digits) for integer string conversion{LimitHint}");

    /// <summary>
    /// The digits of <paramref name="magnitude"/> (&gt;= 0) in base 2**<paramref name="bitsPerDigit"/> (1, 3 or 4):
    /// no limit applies to these bases.
    /// </summary>
    public static string ToPowerOfTwoBase(BigInteger magnitude, int bitsPerDigit, bool upper)
    {
        string table = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        if (magnitude <= ulong.MaxValue)
        {
            ulong v = (ulong)magnitude;
            Span<char> buf = stackalloc char[64];
            int pos = buf.Length;
            ulong mask = (1UL << bitsPerDigit) - 1;
            do
            {
                buf[--pos] = table[(int)(v & mask)];
                v >>= bitsPerDigit;
            }
            while (v != 0);
            return new string(buf[pos..]);
        }
        byte[] bytes = magnitude.ToByteArray(isUnsigned: true, isBigEndian: false);
        long bitLength = (long)magnitude.GetBitLength();
        int count = (int)((bitLength + bitsPerDigit - 1) / bitsPerDigit);
        return string.Create(count, (bytes, bitsPerDigit, table), static (span, st) =>
        {
            int n = span.Length;
            for (int d = 0; d < n; d++)
            {
                long bit = (long)d * st.bitsPerDigit;
                int v = 0;
                for (int b = 0; b < st.bitsPerDigit; b++)
                {
                    long at = bit + b;
                    int byteIndex = (int)(at >> 3);
                    if (byteIndex < st.bytes.Length && ((st.bytes[byteIndex] >> (int)(at & 7)) & 1) != 0)
                        v |= 1 << b;
                }
                span[n - 1 - d] = st.table[v];
            }
        });
    }

    /// <summary>
    /// int(s, base): white space (any Unicode space) around, a sign, base 0 taking the 0x/0o/0b prefix (and refusing
    /// other leading zeros unless the value is 0), a matching prefix allowed for bases 16, 8 and 2, single
    /// underscores between digits (and one after a prefix), any Unicode decimal digit as its ASCII digit.
    /// </summary>
    public static BigInteger Parse(string s, int @base, PythonVersion version, int maxStrDigits = DefaultMaxStrDigits)
    {
        if ((@base != 0 && @base < 2) || @base > 36)
            throw PyTextException.Value("int() base must be >= 2 and <= 36, or 0");
        if (TryParseCore(s, @base, maxStrDigits, version >= new PythonVersion(3, 12), out var value))
            return value;
        throw PyTextException.Value($"invalid literal for int() with base {@base}: {PyStr.Repr200(s, version)}");
    }

    private static bool TryParseCore(string s, int @base, int maxStrDigits, bool syntaxFirst, out BigInteger value)
    {
        value = default;
        Span<char> small = stackalloc char[s.Length <= 256 ? s.Length : 0];
        Span<char> a = s.Length <= 256 ? small : new char[s.Length];
        int n = Transform(s, a);
        a = a[..n];
        int i = 0;
        while (i < n && IsAsciiSpace(a[i]))
            i++;
        bool negative = false;
        if (i < n && a[i] is '+' or '-')
        {
            negative = a[i] == '-';
            i++;
        }
        char c1 = i + 1 < n ? a[i + 1] : '\0';
        bool zeroFirst = i < n && a[i] == '0';
        bool errorIfNonzero = false;
        if (@base == 0)
        {
            if (!zeroFirst)
                @base = 10;
            else if (c1 is 'x' or 'X')
                @base = 16;
            else if (c1 is 'o' or 'O')
                @base = 8;
            else if (c1 is 'b' or 'B')
                @base = 2;
            else
            {
                // An old C-style octal literal: refused, unless it is zero.
                errorIfNonzero = true;
                @base = 10;
            }
        }
        if (zeroFirst && ((@base == 16 && c1 is 'x' or 'X') || (@base == 8 && c1 is 'o' or 'O') || (@base == 2 && c1 is 'b' or 'B')))
        {
            i += 2;
            if (i < n && a[i] == '_')
                i++;
        }
        if (i < n && a[i] == '_')
            return false;
        int start = i, digits = 0;
        char prev = '\0';
        while (i < n && (DigitValue(a[i]) < @base || a[i] == '_'))
        {
            if (a[i] == '_')
            {
                if (prev == '_')
                    return false;
            }
            else
                digits++;
            prev = a[i];
            i++;
        }
        if (prev == '_' || digits == 0)
            return false;
        int digitsEnd = i;
        while (i < n && IsAsciiSpace(a[i]))
            i++;
        // 3.11 refuses too many digits before it looks past them; 3.12 reports a bad literal first.
        if (syntaxFirst && i != n)
            return false;
        bool powerOfTwo = (@base & (@base - 1)) == 0;
        if (!powerOfTwo && maxStrDigits > 0 && digits > maxStrDigits)
            throw PyTextException.Value($"Exceeds the limit ({maxStrDigits} digits) for integer string conversion: value has {digits} digits{LimitHint}");
        if (i != n)
            return false;
        value = Accumulate(a[start..digitsEnd], @base, digits);
        if (errorIfNonzero && !value.IsZero)
            return false;
        if (negative)
            value = -value;
        return true;
    }

    /// <summary>
    /// _PyUnicode_TransformDecimalAndSpaceToASCII (Objects/unicodeobject.c): non-ASCII spaces become ' ', decimal
    /// digits their ASCII digit, and the first other non-ASCII character ends the text as an invalid '?'.
    /// </summary>
    internal static int Transform(string s, Span<char> a)
    {
        int o = 0;
        for (int k = 0; k < s.Length; k++)
        {
            char c = s[k];
            if (c < 127)
                a[o++] = c;
            else if (PyStr.IsSpace(c))
                a[o++] = ' ';
            else
            {
                int d = CharUnicodeInfo.GetDecimalDigitValue(s, k);
                if (d < 0)
                {
                    a[o++] = '?';
                    return o;
                }
                a[o++] = (char)('0' + d);
                if (char.IsHighSurrogate(c) && k + 1 < s.Length && char.IsLowSurrogate(s[k + 1]))
                    k++;
            }
        }
        return o;
    }

    internal static bool IsAsciiSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'z' => c - 'a' + 10,
        >= 'A' and <= 'Z' => c - 'A' + 10,
        _ => 99,
    };

    private static BigInteger Accumulate(ReadOnlySpan<char> text, int @base, int digits)
    {
        // Up to 18 decimal digits (or 12 base-36 digits) fit a ulong; more go through chunks into a BigInteger.
        int chunk = @base <= 10 ? 18 : 12;
        if (digits <= chunk)
        {
            ulong v = 0;
            foreach (char c in text)
                if (c != '_')
                    v = v * (ulong)@base + (ulong)DigitValue(c);
            return v;
        }
        if (@base == 10)
        {
            Span<char> clean = digits <= 512 ? stackalloc char[digits] : new char[digits];
            int k = 0;
            foreach (char c in text)
                if (c != '_')
                    clean[k++] = c;
            return BigInteger.Parse(clean, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        BigInteger result = BigInteger.Zero;
        ulong part = 0, scale = 1;
        foreach (char c in text)
        {
            if (c == '_')
                continue;
            part = part * (ulong)@base + (ulong)DigitValue(c);
            scale *= (ulong)@base;
            if (scale > ulong.MaxValue / 64)
            {
                result = result * scale + part;
                part = 0;
                scale = 1;
            }
        }
        return scale == 1 ? result : result * scale + part;
    }
}
