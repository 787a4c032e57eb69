using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text;
using PycSharp.Format;
using PycSharp.Format.Objects;
using PycSharp.Format.Text;

namespace PycSharp.Bytecode.Asm;

/// <summary>
/// Constants in .pyasm text: Python literal syntax in the file's version (its str and bytes reprs, 2.x longs with
/// L, u'' unicode), with a few forms Python has no literal for — <c>...</c>, <c>StopIteration</c>, <c>inf</c>,
/// <c>nan</c>, <c>complex(re, im)</c>, <c>slice(a, b, c)</c> — and sets written <c>set([...])</c> or
/// <c>frozenset([...])</c> in their marshal order (not the order Python iterates them in).
/// </summary>
public static class ConstText
{
    public static string Of(PyObject o, PythonVersion version)
    {
        var sb = new StringBuilder();
        Append(sb, o, version);
        return sb.ToString();
    }

    public static void Append(StringBuilder sb, PyObject o, PythonVersion version)
    {
        switch (o)
        {
            case PyNone:
                sb.Append("None");
                break;
            case PyBool b:
                sb.Append(b.Value ? "True" : "False");
                break;
            case PyEllipsis:
                sb.Append("...");
                break;
            case PyStopIteration:
                sb.Append("StopIteration");
                break;
            case PyInt i:
                sb.Append(i.Value.ToString(CultureInfo.InvariantCulture)).Append(i.IsPython2Long && version.Major == 2 ? "L" : "");
                break;
            case PyFloat f:
                sb.Append(PyRepr.Float(f.Value));
                break;
            case PyComplex c:
                sb.Append("complex(").Append(PyRepr.Float(c.Real)).Append(", ").Append(PyRepr.Float(c.Imag)).Append(')');
                break;
            case PyString or PyBytes:
                sb.Append(PyRepr.Of(o, version));
                break;
            case PyTuple t:
                sb.Append('(');
                Items(t.Items);
                sb.Append(t.Items.Length == 1 ? ",)" : ")");
                break;
            case PyList l:
                sb.Append('[');
                Items(l.Items);
                sb.Append(']');
                break;
            case PySet s:
                sb.Append(s.IsFrozen ? "frozenset([" : "set([");
                Items(s.Items);
                sb.Append("])");
                break;
            case PyDict d:
                sb.Append('{');
                for (int i = 0; i < d.Entries.Length; i++)
                {
                    if (i > 0)
                        sb.Append(", ");
                    Append(sb, d.Entries[i].Key, version);
                    sb.Append(": ");
                    Append(sb, d.Entries[i].Value, version);
                }
                sb.Append('}');
                break;
            case PySlice s:
                sb.Append("slice(");
                Append(sb, s.Start, version);
                sb.Append(", ");
                Append(sb, s.Stop, version);
                sb.Append(", ");
                Append(sb, s.Step, version);
                sb.Append(')');
                break;
            default:
                throw new ArgumentException($"no literal for a {o.TypeName}", nameof(o));
        }

        void Items(ImmutableArray<PyObject> items)
        {
            for (int i = 0; i < items.Length; i++)
            {
                if (i > 0)
                    sb.Append(", ");
                Append(sb, items[i], version);
            }
        }
    }

    /// <summary>Reads one constant from <paramref name="text"/> at <paramref name="pos"/>, moving past it.</summary>
    /// <exception cref="FormatException">Not a constant; the message says what was expected.</exception>
    public static PyObject Parse(string text, ref int pos, PythonVersion version)
    {
        // Nested brackets recurse: hostile text must not overflow the stack (marshal's own limit is 2000 levels).
        if (++t_depth > MaxDepth)
        {
            t_depth = 0;
            throw new FormatException($"constants nested deeper than {MaxDepth} levels");
        }
        try
        {
            return ParseOne(text, ref pos, version);
        }
        finally
        {
            if (t_depth > 0)
                t_depth--;
        }
    }

    private const int MaxDepth = 2000;

    [ThreadStatic]
    private static int t_depth;

    private static PyObject ParseOne(string text, ref int pos, PythonVersion version)
    {
        SkipSpace(text, ref pos);
        if (pos >= text.Length)
            throw new FormatException("expected a constant");
        char c = text[pos];
        if (c == '(')
        {
            var items = ItemsUntil(text, ref pos, ')', version, out bool trailingComma);
            return items.Count == 1 && !trailingComma ? items[0] : new PyTuple(items.ToImmutableArray());
        }
        if (c == '[')
            return new PyList([.. ItemsUntil(text, ref pos, ']', version, out _)]);
        if (c == '{')
            return ParseDict(text, ref pos, version);
        if (c is '\'' or '"' || (c is 'b' or 'B' or 'u' or 'U' && pos + 1 < text.Length && text[pos + 1] is '\'' or '"'))
            return ParseString(text, ref pos, version);
        if (text.AsSpan(pos).StartsWith("..."))
        {
            pos += 3;
            return PyEllipsis.Instance;
        }
        if (char.IsDigit(c) || c is '-' or '+' or '.')
            return ParseNumber(text, ref pos);
        string word = Word(text, ref pos);
        switch (word)
        {
            case "None":
                return PyNone.Instance;
            case "True":
                return PyBool.True;
            case "False":
                return PyBool.False;
            case "StopIteration":
                return PyStopIteration.Instance;
            case "inf":
                return new PyFloat(double.PositiveInfinity);
            case "nan":
                return new PyFloat(double.NaN);
            case "set" or "frozenset":
            {
                Expect(text, ref pos, '(');
                SkipSpace(text, ref pos);
                var items = pos < text.Length && text[pos] == '[' ? ItemsUntil(text, ref pos, ']', version, out _) : [];
                Expect(text, ref pos, ')');
                return new PySet([.. items], word == "frozenset");
            }
            case "complex":
            {
                var parts = Call(text, ref pos, version, 2);
                return new PyComplex(FloatOf(parts[0]), FloatOf(parts[1]));
            }
            case "slice":
            {
                var parts = Call(text, ref pos, version, 3);
                return new PySlice(parts[0], parts[1], parts[2]);
            }
            default:
                throw new FormatException(word.Length == 0 ? $"expected a constant, found '{c}'" : $"expected a constant, found '{word}'");
        }
    }

    private static double FloatOf(PyObject o) => o switch
    {
        PyFloat f => f.Value,
        PyInt i => (double)i.Value,
        _ => throw new FormatException("complex() takes two floats"),
    };

    private static List<PyObject> Call(string text, ref int pos, PythonVersion version, int count)
    {
        SkipSpace(text, ref pos);
        if (pos >= text.Length || text[pos] != '(')
            throw new FormatException("expected '('");
        var items = ItemsUntil(text, ref pos, ')', version, out _);
        if (items.Count != count)
            throw new FormatException($"expected {count} arguments, found {items.Count}");
        return items;
    }

    private static List<PyObject> ItemsUntil(string text, ref int pos, char close, PythonVersion version, out bool trailingComma)
    {
        pos++; // the opening bracket
        var items = new List<PyObject>();
        trailingComma = false;
        while (true)
        {
            SkipSpace(text, ref pos);
            if (pos < text.Length && text[pos] == close)
            {
                pos++;
                return items;
            }
            items.Add(Parse(text, ref pos, version));
            SkipSpace(text, ref pos);
            trailingComma = false;
            if (pos < text.Length && text[pos] == ',')
            {
                pos++;
                trailingComma = true;
                continue;
            }
            Expect(text, ref pos, close);
            return items;
        }
    }

    private static PyDict ParseDict(string text, ref int pos, PythonVersion version)
    {
        pos++;
        var entries = new List<KeyValuePair<PyObject, PyObject>>();
        while (true)
        {
            SkipSpace(text, ref pos);
            if (pos < text.Length && text[pos] == '}')
            {
                pos++;
                return new PyDict([.. entries]);
            }
            var key = Parse(text, ref pos, version);
            Expect(text, ref pos, ':');
            var value = Parse(text, ref pos, version);
            entries.Add(new(key, value));
            SkipSpace(text, ref pos);
            if (pos < text.Length && text[pos] == ',')
            {
                pos++;
                continue;
            }
            Expect(text, ref pos, '}');
            return new PyDict([.. entries]);
        }
    }

    private static PyObject ParseNumber(string text, ref int pos)
    {
        int start = pos;
        if (text[pos] is '-' or '+')
            pos++;
        if (text.AsSpan(pos).StartsWith("inf"))
        {
            pos += 3;
            return new PyFloat(text[start] == '-' ? double.NegativeInfinity : double.PositiveInfinity);
        }
        if (text.AsSpan(pos).StartsWith("nan"))
        {
            pos += 3;
            return new PyFloat(text[start] == '-' ? -double.NaN : double.NaN);
        }
        bool isFloat = false;
        while (pos < text.Length && (char.IsDigit(text[pos]) || text[pos] is '.' or 'e' or 'E'
                                     || (text[pos] is '-' or '+' && text[pos - 1] is 'e' or 'E')))
        {
            isFloat |= text[pos] is '.' or 'e' or 'E';
            pos++;
        }
        var number = text.AsSpan(start, pos - start);
        if (isFloat)
        {
            return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                ? new PyFloat(d)
                : throw new FormatException($"'{number}' is not a number");
        }
        if (!BigInteger.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw new FormatException($"'{number}' is not a number");
        if (pos < text.Length && text[pos] is 'L' or 'l')
        {
            pos++;
            return PyInt.Python2Long(value);
        }
        return new PyInt(value);
    }

    /// <summary>A str or bytes literal as repr writes them: quotes, backslash escapes, b/u prefixes.</summary>
    private static PyObject ParseString(string text, ref int pos, PythonVersion version)
    {
        bool bytes = false, unicode = false;
        if (text[pos] is 'b' or 'B')
        {
            bytes = true;
            pos++;
        }
        else if (text[pos] is 'u' or 'U')
        {
            unicode = true;
            pos++;
        }
        // Python 2: a plain literal is a byte string (str), u'' is unicode.
        if (version.Major == 2 && !unicode)
            bytes = true;
        char quote = text[pos++];
        var units = new List<int>();
        while (true)
        {
            if (pos >= text.Length)
                throw new FormatException("unterminated string");
            char c = text[pos++];
            if (c == quote)
                break;
            if (c != '\\')
            {
                if (char.IsHighSurrogate(c) && pos < text.Length && char.IsLowSurrogate(text[pos]))
                    units.Add(char.ConvertToUtf32(c, text[pos++]));
                else
                    units.Add(c);
                continue;
            }
            if (pos >= text.Length)
                throw new FormatException("unterminated string");
            char e = text[pos++];
            switch (e)
            {
                case 'n': units.Add('\n'); break;
                case 't': units.Add('\t'); break;
                case 'r': units.Add('\r'); break;
                case 'a': units.Add(7); break;
                case 'b': units.Add(8); break;
                case 'f': units.Add(12); break;
                case 'v': units.Add(11); break;
                case '0' or '1' or '2' or '3' or '4' or '5' or '6' or '7':
                {
                    int value = e - '0';
                    for (int k = 0; k < 2 && pos < text.Length && text[pos] is >= '0' and <= '7'; k++)
                        value = value * 8 + (text[pos++] - '0');
                    units.Add(value);
                    break;
                }
                case 'x':
                    units.Add(Hex(text, ref pos, 2));
                    break;
                case 'u' when !bytes:
                    units.Add(Hex(text, ref pos, 4));
                    break;
                case 'U' when !bytes:
                    units.Add(Hex(text, ref pos, 8));
                    break;
                default:
                    units.Add(e); // \\ \' \"
                    break;
            }
        }
        if (bytes)
        {
            var data = new byte[units.Count];
            for (int i = 0; i < data.Length; i++)
                data[i] = units[i] <= 255 ? (byte)units[i] : throw new FormatException("a byte string holds only bytes");
            return new PyBytes(data);
        }
        return PyString.FromCodePoints([.. units]);
    }

    private static int Hex(string text, ref int pos, int digits)
    {
        if (pos + digits > text.Length || !int.TryParse(text.AsSpan(pos, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int value))
            throw new FormatException($"expected {digits} hex digits");
        pos += digits;
        return value;
    }

    private static string Word(string text, ref int pos)
    {
        int start = pos;
        while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '_'))
            pos++;
        return text[start..pos];
    }

    internal static void SkipSpace(string text, ref int pos)
    {
        while (pos < text.Length && text[pos] is ' ' or '\t')
            pos++;
    }

    private static void Expect(string text, ref int pos, char c)
    {
        SkipSpace(text, ref pos);
        if (pos >= text.Length || text[pos] != c)
            throw new FormatException($"expected '{c}'");
        pos++;
    }
}
