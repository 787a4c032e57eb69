using System.Globalization;
using System.Text;
using PycSharp.Format.Objects;

namespace PycSharp.Format.Text;

/// <summary>
/// <c>repr()</c> of decoded constants exactly as a given CPython version prints it: floats in the shortest
/// round-trip form with CPython's exponent rules (Python/pystrtod.c), strings and bytes with its quoting and escapes
/// (Objects/unicodeobject.c unicode_repr, Objects/bytesobject.c), Python 2's <c>u''</c> and <c>L</c> forms.
/// </summary>
public static class PyRepr
{
    /// <param name="build">The CPython build whose output to reproduce: it decides the order frozensets iterate in.</param>
    public static string Of(PyObject o, PythonVersion version, HashProfile? build = null)
    {
        switch (o)
        {
            // The commonest constants, without a builder.
            case PyNone:
                return "None";
            case PyInt i when !i.IsPython2Long && i.Value >= long.MinValue && i.Value <= long.MaxValue:
                return ((long)i.Value).ToString(CultureInfo.InvariantCulture);
        }
        var sb = t_builder ??= new StringBuilder();
        if (sb.Length != 0)
            sb = new StringBuilder(); // re-entered (never in practice): do not clobber the outer use
        try
        {
            Append(sb, o, version, build);
            return sb.ToString();
        }
        finally
        {
            sb.Clear();
            if (sb.Capacity > 1 << 16)
                sb.Capacity = 256;
        }
    }

    [ThreadStatic]
    private static StringBuilder? t_builder;

    public static void Append(StringBuilder sb, PyObject o, PythonVersion version, HashProfile? build = null)
    {
        bool py2 = version.Major < 3;
        switch (o)
        {
            case PyNone: sb.Append("None"); break;
            case PyBool b: sb.Append(b.Value ? "True" : "False"); break;
            case PyEllipsis: sb.Append("Ellipsis"); break;
            case PyStopIteration: sb.Append(py2 ? "<type 'exceptions.StopIteration'>" : "<class 'StopIteration'>"); break;
            case PyInt i:
                sb.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                if (py2 && i.IsPython2Long)
                    sb.Append('L');
                break;
            case PyFloat f: sb.Append(Float(f.Value)); break;
            case PyComplex c: AppendComplex(sb, c); break;
            case PyBytes b: AppendBytes(sb, b.Span, prefix: py2 ? "" : "b"); break;
            case PyString s:
                if (py2)
                    AppendPython2Unicode(sb, s.CodePoints());
                else
                    AppendString(sb, s.CodePoints(), version);
                break;
            case PyTuple t:
                sb.Append('(');
                for (int k = 0; k < t.Count; k++)
                {
                    if (k > 0)
                        sb.Append(", ");
                    Append(sb, t[k], version, build);
                }
                sb.Append(t.Count == 1 ? ",)" : ")");
                break;
            case PyList l:
                sb.Append('[');
                AppendItems(sb, l.Items, version, build);
                sb.Append(']');
                break;
            case PySet s:
                AppendSet(sb, s, version, build);
                break;
            case PyDict d:
                sb.Append('{');
                for (int k = 0; k < d.Entries.Length; k++)
                {
                    if (k > 0)
                        sb.Append(", ");
                    Append(sb, d.Entries[k].Key, version, build);
                    sb.Append(": ");
                    Append(sb, d.Entries[k].Value, version, build);
                }
                sb.Append('}');
                break;
            case PySlice s:
                sb.Append("slice(");
                Append(sb, s.Start, version, build);
                sb.Append(", ");
                Append(sb, s.Stop, version, build);
                sb.Append(", ");
                Append(sb, s.Step, version, build);
                sb.Append(')');
                break;
            case PyCode c:
                sb.Append(CultureInfo.InvariantCulture, $"<code object {c.NameText} at 0x{c.FakeAddress:x}, file \"{c.FilenameText}\", line {c.FirstLineNo}>");
                break;
            default:
                sb.Append('<').Append(o.TypeName).Append('>');
                break;
        }
    }

    private static void AppendItems(StringBuilder sb, IReadOnlyList<PyObject> items, PythonVersion version, HashProfile? build)
    {
        for (int k = 0; k < items.Count; k++)
        {
            if (k > 0)
                sb.Append(", ");
            Append(sb, items[k], version, build);
        }
    }

    /// <summary>
    /// Items in the order the set CPython rebuilds when it loads them iterates in (<see cref="SetOrder"/>); where a
    /// hash cannot be known (an item hashed by address), in marshal order.
    /// </summary>
    private static void AppendSet(StringBuilder sb, PySet s, PythonVersion version, HashProfile? build)
    {
        bool py2 = version.Major < 3;
        if (s.Items.IsEmpty)
        {
            sb.Append(s.IsFrozen ? (py2 ? "frozenset([])" : "frozenset()") : (py2 ? "set([])" : "set()"));
            return;
        }
        if (s.IsFrozen)
            sb.Append(py2 ? "frozenset([" : "frozenset({");
        else
            sb.Append(py2 ? "set([" : "{");
        AppendItems(sb, SetOrder.Of(s.Items, version, build) ?? (IReadOnlyList<PyObject>)s.Items, version, build);
        sb.Append(s.IsFrozen ? (py2 ? "])" : "})") : (py2 ? "])" : "}"));
    }

    /// <summary><c>repr(float)</c>: shortest digits that round-trip, fixed notation for 1e-4 &lt;= |x| &lt; 1e16.</summary>
    public static string Float(double x) => FormatDouble(x, addDotZero: true, alwaysSign: false);

    /// <summary>
    /// PyOS_double_to_string(x, 'r', 0, flags): the decimal point position decides exponent form (decpt &lt;= -4 or
    /// decpt &gt; 16, Python/pystrtod.c format_float_short); exponents have a sign and at least two digits.
    /// </summary>
    private static string FormatDouble(double x, bool addDotZero, bool alwaysSign)
    {
        if (double.IsNaN(x))
            return alwaysSign ? "+nan" : "nan";
        bool negative = double.IsNegative(x);
        string sign = negative ? "-" : alwaysSign ? "+" : "";
        if (double.IsInfinity(x))
            return sign + "inf";
        if (x == 0)
            return sign + (addDotZero ? "0.0" : "0");

        var r = ShortestRoundTrip(Math.Abs(x));
        int exponent = 0;
        int e = r.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }
        int dot = r.IndexOf('.', StringComparison.Ordinal);
        string digits = dot >= 0 ? r.Remove(dot, 1) : r;
        int decpt = (dot >= 0 ? dot : r.Length) + exponent;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
            decpt--;
        }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0)
            digits = "0";

        var sb = new StringBuilder(sign);
        if (decpt <= -4 || decpt > 16)
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            int exp = decpt - 1;
            sb.Append('e').Append(exp < 0 ? '-' : '+').Append(Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (decpt <= 0)
        {
            sb.Append("0.").Append('0', -decpt).Append(digits);
        }
        else if (decpt >= digits.Length)
        {
            sb.Append(digits).Append('0', decpt - digits.Length);
            if (addDotZero)
                sb.Append(".0");
        }
        else
        {
            sb.Append(digits, 0, decpt).Append('.').Append(digits, decpt, digits.Length - decpt);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The shortest decimal that reads back as <paramref name="x"/> (David Gay's mode 0, which CPython's repr uses).
    /// .NET's "R" is usually that, but not always at a power of two, where the gap below is half the gap above
    /// (2**-25 needs 17 digits: 2.9802322387695312e-08); so check it, and otherwise search by precision.
    /// </summary>
    private static string ShortestRoundTrip(double x)
    {
        var r = x.ToString("R", CultureInfo.InvariantCulture);
        if (double.Parse(r, CultureInfo.InvariantCulture) == x)
            return r;
        for (int digits = 1; digits <= 17; digits++)
        {
            var candidate = x.ToString("E" + (digits - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (double.Parse(candidate, CultureInfo.InvariantCulture) == x)
                return candidate;
            // The nearest d-digit decimal can fall outside the narrow side of the interval while the next one up
            // lies inside the wide side.
            var up = NextDecimalUp(candidate);
            if (up is not null && double.Parse(up, CultureInfo.InvariantCulture) == x)
                return up;
        }
        return x.ToString("E16", CultureInfo.InvariantCulture);
    }

    /// <summary>"d.ddddE+xxx" with its last mantissa digit increased by one (carrying), or null.</summary>
    private static string? NextDecimalUp(string scientific)
    {
        int e = scientific.IndexOf('E', StringComparison.Ordinal);
        var mantissa = scientific[..e].Replace(".", "", StringComparison.Ordinal).ToCharArray();
        int exponent = int.Parse(scientific.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int k = mantissa.Length - 1;
        while (k >= 0 && mantissa[k] == '9')
            mantissa[k--] = '0';
        if (k < 0)
            return null;
        mantissa[k]++;
        var digits = new string(mantissa);
        return digits.Length == 1
            ? $"{digits}E{exponent.ToString(CultureInfo.InvariantCulture)}"
            : $"{digits[0]}.{digits[1..]}E{exponent.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>complex_repr (Objects/complexobject.c): a bare imaginary part when the real part is +0.</summary>
    private static void AppendComplex(StringBuilder sb, PyComplex c)
    {
        if (c.Real == 0 && !double.IsNegative(c.Real))
        {
            sb.Append(FormatDouble(c.Imag, addDotZero: false, alwaysSign: false)).Append('j');
            return;
        }
        sb.Append('(').Append(FormatDouble(c.Real, addDotZero: false, alwaysSign: false))
            .Append(FormatDouble(c.Imag, addDotZero: false, alwaysSign: true)).Append("j)");
    }

    /// <summary>How a repr shows characters outside printable ASCII.</summary>
    private enum NonAscii
    {
        /// <summary>bytes (and Python 2 str): \xNN.</summary>
        Bytes,
        /// <summary>Python 2 unicode: always escaped, \xNN, \uNNNN or \UNNNNNNNN.</summary>
        Python2,
        /// <summary>Python 3 str: kept if str.isprintable() of that version says so, else escaped as Python 2's.</summary>
        Python3,
    }

    /// <summary>repr(str) of a 3.x string given as code points (the VM's str.__repr__).</summary>
    public static string String(int[] codePoints, PythonVersion version)
    {
        var sb = new StringBuilder(codePoints.Length + 2);
        AppendString(sb, codePoints, version);
        return sb.ToString();
    }

    /// <summary>repr(bytes) in 3.x (the VM's bytes.__repr__).</summary>
    public static string Bytes(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length + 3);
        AppendBytes(sb, bytes, "b");
        return sb.ToString();
    }

    private static void AppendBytes(StringBuilder sb, ReadOnlySpan<byte> bytes, string prefix)
    {
        var units = new int[bytes.Length];
        for (int i = 0; i < units.Length; i++)
            units[i] = bytes[i];
        AppendQuoted(sb, units, prefix, NonAscii.Bytes, default);
    }

    private static void AppendString(StringBuilder sb, int[] codePoints, PythonVersion version) =>
        AppendQuoted(sb, codePoints, "", NonAscii.Python3, version);

    private static void AppendPython2Unicode(StringBuilder sb, int[] codePoints) =>
        AppendQuoted(sb, codePoints, "u", NonAscii.Python2, default);

    /// <summary>
    /// The quoting shared by str, bytes and unicode reprs (Objects/unicodeobject.c unicode_repr,
    /// Objects/bytesobject.c): single quotes unless the text has a single quote and no double quote; backslash,
    /// the quote, \t, \n and \r escaped; other control characters as \xNN.
    /// </summary>
    private static void AppendQuoted(StringBuilder sb, int[] units, string prefix, NonAscii style, PythonVersion version)
    {
        bool hasSingle = Array.IndexOf(units, '\'') >= 0, hasDouble = Array.IndexOf(units, '"') >= 0;
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        sb.Append(prefix).Append(quote);
        foreach (var cp in units)
        {
            if (cp == quote || cp == '\\')
                sb.Append('\\').Append((char)cp);
            else if (cp == '\t')
                sb.Append("\\t");
            else if (cp == '\n')
                sb.Append("\\n");
            else if (cp == '\r')
                sb.Append("\\r");
            else if (cp < 0x20 || cp == 0x7F)
                sb.Append(CultureInfo.InvariantCulture, $"\\x{cp:x2}");
            else if (cp < 0x7F)
                sb.Append((char)cp);
            else if (style == NonAscii.Python3 && UnicodePrintable.IsPrintable(cp, version))
                AppendCodePoint(sb, cp);
            else if (cp <= 0xFF)
                sb.Append(CultureInfo.InvariantCulture, $"\\x{cp:x2}");
            else if (cp <= 0xFFFF)
                sb.Append(CultureInfo.InvariantCulture, $"\\u{cp:x4}");
            else
                sb.Append(CultureInfo.InvariantCulture, $"\\U{cp:x8}");
        }
        sb.Append(quote);
    }

    private static void AppendCodePoint(StringBuilder sb, int cp)
    {
        if (cp >= 0x10000)
            sb.Append(char.ConvertFromUtf32(cp));
        else
            sb.Append((char)cp);
    }
}
