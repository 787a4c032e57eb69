using System.Globalization;
using System.Numerics;
using System.Text;
using PycSharp.Format;

namespace PycSharp.Runtime.Text;

/// <summary>How an operand of '%' must become an int (Objects/unicodeobject.c mainformatlong, formatchar).</summary>
public enum IntegerConversion
{
    /// <summary>Only an int (or bool, or a subclass) will do: PyLong_Check, as for '*' widths.</summary>
    IntInstance,

    /// <summary>__index__ (%o %x %X %c): a float is refused.</summary>
    Index,

    /// <summary>int(x) (%d %i %u): __int__, __index__ or __trunc__, so a float is truncated.</summary>
    Int,
}

/// <summary>
/// The right operand of <c>str % operand</c>, as the VM's objects present it to <see cref="PercentFormat"/>.
/// Objects are opaque; the VM raises its own exceptions from these members (KeyError from
/// <see cref="GetItem"/>, ValueError for int(nan) from <see cref="TryGetInteger"/> ...).
/// </summary>
public interface IPercentOperands
{
    /// <summary>The operand is a tuple (or a subclass): its items are the positional arguments.</summary>
    bool IsTuple { get; }

    /// <summary>The tuple's length (only asked when <see cref="IsTuple"/>).</summary>
    int Count { get; }

    /// <summary>The tuple's item (only asked when <see cref="IsTuple"/>).</summary>
    object Get(int index);

    /// <summary>
    /// PyMapping_Check(operand) and neither a tuple nor a str: %(key) lookups are allowed, and unused operands
    /// are not an error (so <c>'abc' % [1]</c> is 'abc', a list having __getitem__).
    /// </summary>
    bool IsMapping { get; }

    /// <summary>operand[key], for %(key)s.</summary>
    object GetItem(string key);

    /// <summary>The operand itself, when it is not a tuple.</summary>
    object Value { get; }

    string Str(object value);

    string Repr(object value);

    string Ascii(object value);

    /// <summary>The type's name for messages (type(value).__name__).</summary>
    string TypeName(object value);

    /// <summary>
    /// The operand as an int by the given conversion; false when that is a TypeError (not a number, or no such
    /// method), which becomes the format's own message.
    /// </summary>
    bool TryGetInteger(object value, IntegerConversion conversion, out BigInteger result);

    /// <summary>float(value) through __float__ or __index__ (PyFloat_AsDouble); false when that is a TypeError.</summary>
    bool TryGetFloat(object value, out double result);

    /// <summary>The operand is a str: its text (for %c). In bytes mode: a bytes-like object, as Latin-1 text.</summary>
    bool TryGetString(object value, out string text);

    /// <summary>
    /// bytes % operand (Objects/bytesobject.c _PyBytes_FormatEx): the format is Latin-1 text, %b is %s, and %c
    /// takes one byte or an int in range(256). <see cref="Str"/> and <see cref="Repr"/> give bytes' own forms.
    /// </summary>
    bool IsBytes => false;
}

/// <summary>
/// printf-style formatting of str, <c>format % operand</c> (Objects/unicodeobject.c PyUnicode_Format and its
/// helpers unicode_format_arg_parse, unicode_format_arg_format, unicode_format_arg_output, mainformatlong,
/// _PyUnicode_FormatLong, formatfloat, formatchar). Arguments are fetched in CPython's order, so an operand
/// error and a format error come out in the same precedence.
/// </summary>
public static class PercentFormat
{
    private const int FlagLeft = 1, FlagSign = 2, FlagBlank = 4, FlagAlt = 8, FlagZero = 16;

    public static string Format(string format, IPercentOperands operands, PythonVersion version, int maxStrDigits = IntText.DefaultMaxStrDigits)
    {
        var st = new State(operands);
        var sb = new StringBuilder(format.Length + 16);
        int len = format.Length;
        int pos = 0;
        while (pos < len)
        {
            int pct = format.IndexOf('%', pos);
            if (pct < 0)
            {
                sb.Append(format, pos, len - pos);
                break;
            }
            sb.Append(format, pos, pct - pos);
            pos = pct + 1;
            if (pos < len && format[pos] == '%')
            {
                sb.Append('%');
                pos++;
                continue;
            }
            pos = FormatOne(format, pos, ref st, sb, version, maxStrDigits);
        }
        if (st.ArgIndex < st.ArgLength && !st.IsMapping)
            throw PyTextException.Type("not all arguments converted during string formatting");
        return sb.ToString();
    }

    /// <summary>unicode_format_getnextarg's state: the tuple (or the operand, or a %(key) value) and the next index.</summary>
    private struct State
    {
        public State(IPercentOperands ops)
        {
            Ops = ops;
            if (ops.IsTuple)
            {
                ArgLength = ops.Count;
                ArgIndex = 0;
            }
            else
            {
                ArgLength = -1;
                ArgIndex = -2;
                Current = ops.Value;
            }
            IsMapping = ops.IsMapping && !ops.IsTuple;
        }

        public IPercentOperands Ops;
        public object? Current; // null while the arguments are the operand tuple
        public int ArgLength;
        public int ArgIndex;
        public bool IsMapping;

        public object Next()
        {
            if (ArgIndex < ArgLength)
            {
                int i = ArgIndex++;
                return ArgLength < 0 ? Current! : Ops.Get(i);
            }
            throw PyTextException.Type("not enough arguments for format string");
        }
    }

    /// <summary>
    /// One conversion, starting just after its '%'. The reading follows unicode_format_arg_parse's counter of
    /// characters left, whose running out anywhere is "incomplete format".
    /// </summary>
    private static int FormatOne(string fmt, int pos, ref State st, StringBuilder sb, PythonVersion version, int maxStrDigits)
    {
        int len = fmt.Length;
        int ch = 0;
        bool more = true; // false once a read ran past the end (CPython's fmtcnt < 0)
        if (pos < len && fmt[pos] == '(')
        {
            if (!st.IsMapping)
                throw PyTextException.Type("format requires a mapping");
            pos++;
            int keyStart = pos, depth = 1;
            while (depth > 0 && pos < len)
            {
                char c = fmt[pos++];
                if (c == ')')
                    depth--;
                else if (c == '(')
                    depth++;
            }
            if (depth > 0)
                throw PyTextException.Value("incomplete format key");
            st.Current = st.Ops.GetItem(fmt.Substring(keyStart, pos - 1 - keyStart));
            st.ArgLength = -1;
            st.ArgIndex = -2;
            ch = ')';
        }
        int flags = 0;
        while (true)
        {
            if (pos >= len)
            {
                more = false;
                break;
            }
            ch = PyStr.CodePointAt(fmt, pos);
            pos += PyStr.CodePointLength(fmt, pos);
            int flag = ch switch { '-' => FlagLeft, '+' => FlagSign, ' ' => FlagBlank, '#' => FlagAlt, '0' => FlagZero, _ => 0 };
            if (flag == 0)
                break;
            flags |= flag;
        }
        long width = -1;
        int prec = -1;
        if (more && ch == '*')
        {
            width = StarArgument(ref st, long.MinValue, long.MaxValue, "Python int too large to convert to C ssize_t");
            if (width < 0)
            {
                flags |= FlagLeft;
                width = -width;
            }
            more = Read(fmt, ref pos, ref ch);
        }
        else if (more && ch is >= '0' and <= '9')
            width = ReadNumber(fmt, ref pos, ref ch, ref more, long.MaxValue, "width too big");
        if (more && ch == '.')
        {
            prec = 0;
            more = Read(fmt, ref pos, ref ch);
            if (more && ch == '*')
            {
                prec = (int)Math.Max(StarArgument(ref st, int.MinValue, int.MaxValue, "Python int too large to convert to C int"), 0);
                more = Read(fmt, ref pos, ref ch);
            }
            else if (more && ch is >= '0' and <= '9')
                prec = (int)ReadNumber(fmt, ref pos, ref ch, ref more, int.MaxValue, "precision too big");
        }
        if (more && ch is 'h' or 'l' or 'L')
            more = Read(fmt, ref pos, ref ch);
        if (!more)
            throw PyTextException.Value("incomplete format");

        object v = st.Next();
        string text;
        bool numeric = false;
        switch (ch)
        {
            case 's':
            case 'b' when st.Ops.IsBytes:
                text = st.Ops.Str(v);
                break;
            case 'r':
                text = st.Ops.Repr(v);
                break;
            case 'a':
                text = st.Ops.Ascii(v);
                break;
            case 'd' or 'i' or 'u' or 'o' or 'x' or 'X':
                text = FormatInteger(v, (char)ch, flags, prec, st.Ops, maxStrDigits);
                numeric = true;
                break;
            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
            {
                if (!st.Ops.TryGetFloat(v, out double x))
                    throw PyTextException.Type("must be real number, not " + st.Ops.TypeName(v));
                if (prec > 0x3FFF_FFDF)
                    throw PyTextException.Memory();
                var fb = new StringBuilder();
                if (DoubleFormat.Append(fb, x, (char)ch, prec < 0 ? 6 : prec, (flags & FlagAlt) != 0, false, false))
                    fb.Insert(0, '-');
                text = fb.ToString();
                numeric = true;
                break;
            }
            case 'c':
                text = st.Ops.IsBytes ? ((char)FormatByte(v, st.Ops)).ToString() : PyStr.FromCodePoint(FormatChar(v, st.Ops));
                break;
            default:
                // The index counts code points, as Python's str indexes do.
                int at = PyStr.Length(fmt.AsSpan(0, pos)) - 1;
                string shown = ch >= 31 && ch <= 126 ? ((char)ch).ToString() : "?";
                throw PyTextException.Value($"unsupported format character '{shown}' (0x{ch.ToString("x", CultureInfo.InvariantCulture)}) at index {at}");
        }
        Output(sb, text, (char)ch, flags, width, prec, numeric);
        if (st.IsMapping && st.ArgIndex < st.ArgLength)
            throw PyTextException.Type("not all arguments converted during string formatting");
        return pos;
    }

    /// <summary>A '*' width or precision: the next argument, which must be an int (PyLong_Check) within C's range.</summary>
    private static long StarArgument(ref State st, long min, long max, string overflow)
    {
        object v = st.Next();
        if (!st.Ops.TryGetInteger(v, IntegerConversion.IntInstance, out var value))
            throw PyTextException.Type("* wants int");
        if (value < min || value > max)
            throw PyTextException.Overflow(overflow);
        return (long)value;
    }

    /// <summary>Decimal digits from the current one (ch), stopping at the first other character or the end.</summary>
    private static long ReadNumber(string fmt, ref int pos, ref int ch, ref bool more, long max, string tooBig)
    {
        long n = ch - '0';
        while ((more = Read(fmt, ref pos, ref ch)) && ch is >= '0' and <= '9')
        {
            if (n > (max - (ch - '0')) / 10)
                throw PyTextException.Value(tooBig);
            n = n * 10 + (ch - '0');
        }
        return n;
    }

    private static bool Read(string fmt, ref int pos, ref int ch)
    {
        if (pos >= fmt.Length)
            return false;
        ch = PyStr.CodePointAt(fmt, pos);
        pos += PyStr.CodePointLength(fmt, pos);
        return true;
    }

    /// <summary>mainformatlong + _PyUnicode_FormatLong: digits, the precision as leading zeros, 0o/0x/0X when '#'.</summary>
    private static string FormatInteger(object v, char type, int flags, int prec, IPercentOperands ops, int maxStrDigits)
    {
        var conversion = type is 'o' or 'x' or 'X' ? IntegerConversion.Index : IntegerConversion.Int;
        if (!ops.TryGetInteger(v, conversion, out var value))
        {
            string name = ops.TypeName(v);
            throw PyTextException.Type(conversion == IntegerConversion.Index
                ? $"%{type} format: an integer is required, not {name}"
                : $"%{type} format: a real number is required, not {name}");
        }
        bool negative = value.Sign < 0;
        var mag = BigInteger.Abs(value);
        string digits = type switch
        {
            'o' => IntText.ToPowerOfTwoBase(mag, 3, false),
            'x' => IntText.ToPowerOfTwoBase(mag, 4, false),
            'X' => IntText.ToPowerOfTwoBase(mag, 4, true),
            _ => IntText.ToString(mag, maxStrDigits),
        };
        string prefix = (flags & FlagAlt) == 0 ? "" : type switch { 'o' => "0o", 'x' => "0x", 'X' => "0X", _ => "" };
        if (!negative && prefix.Length == 0 && prec <= digits.Length)
            return digits;
        var sb = new StringBuilder(digits.Length + 4);
        if (negative)
            sb.Append('-');
        sb.Append(prefix);
        if (prec > digits.Length)
            sb.Append('0', prec - digits.Length);
        sb.Append(digits);
        return sb.ToString();
    }

    /// <summary>formatchar: a str of length 1, or an int (by __index__) in range(0x110000).</summary>
    private static int FormatChar(object v, IPercentOperands ops)
    {
        if (ops.TryGetString(v, out var s))
        {
            if (s.Length > 0 && PyStr.CodePointLength(s, 0) == s.Length)
                return PyStr.CodePointAt(s, 0);
            throw PyTextException.Type("%c requires int or char");
        }
        if (!ops.TryGetInteger(v, IntegerConversion.Index, out var value))
            throw PyTextException.Type("%c requires int or char");
        if (value < 0 || value > 0x10FFFF)
            throw PyTextException.Overflow("%c arg not in range(0x110000)");
        return (int)value;
    }

    /// <summary>bytesobject.c byte_converter: a bytes-like object of length 1, or an int (by __index__) in range(256).</summary>
    private static int FormatByte(object v, IPercentOperands ops)
    {
        if (ops.TryGetString(v, out var s) && s.Length == 1)
            return s[0];
        if (!ops.TryGetInteger(v, IntegerConversion.Index, out var value))
            throw PyTextException.Type("%c requires an integer in range(256) or a single byte");
        if (value < 0 || value > 255)
            throw PyTextException.Overflow("%c arg not in range(256)");
        return (int)value;
    }

    /// <summary>unicode_format_arg_output: precision cuts s/r/a, then sign, 0o/0x prefix and padding.</summary>
    private static void Output(StringBuilder sb, string str, char ch, int flags, long width, int prec, bool numeric)
    {
        char fill = numeric && (flags & FlagZero) != 0 ? '0' : ' ';
        long len = PyStr.Length(str);
        if ((width == -1 || width <= len) && (prec == -1 || prec >= len) && (flags & (FlagSign | FlagBlank)) == 0)
        {
            sb.Append(str);
            return;
        }
        if (ch is 's' or 'r' or 'a' && prec >= 0 && len > prec)
            len = prec;
        int p = 0;
        char signChar = '\0';
        bool sign = numeric;
        if (sign)
        {
            char c0 = str.Length > 0 ? str[0] : '\0';
            if (c0 is '-' or '+')
            {
                signChar = c0;
                len--;
                p++;
            }
            else if ((flags & FlagSign) != 0)
                signChar = '+';
            else if ((flags & FlagBlank) != 0)
                signChar = ' ';
            else
                sign = false;
        }
        if (width < len)
            width = len;
        if (width > 0x3FFF_FFDF)
            throw PyTextException.Memory();
        if (sign)
        {
            if (fill != ' ')
                sb.Append(signChar);
            if (width > len)
                width--;
        }
        // The 0o/0x/0X of '#' stays in front of zero padding.
        bool hexPrefix = (flags & FlagAlt) != 0 && ch is 'x' or 'X' or 'o';
        if (hexPrefix)
        {
            if (fill != ' ')
            {
                sb.Append('0').Append(ch);
                p += 2;
            }
            width -= 2;
            if (width < 0)
                width = 0;
            len -= 2;
        }
        if (width > len && (flags & FlagLeft) == 0)
        {
            sb.Append(fill, (int)(width - len));
            width = len;
        }
        if (fill == ' ')
        {
            if (sign)
                sb.Append(signChar);
            if (hexPrefix)
            {
                sb.Append('0').Append(ch);
                p += 2;
            }
        }
        if (len > 0)
            sb.Append(str, p, PyStr.Prefix(str.AsSpan(p), len));
        if (width > len)
            sb.Append(' ', (int)(width - len));
    }
}
