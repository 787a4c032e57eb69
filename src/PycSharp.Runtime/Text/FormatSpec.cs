using System.Globalization;
using System.Text;
using PycSharp.Format;

namespace PycSharp.Runtime.Text;

/// <summary>
/// A parsed format specification, <c>[[fill]align][sign][z][#][0][width][grouping][.precision][type]</c>, as
/// Python/formatter_unicode.c parse_internal_render_format_spec reads it for <c>format()</c>, f-strings and
/// <c>str.format</c>. The same parse serves int, float and str; what each type then allows is checked by
/// <see cref="NumberFormat"/>.
/// </summary>
public struct FormatSpec
{
    /// <summary>The fill character, a code point (' ' unless given).</summary>
    public int Fill { get; private set; }

    /// <summary>'&lt;', '&gt;', '^' or '=' (the type's default when none is given).</summary>
    public char Align { get; private set; }

    /// <summary>'\0' (none given), '+', '-' or ' '.</summary>
    public char Sign { get; private set; }

    /// <summary>'z': a negative zero (after rounding) loses its sign (3.11+, PEP 682).</summary>
    public bool NoNegativeZero { get; private set; }

    /// <summary>'#': the alternate form.</summary>
    public bool Alternate { get; private set; }

    /// <summary>The minimum width, or -1.</summary>
    public long Width { get; private set; }

    /// <summary>'\0', ',' or '_'.</summary>
    public char Grouping { get; private set; }

    /// <summary>Digits per group: 3, or 4 for '_' with b, o, x and X (PEP 515).</summary>
    public int GroupSize { get; private set; }

    /// <summary>The precision, or -1.</summary>
    public long Precision { get; private set; }

    /// <summary>The type code as a code point (the type's default when none is given; 0 for float's none).</summary>
    public int Type { get; private set; }

    /// <summary>
    /// Parses <paramref name="spec"/> with the defaults of the type being formatted (int: 'd' and '&gt;', float: none
    /// and '&gt;', str: 's' and '&lt;'); <paramref name="typeName"/> names that type in the "Invalid format specifier"
    /// message. The rules and messages are those of 3.11 to 3.13, which agree here.
    /// </summary>
    public static FormatSpec Parse(string spec, PythonVersion version, char defaultType, char defaultAlign, string typeName)
    {
        _ = version; // the grammar and its messages are the same in 3.11, 3.12 and 3.13
        var f = new FormatSpec
        {
            Fill = ' ',
            Align = defaultAlign,
            Width = -1,
            Precision = -1,
            GroupSize = 3,
            Type = defaultType,
        };
        int pos = 0, end = spec.Length;
        bool fillGiven = false, alignGiven = false;

        // A fill is only recognised as such when an alignment follows it; the fill may be any code point.
        int firstLen = PyStr.CodePointLength(spec, 0);
        if (end - pos > firstLen && IsAlign(spec[firstLen]))
        {
            f.Fill = PyStr.CodePointAt(spec, 0);
            f.Align = spec[firstLen];
            fillGiven = alignGiven = true;
            pos = firstLen + 1;
        }
        else if (end > 0 && IsAlign(spec[0]))
        {
            f.Align = spec[0];
            alignGiven = true;
            pos = 1;
        }
        if (pos < end && spec[pos] is '+' or '-' or ' ')
            f.Sign = spec[pos++];
        if (pos < end && spec[pos] == 'z')
        {
            f.NoNegativeZero = true;
            pos++;
        }
        if (pos < end && spec[pos] == '#')
        {
            f.Alternate = true;
            pos++;
        }
        // The backwards-compatible '0': zero fill, and sign-aware padding for types that right-align by default.
        if (!fillGiven && pos < end && spec[pos] == '0')
        {
            f.Fill = '0';
            if (!alignGiven && defaultAlign == '>')
                f.Align = '=';
            pos++;
        }
        f.Width = ReadInteger(spec, ref pos, out bool any);
        if (!any)
            f.Width = -1;
        if (pos < end && spec[pos] == ',')
        {
            f.Grouping = ',';
            pos++;
        }
        if (pos < end && spec[pos] == '_')
        {
            if (f.Grouping != '\0')
                throw PyTextException.Value("Cannot specify both ',' and '_'.");
            f.Grouping = '_';
            pos++;
        }
        if (pos < end && spec[pos] == ',' && f.Grouping == '_')
            throw PyTextException.Value("Cannot specify both ',' and '_'.");
        if (pos < end && spec[pos] == '.')
        {
            pos++;
            f.Precision = ReadInteger(spec, ref pos, out any);
            if (!any)
                throw PyTextException.Value("Format specifier missing precision");
        }
        if (pos < end)
        {
            int len = PyStr.CodePointLength(spec, pos);
            if (end - pos > len)
                throw PyTextException.Value($"Invalid format specifier '{spec}' for object of type '{typeName}'");
            f.Type = PyStr.CodePointAt(spec, pos);
        }
        if (f.Grouping != '\0')
        {
            switch (f.Type)
            {
                case 'd' or 'e' or 'f' or 'g' or 'E' or 'G' or '%' or 'F' or 0:
                    break;
                case 'b' or 'o' or 'x' or 'X' when f.Grouping == '_':
                    f.GroupSize = 4;
                    break;
                default:
                    throw PyTextException.Value($"Cannot specify '{f.Grouping}' with {QuoteCode(f.Type)}.");
            }
        }
        return f;
    }

    private static bool IsAlign(char c) => c is '<' or '>' or '=' or '^';

    /// <summary>
    /// Decimal digits (any Unicode decimal digit, as Py_UNICODE_TODECIMAL) from <paramref name="pos"/>, failing as
    /// formatter_unicode.c get_integer does once the value passes Py_ssize_t.
    /// </summary>
    private static long ReadInteger(string s, ref int pos, out bool any)
    {
        long value = 0;
        any = false;
        while (pos < s.Length)
        {
            int d = CharUnicodeInfo.GetDecimalDigitValue(s[pos]);
            if (d < 0)
                break;
            if (value > (long.MaxValue - d) / 10)
                throw PyTextException.Value("Too many decimal digits in format string");
            value = value * 10 + d;
            pos++;
            any = true;
        }
        return value;
    }

    /// <summary>A type code as the messages show it: 'x' for printable ASCII, else '\x..' in lower-case hex.</summary>
    internal static string QuoteCode(int code) =>
        code > 32 && code < 128 ? "'" + (char)code + "'" : "'\\x" + code.ToString("x", CultureInfo.InvariantCulture) + "'";

    internal static PyTextException UnknownCode(int code, string typeName) =>
        PyTextException.Value($"Unknown format code {QuoteCode(code)} for object of type '{typeName}'");

    internal readonly void AppendFill(StringBuilder sb, long count)
    {
        if (count <= 0)
            return;
        if (Fill < 0x10000)
            sb.Append((char)Fill, checked((int)count));
        else
        {
            var pair = char.ConvertFromUtf32(Fill);
            for (long k = 0; k < count; k++)
                sb.Append(pair);
        }
    }
}
