using System.Text;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>printf-style <c>str % args</c> (Objects/unicodeobject.c PyUnicode_Format).</summary>
internal static class PercentFormat
{
    public static string Format(string fmt, PyObject args)
    {
        var sb = new StringBuilder();
        PyObject[] items = args is PyTuple t && args.GetType() == typeof(PyTuple) ? t.Items : [args];
        bool isMapping = args is PyDict && args is not PyTuple;
        int next = 0;
        for (int i = 0; i < fmt.Length; i++)
        {
            char c = fmt[i];
            if (c != '%')
            {
                sb.Append(c);
                continue;
            }
            i++;
            if (i >= fmt.Length)
                throw Err.Value("incomplete format");
            PyObject? keyed = null;
            if (fmt[i] == '(')
            {
                int close = fmt.IndexOf(')', i);
                if (close < 0)
                    throw Err.Value("incomplete format key");
                keyed = Ops.GetItem(args, PyStr.Of(fmt[(i + 1)..close]));
                i = close + 1;
            }
            var flags = new StringBuilder();
            while (i < fmt.Length && fmt[i] is '-' or '+' or ' ' or '#' or '0')
                flags.Append(fmt[i++]);
            string width = "";
            if (i < fmt.Length && fmt[i] == '*')
            {
                width = Ops.IndexLong(items[next++]).ToString(System.Globalization.CultureInfo.InvariantCulture);
                i++;
            }
            while (i < fmt.Length && char.IsAsciiDigit(fmt[i]))
                width += fmt[i++];
            string prec = "";
            bool hasPrec = false;
            if (i < fmt.Length && fmt[i] == '.')
            {
                hasPrec = true;
                i++;
                if (i < fmt.Length && fmt[i] == '*')
                {
                    prec = Ops.IndexLong(items[next++]).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    i++;
                }
                while (i < fmt.Length && char.IsAsciiDigit(fmt[i]))
                    prec += fmt[i++];
                if (prec.Length == 0)
                    prec = "0";
            }
            if (i >= fmt.Length)
                throw Err.Value("incomplete format");
            char conv = fmt[i];
            if (conv == '%')
            {
                sb.Append('%');
                continue;
            }
            PyObject arg;
            if (keyed is not null)
                arg = keyed;
            else
            {
                if (next >= items.Length)
                    throw Err.Type("not enough arguments for format string");
                arg = items[next++];
            }
            string f = flags.ToString();
            string align = f.Contains('-') ? "<" : "";
            string spec;
            switch (conv)
            {
                case 's' or 'r' or 'a':
                {
                    var text = conv == 's' ? Ops.StrText(arg) : conv == 'r' ? Ops.ReprText(arg) : BuiltinFunctions.AsciiText(Ops.ReprText(arg));
                    if (hasPrec)
                        text = text[..Math.Min(text.Length, int.Parse(prec, System.Globalization.CultureInfo.InvariantCulture))];
                    sb.Append(TextFormat.FormatStr(text, (align.Length > 0 ? "<" : ">") + width));
                    continue;
                }
                case 'd' or 'i' or 'u':
                    if (arg is PyFloat ff)
                        arg = PyInt.Of(NumberSetup.FloatToInt(ff.Value));
                    if (arg is not PyInt)
                        throw Err.Type($"%{conv} format: a real number is required, not {arg.Type.Name}");
                    spec = SignFlags(f) + (f.Contains('0') && align.Length == 0 ? "0" : "") + width + "d";
                    sb.Append(TextFormat.FormatInt(Ops.Index(arg).Value, align + spec));
                    continue;
                case 'x' or 'X' or 'o':
                    if (arg is not PyInt)
                        throw Err.Type($"%{conv} format: an integer is required, not {arg.Type.Name}");
                    spec = SignFlags(f) + (f.Contains('#') ? "#" : "") + (f.Contains('0') && align.Length == 0 ? "0" : "") + width + conv;
                    sb.Append(TextFormat.FormatInt(Ops.Index(arg).Value, align + spec));
                    continue;
                case 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
                    spec = SignFlags(f) + (f.Contains('#') ? "#" : "") + (f.Contains('0') && align.Length == 0 ? "0" : "") + width + "." + (hasPrec ? prec : "6") + conv;
                    if (!NumberSetup.ToDoubleArg(arg, out var d))
                        d = NumberSetup.FloatFrom(arg is PyStr ? throw Err.Type($"must be real number, not {arg.Type.Name}") : arg);
                    sb.Append(TextFormat.FormatFloat(d, align + spec));
                    continue;
                case 'c':
                    sb.Append(arg is PyStr cs ? cs.Value : char.ConvertFromUtf32((int)Ops.IndexLong(arg)));
                    continue;
                default:
                    throw Err.Value($"unsupported format character '{conv}' (0x{(int)conv:x}) at index {i}");
            }
        }
        if (next < items.Length && !isMapping && !(items.Length == 1 && args is not PyTuple && next == 0))
            throw Err.Type("not all arguments converted during string formatting");
        return sb.ToString();
    }

    private static string SignFlags(string f) => f.Contains('+') ? "+" : f.Contains(' ') ? " " : "";
}

/// <summary>str.format (Objects/stringlib/unicode_format.h).</summary>
internal static class StrFormat
{
    public static string Format(string template, ReadOnlySpan<PyObject> args, PyTuple? kw, PyObject? mapping = null)
    {
        var pos = Args.Split(args, kw, out var kwargs);
        var positional = pos.ToArray();
        var sb = new StringBuilder();
        int auto = 0;
        for (int i = 0; i < template.Length; i++)
        {
            char c = template[i];
            if (c == '}')
            {
                if (i + 1 < template.Length && template[i + 1] == '}')
                {
                    sb.Append('}');
                    i++;
                    continue;
                }
                throw Err.Value("Single '}' encountered in format string");
            }
            if (c != '{')
            {
                sb.Append(c);
                continue;
            }
            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                sb.Append('{');
                i++;
                continue;
            }
            int depth = 1, j = i + 1;
            while (j < template.Length && depth > 0)
            {
                if (template[j] == '{')
                    depth++;
                else if (template[j] == '}')
                    depth--;
                if (depth > 0)
                    j++;
            }
            if (j >= template.Length)
                throw Err.Value("Single '{' encountered in format string");
            var field = template[(i + 1)..j];
            i = j;
            string spec = "";
            char conversion = '\0';
            int colon = IndexOutsideBrackets(field, ':');
            if (colon >= 0)
            {
                spec = field[(colon + 1)..];
                field = field[..colon];
            }
            int bang = field.IndexOf('!');
            if (bang >= 0)
            {
                conversion = field.Length > bang + 1 ? field[bang + 1] : throw Err.Value("end of string while looking for conversion specifier");
                field = field[..bang];
            }
            if (spec.Contains('{'))
                spec = Format(spec, args, kw, mapping);
            int k = 0;
            while (k < field.Length && field[k] != '.' && field[k] != '[')
                k++;
            var head = field[..k];
            PyObject value;
            if (head.Length == 0)
            {
                if (auto < 0)
                    throw Err.Value("cannot switch from manual field specification to automatic field numbering");
                if (auto >= positional.Length)
                    throw Err.Index($"Replacement index {auto} out of range for positional args tuple");
                value = positional[auto++];
            }
            else if (int.TryParse(head, out int index))
            {
                if (auto > 0)
                    throw Err.Value("cannot switch from automatic field numbering to manual field specification");
                auto = -1;
                if (index >= positional.Length)
                    throw Err.Index($"Replacement index {index} out of range for positional args tuple");
                value = positional[index];
            }
            else if (mapping is not null)
            {
                value = Ops.GetItem(mapping, PyStr.Of(head));
            }
            else
            {
                value = kwargs is not null && kwargs.TryGetValue(head, out var kv) ? kv : throw Err.Key(PyStr.Of(head));
            }
            while (k < field.Length)
            {
                if (field[k] == '.')
                {
                    int e = k + 1;
                    while (e < field.Length && field[e] != '.' && field[e] != '[')
                        e++;
                    value = Ops.GetAttr(value, field[(k + 1)..e]);
                    k = e;
                }
                else
                {
                    int e = field.IndexOf(']', k);
                    var key = field[(k + 1)..e];
                    value = Ops.GetItem(value, int.TryParse(key, out int ki) ? PyInt.Of(ki) : PyStr.Of(key));
                    k = e + 1;
                }
            }
            value = conversion switch
            {
                'r' => Ops.Repr(value),
                's' => Ops.Str(value),
                'a' => PyStr.Of(BuiltinFunctions.AsciiText(Ops.ReprText(value))),
                '\0' => value,
                _ => throw Err.Value($"Unknown conversion specifier {conversion}"),
            };
            sb.Append(((PyStr)BuiltinFunctions.Format(value, PyStr.Of(spec))).Value);
        }
        return sb.ToString();
    }

    private static int IndexOutsideBrackets(string s, char c)
    {
        int depth = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '[')
                depth++;
            else if (s[i] == ']')
                depth--;
            else if (s[i] == c && depth == 0)
                return i;
        }
        return -1;
    }
}
