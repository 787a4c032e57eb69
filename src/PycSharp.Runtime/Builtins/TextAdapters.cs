using System.Numerics;
using System.Text;
using PycSharp.Format;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;
using PycSharp.Runtime.Text;
using PyStr = PycSharp.Runtime.Objects.PyStr;

namespace PycSharp.Runtime.Builtins;

/// <summary>
/// The VM's side of the Text library: <c>str % x</c>, <c>bytes % x</c>, str.format / format_map, the __format__
/// methods of int, bool, float, complex and str, int(str, base) and float(str). The library raises
/// PyTextException, which the eval loop turns into the Python exception (Err.FromHost).
/// </summary>
internal static class TextAdapters
{
    public static PythonVersion Version => PyRuntime.Current.Version;

    /// <summary>str % operand (Objects/unicodeobject.c PyUnicode_Format).</summary>
    public static string Percent(string format, PyObject operand) =>
        PercentFormat.Format(format, new PercentOperands(operand, bytes: false), Version);

    /// <summary>bytes % operand (Objects/bytesobject.c _PyBytes_FormatEx): the same parser over Latin-1 text.</summary>
    public static byte[] PercentBytes(ReadOnlySpan<byte> format, PyObject operand) =>
        Encoding.Latin1.GetBytes(PercentFormat.Format(Encoding.Latin1.GetString(format), new PercentOperands(operand, bytes: true), Version));

    /// <summary>str.format(*args, **kwargs).</summary>
    public static string Format(string template, ReadOnlySpan<PyObject> args, PyTuple? kw)
    {
        var pos = Args.Split(args, kw, out var kwargs);
        return StrFormat.Format(template, new FormatFields(pos.ToArray(), kwargs, null), Version);
    }

    /// <summary>str.format_map(mapping).</summary>
    public static string FormatMap(string template, PyObject mapping) =>
        StrFormat.Format(template, new FormatFields(null, null, mapping), Version);

    /// <summary>
    /// int.__format__ (also bool's, which inherits it). An empty spec is str(self), so subclasses' __str__ shows
    /// (Objects/longobject.c int___format___impl, Python/formatter_unicode.c _PyLong_FormatAdvancedWriter).
    /// </summary>
    public static PyObject FormatInt(PyObject self, PyObject spec)
    {
        var s = SpecText(spec);
        if (s.Length == 0)
            return Ops.Str(self);
        var i = (PyInt)self;
        return PyStr.Of(i.IsSmall
            ? NumberFormat.Int(i.Small, s, Version, self.Type.Name)
            : NumberFormat.Int(i.Value, s, Version, self.Type.Name));
    }

    /// <summary>float.__format__ (Objects/floatobject.c float___format___impl).</summary>
    public static PyObject FormatFloat(PyObject self, PyObject spec)
    {
        var s = SpecText(spec);
        return s.Length == 0 ? Ops.Str(self) : PyStr.Of(NumberFormat.Float(((PyFloat)self).Value, s, Version, self.Type.Name));
    }

    /// <summary>complex.__format__ (Objects/complexobject.c complex___format___impl).</summary>
    public static PyObject FormatComplex(PyObject self, PyObject spec)
    {
        var s = SpecText(spec);
        var c = (PyComplex)self;
        return s.Length == 0 ? Ops.Str(self) : PyStr.Of(NumberFormat.Complex(c.Real, c.Imag, s, Version, self.Type.Name));
    }

    /// <summary>repr(complex): the empty-spec form of the library's complex formatting (complexobject.c complex_repr).</summary>
    public static string ComplexRepr(double real, double imag) => NumberFormat.Complex(real, imag, "", Version);

    /// <summary>str.__format__ (Objects/unicodeobject.c unicode___format___impl).</summary>
    public static PyObject FormatStr(PyObject self, PyObject spec)
    {
        var s = SpecText(spec);
        if (s.Length == 0)
            return self.GetType() == typeof(PyStr) ? self : Ops.Str(self);
        return PyStr.Of(NumberFormat.Str(((PyStr)self).Value, s, Version, self.Type.Name));
    }

    private static string SpecText(PyObject spec) =>
        spec is PyStr s ? s.Value : throw Err.Type($"__format__() argument must be str, not {spec.Type.Name}");

    /// <summary>
    /// int(text, base) for a str, bytes or bytearray (Objects/longobject.c PyLong_FromUnicodeObject,
    /// _PyLong_FromBytes); the error shows the original object's repr, so b'..' for bytes.
    /// </summary>
    public static BigInteger ParseInt(PyObject original, int @base)
    {
        if (original is PyStr s)
            return IntText.Parse(s.Value, @base, Version);
        var text = Encoding.Latin1.GetString(BytesView(original));
        try
        {
            return IntText.Parse(text, @base, Version);
        }
        catch (PyTextException e) when (e.Message.StartsWith("invalid literal", StringComparison.Ordinal))
        {
            var repr = Ops.ReprText(original);
            if (repr.Length > 200)
                repr = repr[..200];
            throw Err.Value($"invalid literal for int() with base {@base}: {repr}");
        }
    }

    private static byte[] BytesView(PyObject o) => o switch
    {
        PyBytes b => b.Value,
        PyByteArray ba => [.. ba.Value],
        _ => throw Err.Type($"a bytes-like object is required, not '{o.Type.Name}'"),
    };

    /// <summary>float(str) (Objects/floatobject.c PyFloat_FromString).</summary>
    public static double ParseFloat(string text) => FloatText.Parse(text, Version);

    /// <summary>ascii(x): repr(x) with every non-ASCII code point escaped (Objects/object.c PyObject_ASCII).</summary>
    public static string Ascii(PyObject o) => BuiltinFunctions.AsciiText(Ops.ReprText(o));

    /// <summary>
    /// The operand of '%'. In bytes mode (Objects/bytesobject.c) %s/%b take a bytes-like object or __bytes__,
    /// %r/%a are ascii(), %c takes one byte or an int in range(256), and mapping keys are bytes.
    /// </summary>
    private sealed class PercentOperands(PyObject operand, bool bytes) : IPercentOperands
    {
        private readonly PyTuple? _tuple = operand as PyTuple;

        public bool IsTuple => _tuple is not null;

        public int Count => _tuple!.Items.Length;

        public object Get(int index) => _tuple!.Items[index];

        // unicode/bytes format: PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args)
        // (bytesobject.c also leaves out bytes and bytearray).
        public bool IsMapping => _tuple is null && operand is not PyStr
            && !(bytes && operand is PyBytes or PyByteArray)
            && (operand.Type.GetItem is not null || operand.Type.Lookup("__getitem__") is not null);

        public bool IsBytes => bytes;

        public object GetItem(string key) =>
            Ops.GetItem(operand, bytes ? new PyBytes(Encoding.Latin1.GetBytes(key)) : PyStr.Of(key));

        public object Value => operand;

        public string Str(object value) => bytes ? BytesOf((PyObject)value) : Ops.StrText((PyObject)value);

        public string Repr(object value) => bytes ? Ascii((PyObject)value) : Ops.ReprText((PyObject)value);

        string IPercentOperands.Ascii(object value) => TextAdapters.Ascii((PyObject)value);

        public string TypeName(object value) => ((PyObject)value).Type.Name;

        /// <summary>%b / %s of bytes: a buffer, else __bytes__ (bytesobject.c format_obj).</summary>
        private static string BytesOf(PyObject v)
        {
            if (v is PyBytes or PyByteArray)
                return Encoding.Latin1.GetString(BytesView(v));
            if (v.Type.Lookup("__bytes__") is { } f)
            {
                var r = Ops.CallWithSelfDescriptor(f, v, []);
                return r is PyBytes rb ? Encoding.Latin1.GetString(rb.Value)
                    : throw Err.Type($"__bytes__ returned non-bytes (type {r.Type.Name})");
            }
            throw Err.Type($"%b requires a bytes-like object, or an object that implements __bytes__, not '{v.Type.Name}'");
        }

        public bool TryGetInteger(object value, IntegerConversion conversion, out BigInteger result)
        {
            var v = (PyObject)value;
            result = default;
            if (v is PyInt i)
            {
                result = i.Value;
                return true;
            }
            if (conversion == IntegerConversion.IntInstance)
                return false;
            var t = v.Type;
            if (conversion == IntegerConversion.Index)
            {
                if (t.Index is null)
                    return false;
                result = Ops.Index(v).Value;
                return true;
            }
            // PyNumber_Check, then PyNumber_Long; its TypeError becomes the format's own message.
            if (v is PyFloat f)
            {
                result = NumberSetup.FloatToInt(f.Value);
                return true;
            }
            if (t.Index is null && t.Int is null && t.Float is null && v is not PyComplex)
                return false;
            try
            {
                result = NumberSetup.IntFrom(v, null);
                return true;
            }
            catch (PyException e) when (Err.Matches(e, PyType.TypeError))
            {
                return false;
            }
        }

        public bool TryGetFloat(object value, out double result)
        {
            var v = (PyObject)value;
            result = 0;
            if (v is not (PyFloat or PyInt) && v.Type.Float is null && v.Type.Index is null)
                return false;
            result = NumberSetup.FloatFrom(v);
            return true;
        }

        public bool TryGetString(object value, out string text)
        {
            text = "";
            if (bytes)
            {
                if (value is not (PyBytes or PyByteArray))
                    return false;
                text = Encoding.Latin1.GetString(BytesView((PyObject)value));
                return true;
            }
            if (value is not PyStr s)
                return false;
            text = s.Value;
            return true;
        }
    }

    /// <summary>The arguments of str.format (positional and keyword) or format_map (a mapping).</summary>
    private sealed class FormatFields(PyObject[]? positional, Dictionary<string, PyObject>? keywords, PyObject? mapping) : IFormatFields
    {
        public int PositionalCount => positional?.Length ?? -1;

        public object Positional(int index) => positional![index];

        public object Keyword(string name)
        {
            if (mapping is not null)
                return Ops.GetItem(mapping, PyStr.Of(name));
            return keywords is not null && keywords.TryGetValue(name, out var v) ? v : throw Err.Key(PyStr.Of(name));
        }

        public object GetAttribute(object value, string name) => Ops.GetAttr((PyObject)value, name);

        public object GetItem(object value, int index) => Ops.GetItem((PyObject)value, PyInt.Of(index));

        public object GetItem(object value, string key) => Ops.GetItem((PyObject)value, PyStr.Of(key));

        public string Convert(object value, char conversion) => conversion switch
        {
            'r' => Ops.ReprText((PyObject)value),
            's' => Ops.StrText((PyObject)value),
            _ => Ascii((PyObject)value),
        };

        public string FormatValue(object value, string spec) =>
            ((PyStr)BuiltinFunctions.Format((PyObject)value, PyStr.Of(spec))).Value;
    }
}
