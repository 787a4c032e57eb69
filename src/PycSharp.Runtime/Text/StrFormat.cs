using System.Globalization;
using System.Text;
using PycSharp.Format;

namespace PycSharp.Runtime.Text;

/// <summary>
/// The arguments of <c>template.format(*args, **kwargs)</c> (or <c>format_map(mapping)</c>), as the VM's objects
/// present them to <see cref="StrFormat"/>. Objects are opaque; the VM raises its own exceptions from these
/// members (KeyError, AttributeError, IndexError, TypeError ...).
/// </summary>
public interface IFormatFields
{
    /// <summary>How many positional arguments there are; -1 for format_map, which has none at all.</summary>
    int PositionalCount { get; }

    /// <summary>args[index], 0 &lt;= index &lt; <see cref="PositionalCount"/>.</summary>
    object Positional(int index);

    /// <summary>kwargs[name] (or mapping[name]); KeyError(name) when absent, or when there are no keywords.</summary>
    object Keyword(string name);

    /// <summary>getattr(value, name), for "{0.name}".</summary>
    object GetAttribute(object value, string name);

    /// <summary>"{0[3]}": value[3], by the sequence protocol when value is a sequence, else value[int 3].</summary>
    object GetItem(object value, int index);

    /// <summary>"{0[key]}": value['key'].</summary>
    object GetItem(object value, string key);

    /// <summary>The '!r', '!s', '!a' conversions: repr(value), str(value), ascii(value).</summary>
    string Convert(object value, char conversion);

    /// <summary>format(value, spec), i.e. type(value).__format__(value, spec).</summary>
    string FormatValue(object value, string spec);
}

/// <summary>
/// str.format and str.format_map (Objects/stringlib/unicode_format.h: MarkupIterator_next, parse_field,
/// field_name_split, FieldNameIterator_next, get_field_object, output_markup, build_string). Fields are resolved
/// and formatted left to right as the template is read, so the first error in reading order is the one raised.
/// </summary>
public static class StrFormat
{
    private const int MaxDepth = 2;

    public static string Format(string template, IFormatFields fields, PythonVersion version)
    {
        // The rules and messages are the same in 3.11, 3.12 and 3.13; the version reaches str.__format__.
        var sb = new StringBuilder(template.Length + 16);
        var auto = new AutoNumber();
        Build(sb, template, 0, template.Length, fields, MaxDepth, auto, version);
        return sb.ToString();
    }

    /// <summary>Field numbering: unset, automatic ("{}"), or manual ("{0}"); the next automatic number.</summary>
    private sealed class AutoNumber
    {
        public int State; // 0 unset, 1 automatic, 2 manual
        public int Next;
    }

    private static void Build(StringBuilder sb, string s, int start, int end, IFormatFields fields, int depth, AutoNumber auto, PythonVersion version)
    {
        if (depth <= 0)
            throw PyTextException.Value("Max string recursion exceeded");
        int pos = start;
        while (pos < end)
        {
            // Literal text up to a brace; a doubled brace is one literal brace.
            int litStart = pos;
            char c = '\0';
            bool markup = false;
            while (pos < end)
            {
                c = s[pos++];
                if (c is '{' or '}')
                {
                    markup = true;
                    break;
                }
            }
            bool atEnd = pos >= end;
            int litLen = pos - litStart;
            if (c == '}' && markup && (atEnd || s[pos] != '}'))
                throw PyTextException.Value("Single '}' encountered in format string");
            if (atEnd && c == '{' && markup)
                throw PyTextException.Value("Single '{' encountered in format string");
            if (markup)
            {
                if (s[pos] == c)
                {
                    pos++;
                    markup = false; // escaped: the literal keeps one brace
                }
                else
                    litLen--;
            }
            sb.Append(s, litStart, litLen);
            if (!markup)
                continue;
            pos = ParseField(s, pos, end, out var name, out var spec, out bool nested, out int conversion);
            OutputField(sb, s, name, spec, nested, conversion, fields, depth, auto, version);
        }
    }

    /// <summary>parse_field: the field name up to ':', '!' or '}' ('[...]' taken whole), a conversion, a spec.</summary>
    private static int ParseField(string s, int pos, int end, out Range name, out Range spec, out bool nested, out int conversion)
    {
        nested = false;
        conversion = 0;
        spec = default;
        int nameStart = pos;
        char c = '\0';
        while (pos < end)
        {
            c = s[pos++];
            if (c == '{')
                throw PyTextException.Value("unexpected '{' in field name");
            if (c == '[')
            {
                while (pos < end && s[pos] != ']')
                    pos++;
                continue;
            }
            if (c is '}' or ':' or '!')
                break;
        }
        name = new Range(nameStart, pos - 1);
        if (c is '!' or ':')
        {
            if (c == '!')
            {
                if (pos >= end)
                    throw PyTextException.Value("end of string while looking for conversion specifier");
                conversion = PyStr.CodePointAt(s, pos);
                pos += PyStr.CodePointLength(s, pos);
                if (pos < end)
                {
                    char next = s[pos++];
                    if (next == '}')
                    {
                        spec = new Range(pos, pos);
                        return pos;
                    }
                    if (next != ':')
                        throw PyTextException.Value("expected ':' after conversion specifier");
                }
            }
            int specStart = pos, count = 1;
            while (pos < end)
            {
                char d = s[pos++];
                if (d == '{')
                {
                    nested = true;
                    count++;
                }
                else if (d == '}' && --count == 0)
                {
                    spec = new Range(specStart, pos - 1);
                    return pos;
                }
            }
            throw PyTextException.Value("unmatched '{' in format spec");
        }
        if (c != '}')
            throw PyTextException.Value("expected '}' before end of string");
        spec = new Range(pos, pos);
        return pos;
    }

    private static void OutputField(StringBuilder sb, string s, Range name, Range spec, bool nested, int conversion, IFormatFields fields, int depth, AutoNumber auto, PythonVersion version)
    {
        object value = GetField(s, name, fields, auto);
        string specText;
        if (nested)
        {
            var inner = new StringBuilder();
            var (off, len) = spec.GetOffsetAndLength(s.Length);
            Build(inner, s, off, off + len, fields, depth - 1, auto, version);
            specText = inner.ToString();
        }
        else
            specText = s[spec];
        if (conversion != 0)
        {
            if (conversion is not ('r' or 's' or 'a'))
                throw PyTextException.Value(conversion > 32 && conversion < 127
                    ? "Unknown conversion specifier " + (char)conversion
                    : "Unknown conversion specifier \\x" + conversion.ToString("x", CultureInfo.InvariantCulture));
            string converted = fields.Convert(value, (char)conversion);
            sb.Append(NumberFormat.Str(converted, specText, version));
            return;
        }
        sb.Append(fields.FormatValue(value, specText));
    }

    /// <summary>get_field_object: the first part by number or name, then each ".attr" and "[key]".</summary>
    private static object GetField(string s, Range name, IFormatFields fields, AutoNumber auto)
    {
        var (start, length) = name.GetOffsetAndLength(s.Length);
        int end = start + length;
        int i = start;
        while (i < end && s[i] is not ('.' or '['))
            i++;
        long index = ParseIndex(s, start, i);
        bool empty = i == start;
        bool numeric = empty || index != -1;
        if (numeric)
        {
            if (auto.State == 0)
                auto.State = empty ? 1 : 2;
            if (auto.State == 2 && empty)
                throw PyTextException.Value("cannot switch from manual field specification to automatic field numbering");
            if (auto.State == 1 && !empty)
                throw PyTextException.Value("cannot switch from automatic field numbering to manual field specification");
            if (empty)
                index = auto.Next++;
        }
        object obj;
        if (index == -1)
            obj = fields.Keyword(s[start..i]);
        else
        {
            int count = fields.PositionalCount;
            if (count < 0)
                throw PyTextException.Value("Format string contains positional fields");
            if (index >= count)
                throw new PyTextException("IndexError", $"Replacement index {index} out of range for positional args tuple");
            obj = fields.Positional((int)index);
        }
        // The rest: ".name" or "[key]" parts, each looked up as soon as it is read.
        while (i < end)
        {
            char c = s[i++];
            int partStart = i;
            if (c == '.')
            {
                while (i < end && s[i] is not ('.' or '['))
                    i++;
                if (i == partStart)
                    throw PyTextException.Value("Empty attribute in format string");
                obj = fields.GetAttribute(obj, s[partStart..i]);
            }
            else if (c == '[')
            {
                while (i < end && s[i] != ']')
                    i++;
                if (i >= end)
                    throw PyTextException.Value("Missing ']' in format string");
                int partEnd = i++;
                long key = ParseIndex(s, partStart, partEnd);
                if (partEnd == partStart)
                    throw PyTextException.Value("Empty attribute in format string");
                obj = key == -1 ? fields.GetItem(obj, s[partStart..partEnd]) : fields.GetItem(obj, (int)Math.Min(key, int.MaxValue));
            }
            else
                throw PyTextException.Value("Only '.' or '[' may follow ']' in format field specifier");
        }
        return obj;
    }

    /// <summary>unicode_format.h get_integer: all decimal digits (any script) gives the number, else -1.</summary>
    private static long ParseIndex(string s, int start, int end)
    {
        if (start >= end)
            return -1;
        long value = 0;
        for (int k = start; k < end; k++)
        {
            int d = CharUnicodeInfo.GetDecimalDigitValue(s[k]);
            if (d < 0)
                return -1;
            if (value > (long.MaxValue - d) / 10)
                throw PyTextException.Value("Too many decimal digits in format string");
            value = value * 10 + d;
        }
        return value;
    }
}
