using System.Globalization;
using System.Numerics;
using System.Text;
using PycSharp.Format;

namespace PycSharp.Runtime.Text;

/// <summary>
/// <c>format(x, spec)</c> (also f-string <c>{x:spec}</c> and <c>str.format</c> fields) for int, bool, float and
/// str: int.__format__, float.__format__ and str.__format__ as Python/formatter_unicode.c implements them
/// (format_long_internal, format_float_internal, format_string_internal, with calc_number_widths and fill_number
/// laying the parts out). Errors are <see cref="PyTextException"/> with CPython's messages.
/// </summary>
public static class NumberFormat
{
    [ThreadStatic]
    private static StringBuilder? t_builder;

    private static StringBuilder Builder()
    {
        var sb = t_builder;
        if (sb is null)
            return t_builder = new StringBuilder(64);
        t_builder = null; // taken; a re-entrant call makes its own
        sb.Clear();
        return sb;
    }

    private static string Finish(StringBuilder sb)
    {
        var s = sb.ToString();
        if (sb.Capacity <= 4096)
            t_builder = sb;
        return s;
    }

    /// <summary>format(value, spec) for an int that fits a long.</summary>
    public static string Int(long value, string spec, PythonVersion version, string typeName = "int", int maxStrDigits = IntText.DefaultMaxStrDigits)
    {
        if (spec.Length == 0)
            return value.ToString(CultureInfo.InvariantCulture);
        var f = FormatSpec.Parse(spec, version, 'd', '>', typeName);
        if (f.Type is not ('b' or 'd' or 'o' or 'x' or 'X' or 'n') || f.Precision != -1 || f.NoNegativeZero)
            return FormatParsed(value, f, typeName, maxStrDigits);
        // The common case without a BigInteger: digits of the magnitude straight into a stack buffer.
        ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
        Span<char> buf = stackalloc char[64];
        int pos = buf.Length;
        switch (f.Type)
        {
            case 'b' or 'o' or 'x' or 'X':
            {
                int shift = f.Type == 'b' ? 1 : f.Type == 'o' ? 3 : 4;
                string table = f.Type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
                ulong mask = (1UL << shift) - 1;
                do
                {
                    buf[--pos] = table[(int)(magnitude & mask)];
                    magnitude >>= shift;
                }
                while (magnitude != 0);
                break;
            }
            default:
                do
                {
                    buf[--pos] = (char)('0' + (int)(magnitude % 10));
                    magnitude /= 10;
                }
                while (magnitude != 0);
                break;
        }
        char sign = value < 0 ? '-' : f.Sign is '+' or ' ' ? f.Sign : '\0';
        return Layout(f, sign, f.Alternate ? Prefix(f.Type) : "", buf[pos..], "", 0);
    }

    private static string Prefix(int type) => type switch { 'b' => "0b", 'o' => "0o", 'x' => "0x", 'X' => "0X", _ => "" };

    /// <summary>
    /// int.__format__: <paramref name="typeName"/> is the type the messages name ("int", "bool", a subclass);
    /// <paramref name="maxStrDigits"/> is sys.get_int_max_str_digits() (0: no limit) for the decimal types.
    /// An empty spec gives str(value) (for a bool the caller wants <see cref="Bool"/>).
    /// </summary>
    public static string Int(BigInteger value, string spec, PythonVersion version, string typeName = "int", int maxStrDigits = IntText.DefaultMaxStrDigits)
    {
        if (spec.Length == 0)
            return IntText.ToString(value, maxStrDigits);
        return FormatParsed(value, FormatSpec.Parse(spec, version, 'd', '>', typeName), typeName, maxStrDigits);
    }

    private static string FormatParsed(BigInteger value, in FormatSpec f, string typeName, int maxStrDigits)
    {
        switch (f.Type)
        {
            case 'b' or 'c' or 'd' or 'o' or 'x' or 'X' or 'n':
                return FormatInt(value, f, maxStrDigits);
            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or '%':
                // formatter_unicode.c: these types go through float(x) and the float formatter.
                return FormatFloat(IntMath.ToDouble(value), f);
            default:
                throw FormatSpec.UnknownCode(f.Type, typeName);
        }
    }

    /// <summary>bool.__format__ (int's, except that an empty spec is str(self)).</summary>
    public static string Bool(bool value, string spec, PythonVersion version) =>
        spec.Length == 0 ? (value ? "True" : "False") : Int(value ? 1 : 0, spec, version, "bool");

    /// <summary>float.__format__; an empty spec gives str(x), which is repr(x).</summary>
    public static string Float(double value, string spec, PythonVersion version, string typeName = "float")
    {
        if (spec.Length == 0)
            return FloatText.Repr(value);
        var f = FormatSpec.Parse(spec, version, '\0', '>', typeName);
        switch (f.Type)
        {
            case 0 or 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or 'n' or '%':
                return FormatFloat(value, f);
            default:
                throw FormatSpec.UnknownCode(f.Type, typeName);
        }
    }

    /// <summary>
    /// complex.__format__ (formatter_unicode.c format_complex_internal): each part formatted like a float, the
    /// imaginary one always signed unless the real part is left out, then the whole padded. With no type the
    /// parts follow repr (a zero real part with a positive sign is left out, else parentheses); an empty spec is
    /// str(z), which is that repr.
    /// </summary>
    public static string Complex(double real, double imag, string spec, PythonVersion version, string typeName = "complex")
    {
        FormatSpec f;
        if (spec.Length == 0)
            f = FormatSpec.Parse("", version, '\0', '>', typeName);
        else
        {
            f = FormatSpec.Parse(spec, version, '\0', '>', typeName);
            if (f.Type is not (0 or 'e' or 'E' or 'f' or 'F' or 'g' or 'G' or 'n'))
                throw FormatSpec.UnknownCode(f.Type, typeName);
        }
        if (f.Precision > int.MaxValue)
            throw PyTextException.Value("precision too big");
        if (f.Fill == '0')
            throw PyTextException.Value("Zero padding is not allowed in complex format specifier");
        if (f.Align == '=')
            throw PyTextException.Value("'=' alignment flag is not allowed in complex format specifier");
        int precision = (int)f.Precision;
        CheckSize(precision);
        int type = f.Type;
        int defaultPrecision = 6;
        bool skipReal = false, parens = false;
        if (type == 0)
        {
            type = 'r';
            defaultPrecision = 0;
            if (real == 0 && !double.IsNegative(real))
                skipReal = true;
            else
                parens = true;
        }
        else if (type == 'n')
            type = 'g';
        if (precision < 0)
            precision = defaultPrecision;
        else if (type == 'r')
            type = 'g';
        char sep = f.Type == 'n' ? '\0' : f.Grouping;

        var sb = new StringBuilder();
        if (parens)
            sb.Append('(');
        if (!skipReal)
            AppendComplexPart(sb, real, (char)type, precision, f, f.Sign, sep);
        AppendComplexPart(sb, imag, (char)type, precision, f, skipReal ? f.Sign : '+', sep);
        sb.Append('j');
        if (parens)
            sb.Append(')');
        long length = PyStr.Length(sb.ToString());
        if (f.Width <= length)
            return sb.ToString();
        long pad = f.Width - length;
        CheckSize(f.Width);
        long left = f.Align switch { '>' => pad, '^' => pad / 2, _ => 0 };
        var outer = new StringBuilder();
        f.AppendFill(outer, left);
        outer.Append(sb);
        f.AppendFill(outer, pad - left);
        return outer.ToString();
    }

    /// <summary>One part of a complex: [sign][grouped digits][rest], no padding.</summary>
    private static void AppendComplexPart(StringBuilder sb, double x, char type, int precision, in FormatSpec f, char signRule, char sep)
    {
        var body = new StringBuilder();
        bool negative = DoubleFormat.Append(body, x, type, precision, f.Alternate, false, f.NoNegativeZero);
        string text = body.ToString();
        int digitsEnd = 0;
        while (digitsEnd < text.Length && text[digitsEnd] is >= '0' and <= '9')
            digitsEnd++;
        if (negative)
            sb.Append('-');
        else if (signRule is '+' or ' ')
            sb.Append(signRule);
        var digits = text.AsSpan(0, digitsEnd);
        if (digits.Length != 0)
        {
            if (sep == '\0')
                sb.Append(digits);
            else
                AppendGrouped(sb, digits, sep, 3, 0, GroupedLength(digits.Length, sep, 3, 0));
        }
        sb.Append(text, digitsEnd, text.Length - digitsEnd);
    }

    /// <summary>str.__format__.</summary>
    public static string Str(string value, string spec, PythonVersion version, string typeName = "str")
    {
        if (spec.Length == 0)
            return value;
        var f = FormatSpec.Parse(spec, version, 's', '<', typeName);
        if (f.Type != 's')
            throw FormatSpec.UnknownCode(f.Type, typeName);
        if (f.Sign != '\0')
            throw PyTextException.Value(f.Sign == ' ' ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier");
        if (f.NoNegativeZero)
            throw PyTextException.Value("Negative zero coercion (z) not allowed in string format specifier");
        if (f.Alternate)
            throw PyTextException.Value("Alternate form (#) not allowed in string format specifier");
        if (f.Align == '=')
            throw PyTextException.Value("'=' alignment not allowed in string format specifier");
        ReadOnlySpan<char> text = value;
        long length = PyStr.Length(text);
        if (f.Precision >= 0 && length > f.Precision)
        {
            text = text[..PyStr.Prefix(text, f.Precision)];
            length = f.Precision;
        }
        if (f.Width <= length)
            return text.Length == value.Length ? value : new string(text);
        long pad = f.Width - length;
        CheckSize(f.Width);
        var sb = Builder();
        long left = f.Align switch { '>' => pad, '^' => pad / 2, _ => 0 };
        f.AppendFill(sb, left);
        sb.Append(text);
        f.AppendFill(sb, pad - left);
        return Finish(sb);
    }

    private static void CheckSize(long chars)
    {
        // CPython would try to allocate the string; past what a .NET string holds, say MemoryError.
        if (chars > 0x3FFF_FFDF)
            throw PyTextException.Memory();
    }

    private static string FormatInt(BigInteger value, in FormatSpec f, int maxStrDigits)
    {
        if (f.Precision != -1)
            throw PyTextException.Value("Precision not allowed in integer format specifier");
        if (f.NoNegativeZero)
            throw PyTextException.Value("Negative zero coercion (z) not allowed in integer format specifier");
        if (f.Type == 'c')
        {
            if (f.Sign != '\0')
                throw PyTextException.Value("Sign not allowed with integer format specifier 'c'");
            if (f.Alternate)
                throw PyTextException.Value("Alternate form (#) not allowed with integer format specifier 'c'");
            if (value < long.MinValue || value > long.MaxValue)
                throw PyTextException.Overflow("Python int too large to convert to C long");
            if (value < 0 || value > 0x10FFFF)
                throw PyTextException.Overflow("%c arg not in range(0x110000)");
            // The character is laid out as "remainder", not digits: it is neither grouped nor zero-padded.
            return Layout(f, '\0', "", "", PyStr.FromCodePoint((int)value), 1);
        }
        bool negative = value.Sign < 0;
        char sign = negative ? '-' : f.Sign is '+' or ' ' ? f.Sign : '\0';
        string prefix = f.Alternate ? Prefix(f.Type) : "";
        string digits = f.Type switch
        {
            'b' => IntText.ToPowerOfTwoBase(BigInteger.Abs(value), 1, false),
            'o' => IntText.ToPowerOfTwoBase(BigInteger.Abs(value), 3, false),
            'x' or 'X' => IntText.ToPowerOfTwoBase(BigInteger.Abs(value), 4, f.Type == 'X'),
            _ => IntText.ToString(BigInteger.Abs(value), maxStrDigits),
        };
        // 'n' takes the C locale's (empty) grouping: CPython never calls setlocale(LC_NUMERIC) on its own.
        return Layout(f, sign, prefix, digits, "", 0);
    }

    internal static string FormatFloat(double x, in FormatSpec f)
    {
        if (f.Precision > int.MaxValue)
            throw PyTextException.Value("precision too big");
        int precision = (int)f.Precision;
        int type = f.Type;
        bool addDot0 = false;
        int defaultPrecision = 6;
        bool percent = false;
        if (type == 0)
        {
            // No type: repr() without a precision, else 'g' keeping at least one digit after the point.
            addDot0 = true;
            type = 'r';
            defaultPrecision = 0;
        }
        else if (type == 'n')
            type = 'g';
        else if (type == '%')
        {
            type = 'f';
            x *= 100;
            percent = true;
        }
        if (precision < 0)
            precision = defaultPrecision;
        else if (type == 'r')
            type = 'g';
        CheckSize(precision);

        var body = Builder();
        bool negative = DoubleFormat.Append(body, x, (char)type, precision, f.Alternate, addDot0, f.NoNegativeZero);
        if (percent)
            body.Append('%');
        string text = body.ToString();
        t_builder = body;
        int digitsEnd = 0;
        while (digitsEnd < text.Length && text[digitsEnd] is >= '0' and <= '9')
            digitsEnd++;
        char sign = negative ? '-' : f.Sign is '+' or ' ' ? f.Sign : '\0';
        return Layout(f, sign, "", text.AsSpan(0, digitsEnd), text.AsSpan(digitsEnd), text.Length - digitsEnd);
    }

    /// <summary>
    /// calc_number_widths + fill_number: [left padding][sign][prefix][sign-aware padding][grouped digits][rest]
    /// [right padding]. With fill '0' and '=' alignment the padding is made of grouped leading zeros instead.
    /// <paramref name="restWidth"/> is the length of <paramref name="rest"/> in code points.
    /// </summary>
    private static string Layout(in FormatSpec f, char sign, string prefix, ReadOnlySpan<char> digits, ReadOnlySpan<char> rest, long restWidth)
    {
        int nSign = sign == '\0' ? 0 : 1;
        char sep = f.Type == 'n' ? '\0' : f.Grouping;
        long minWidth = f.Fill == '0' && f.Align == '=' ? f.Width - nSign - prefix.Length - restWidth : 0;
        long grouped = digits.Length == 0 ? 0 : GroupedLength(digits.Length, sep, f.GroupSize, minWidth);
        long total = nSign + prefix.Length + grouped + restWidth;
        long pad = f.Width > total ? f.Width - total : 0;
        CheckSize(total + pad);
        var sb = Builder();
        long left = 0, right = 0, inner = 0;
        switch (f.Align)
        {
            case '<': right = pad; break;
            case '^': left = pad / 2; right = pad - left; break;
            case '=': inner = pad; break;
            default: left = pad; break;
        }
        f.AppendFill(sb, left);
        if (nSign != 0)
            sb.Append(sign);
        sb.Append(prefix);
        f.AppendFill(sb, inner);
        if (digits.Length != 0)
        {
            if (sep == '\0' && minWidth <= digits.Length)
                sb.Append(digits);
            else
                AppendGrouped(sb, digits, sep, f.GroupSize, minWidth, grouped);
        }
        sb.Append(rest);
        f.AppendFill(sb, right);
        return Finish(sb);
    }

    /// <summary>
    /// The length _PyUnicode_InsertThousandsGrouping (Objects/unicodeobject.c) gives: groups from the right, each
    /// of up to <paramref name="size"/> digits, padded with zeros on the left until <paramref name="minWidth"/>
    /// is reached (a separator is never the first character, so the result can pass minWidth by one).
    /// </summary>
    private static long GroupedLength(int count, char sep, int size, long minWidth)
    {
        if (sep == '\0')
            return Math.Max(Math.Max(count, minWidth), 1);
        long remaining = count, width = minWidth, total = 0;
        bool useSep = false;
        while (true)
        {
            long l = Math.Min(size, Math.Max(Math.Max(remaining, width), 1));
            total += (useSep ? 1 : 0) + l;
            remaining -= Math.Min(remaining, l);
            width -= l;
            if (remaining <= 0 && width <= 0)
                return total;
            width -= 1;
            useSep = true;
        }
    }

    private static void AppendGrouped(StringBuilder sb, ReadOnlySpan<char> digits, char sep, int size, long minWidth, long length)
    {
        int start = sb.Length;
        sb.Append('0', checked((int)length));
        // Written from the right: digits while they last, zeros after, a separator between groups.
        int pos = start + (int)length;
        int src = digits.Length;
        long remaining = digits.Length, width = minWidth;
        bool useSep = false;
        if (sep == '\0')
        {
            while (src > 0)
                sb[--pos] = digits[--src];
            return;
        }
        while (true)
        {
            if (useSep)
                sb[--pos] = sep;
            long l = Math.Min(size, Math.Max(Math.Max(remaining, width), 1));
            long chars = Math.Min(remaining, l);
            for (long k = 0; k < chars; k++)
                sb[--pos] = digits[--src];
            pos -= (int)(l - chars); // zeros, already there
            remaining -= chars;
            width -= l;
            if (remaining <= 0 && width <= 0)
                return;
            width -= 1;
            useSep = true;
        }
    }
}
