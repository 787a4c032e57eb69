using System.Globalization;
using System.Text;
using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// json (Lib/json/encoder.py, decoder.py, scanner.py and Modules/_json.c): dumps/loads (and dump/load on file
/// objects) with CPython's output spacing, escapes and JSONDecodeError messages.
/// </summary>
internal static class JsonModule
{
    private static readonly Lazy<PyType> DecodeErrorType = new(MakeDecodeError);
    private static readonly Lazy<PyType> EncoderType = new(MakeEncoderType);

    public static PyModule Create(PyRuntime rt)
    {
        var m = new PyModule("json");
        int minor = rt.Version.Minor;
        m.Set("JSONDecodeError", DecodeErrorType.Value);
        m.Set("JSONEncoder", EncoderType.Value);
        BuiltinModules.Def(m, "dumps", (a, k) => PyStr.Of(Dumps("dumps", a, k, 1, minor, out _)));
        BuiltinModules.Def(m, "dump", (a, k) =>
        {
            var text = Dumps("dump", a, k, 2, minor, out var fp);
            Ops.Call(Ops.GetAttr(fp!, "write"), PyStr.Of(text));
            return PyNone.Instance;
        });
        BuiltinModules.Def(m, "loads", (a, k) => Loads("loads", a, k, minor, null));
        BuiltinModules.Def(m, "load", (a, k) =>
        {
            var pos = Args.Split(a, k, out _);
            if (pos.Length == 0)
                throw Err.Type("load() missing 1 required positional argument: 'fp'");
            var text = Ops.Call(Ops.GetAttr(pos[0], "read"));
            return Loads("load", a, k, minor, text);
        });
        return m;
    }

    // ---- encoding (Lib/json/encoder.py) ----

    private sealed class Encoder
    {
        public bool SkipKeys, EnsureAscii = true, CheckCircular = true, AllowNan = true, SortKeys;
        public string? Indent;
        public string ItemSeparator = ", ", KeySeparator = ": ";
        public PyObject? Default;
        public int Minor;
        private readonly HashSet<PyObject> _markers = new(ReferenceEqualityComparer.Instance);
        public readonly StringBuilder Out = new();

        public void Encode(PyObject o, int level)
        {
            switch (o)
            {
                case PyStr s:
                    EncodeString(s.Value);
                    return;
                case PyNone:
                    Out.Append("null");
                    return;
                case PyBool b:
                    Out.Append(b == PyBool.True ? "true" : "false");
                    return;
                case PyInt:
                    Out.Append(PyType.IntType.Repr!(o).Value);
                    return;
                case PyFloat f:
                    Out.Append(FloatText(f, o));
                    return;
                case PyList or PyTuple:
                    EncodeList(o, level);
                    return;
                case PyDict d:
                    EncodeDict(d, level);
                    return;
            }
            Enter(o);
            var replacement = Default is null
                ? throw Err.Type($"Object of type {o.Type.Name} is not JSON serializable")
                : Ops.Call(Default, o);
            Encode(replacement, level);
            Leave(o);
        }

        private void Enter(PyObject o)
        {
            if (CheckCircular && !_markers.Add(o))
                throw Err.Value("Circular reference detected");
        }

        private void Leave(PyObject o)
        {
            if (CheckCircular)
                _markers.Remove(o);
        }

        /// <summary>encoder.py floatstr: float.__repr__, or the JavaScript names of the non-finite values.</summary>
        private string FloatText(PyFloat f, PyObject o)
        {
            double v = f.Value;
            string text = double.IsNaN(v) ? "NaN" : double.IsPositiveInfinity(v) ? "Infinity" : double.IsNegativeInfinity(v) ? "-Infinity" : PyType.FloatType.Repr!(o).Value;
            if (!double.IsFinite(v) && !AllowNan)
                throw Err.Value("Out of range float values are not JSON compliant" + (Minor >= 12 ? ": " + PyType.FloatType.Repr!(o).Value : ""));
            return text;
        }

        private void NewLine(int level)
        {
            Out.Append('\n');
            for (int i = 0; i < level; i++)
                Out.Append(Indent);
        }

        private void EncodeList(PyObject o, int level)
        {
            var items = o is PyList l ? l.ToArray() : ((PyTuple)o).Items;
            if (items.Length == 0)
            {
                Out.Append("[]");
                return;
            }
            Enter(o);
            Out.Append('[');
            if (Indent is not null)
                NewLine(level + 1);
            for (int i = 0; i < items.Length; i++)
            {
                if (i > 0)
                {
                    Out.Append(ItemSeparator);
                    if (Indent is not null)
                        NewLine(level + 1);
                }
                Encode(items[i], level + 1);
            }
            if (Indent is not null)
                NewLine(level);
            Out.Append(']');
            Leave(o);
        }

        private void EncodeDict(PyDict d, int level)
        {
            if (d.Count == 0)
            {
                Out.Append("{}");
                return;
            }
            Enter(d);
            Out.Append('{');
            if (Indent is not null)
                NewLine(level + 1);
            IEnumerable<KeyValuePair<PyObject, PyObject>> items = d.Items().ToList();
            if (SortKeys)
            {
                // sorted(dct.items()): through list.sort for Python's comparisons and messages.
                var list = PyList.Of(items.Select(kv => (PyObject)PyTuple.Of(kv.Key, kv.Value)).ToArray());
                Ops.Call(Ops.GetAttr(list, "sort"));
                items = list.ToArray().Select(p => new KeyValuePair<PyObject, PyObject>(((PyTuple)p)[0], ((PyTuple)p)[1])).ToList();
            }
            bool first = true;
            foreach (var (key, value) in items)
            {
                string? k = key switch
                {
                    PyStr s => s.Value,
                    PyFloat f => FloatText(f, key),
                    PyBool b => b == PyBool.True ? "true" : "false",
                    PyNone => "null",
                    PyInt => PyType.IntType.Repr!(key).Value,
                    _ when SkipKeys => null,
                    _ => throw Err.Type($"keys must be str, int, float, bool or None, not {key.Type.Name}"),
                };
                if (k is null)
                    continue;
                if (!first)
                {
                    Out.Append(ItemSeparator);
                    if (Indent is not null)
                        NewLine(level + 1);
                }
                first = false;
                EncodeString(k);
                Out.Append(KeySeparator);
                Encode(value, level + 1);
            }
            if (Indent is not null)
                NewLine(level);
            Out.Append('}');
            Leave(d);
        }

        /// <summary>encoder.py py_encode_basestring(_ascii): the two-character escapes, then \uXXXX.</summary>
        private void EncodeString(string s)
        {
            Out.Append('"');
            foreach (char c in s)
            {
                switch (c)
                {
                    case '"': Out.Append("\\\""); break;
                    case '\\': Out.Append("\\\\"); break;
                    case '\n': Out.Append("\\n"); break;
                    case '\r': Out.Append("\\r"); break;
                    case '\t': Out.Append("\\t"); break;
                    case '\b': Out.Append("\\b"); break;
                    case '\f': Out.Append("\\f"); break;
                    default:
                        // UTF-16 code units are exactly the \u escapes of a surrogate pair.
                        if (c < 0x20 || (EnsureAscii && c > 0x7e))
                            Out.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else
                            Out.Append(c);
                        break;
                }
            }
            Out.Append('"');
        }
    }

    private static readonly string[] s_encoderOptions = ["skipkeys", "ensure_ascii", "check_circular", "allow_nan", "sort_keys", "indent", "separators", "default"];

    private static string Dumps(string fname, ReadOnlySpan<PyObject> a, PyTuple? k, int npos, int minor, out PyObject? fp)
    {
        var pos = Args.Split(a, k, out var kwargs);
        if (pos.Length < npos)
            throw Err.Type(npos == 1 ? $"{fname}() missing 1 required positional argument: 'obj'" : $"{fname}() missing {npos - pos.Length} required positional argument{(npos - pos.Length == 1 ? "" : "s")}: {(pos.Length == 0 ? "'obj' and 'fp'" : "'fp'")}");
        if (pos.Length > npos)
            throw Err.Type($"{fname}() takes {npos} positional argument{(npos == 1 ? "" : "s")} but {pos.Length} were given");
        fp = npos == 2 ? pos[1] : null;
        kwargs ??= [];
        var cls = Args.Take(kwargs, "cls");
        if (cls is not null and not PyNone)
        {
            // Lib/json/__init__.py dumps: cls(skipkeys=..., ..., **kw).encode(obj).
            var names = kwargs.Keys.ToArray();
            var values = names.Select(n => kwargs[n]).ToArray();
            var encoder = Ops.Call(cls, values, PyTuple.Of(names.Select(n => (PyObject)PyStr.Of(n)).ToArray()));
            return Ops.StrText(Ops.Call(Ops.GetAttr(encoder, "encode"), pos[0]));
        }
        foreach (var key in kwargs.Keys)
        {
            if (Array.IndexOf(s_encoderOptions, key) < 0)
                throw Err.Type($"__init__() got an unexpected keyword argument '{key}'");
        }
        var e = MakeEncoder(name => kwargs.TryGetValue(name, out var x) ? x : null, minor, null);
        e.Encode(pos[0], 0);
        return e.Out.ToString();
    }

    /// <summary>An encoder configured as JSONEncoder.__init__ configures itself (Lib/json/encoder.py).</summary>
    private static Encoder MakeEncoder(Func<string, PyObject?> get, int minor, PyObject? self)
    {
        bool Flag(string name, bool dflt) => get(name) is { } x ? Ops.IsTrue(x) : dflt;
        var e = new Encoder
        {
            SkipKeys = Flag("skipkeys", false),
            EnsureAscii = Flag("ensure_ascii", true),
            CheckCircular = Flag("check_circular", true),
            AllowNan = Flag("allow_nan", true),
            SortKeys = Flag("sort_keys", false),
            Default = get("default") is { } d and not PyNone ? d : null,
            Minor = minor,
        };
        if (get("indent") is { } indent and not PyNone)
        {
            // encoder.py: an int indent is that many spaces, a str is used as it is.
            e.Indent = indent is PyStr si ? si.Value : new string(' ', (int)Math.Max(0, Ops.IndexLong(indent)));
            e.ItemSeparator = ",";
        }
        if (self is not null)
        {
            e.ItemSeparator = Ops.StrText(Ops.GetAttr(self, "item_separator"));
            e.KeySeparator = Ops.StrText(Ops.GetAttr(self, "key_separator"));
        }
        else if (get("separators") is { } seps and not PyNone)
        {
            var pair = Ops.ToArray(seps);
            if (pair.Length != 2)
                throw Err.Value($"{(pair.Length > 2 ? "too many" : "not enough")} values to unpack (expected 2, got {pair.Length})");
            e.ItemSeparator = Ops.StrText(pair[0]);
            e.KeySeparator = Ops.StrText(pair[1]);
        }
        return e;
    }

    /// <summary>json.JSONEncoder: options kept as attributes, encode() reads them back; default() may be overridden.</summary>
    private static PyType MakeEncoderType()
    {
        var ns = new PyDict();
        ns.SetStr("__module__", PyStr.Of("json.encoder"));
        ns.SetStr("__qualname__", PyStr.Of("JSONEncoder"));
        ns.SetStr("item_separator", PyStr.Of(", "));
        ns.SetStr("key_separator", PyStr.Of(": "));
        ns.SetStr("__init__", new PyMethodDescriptor(PyType.ObjectType, "__init__", (self, a, k) =>
        {
            var v = LibSupport.Bind("__init__", a, k, s_encoderOptions, 0, keywordOnlyFrom: 0);
            bool[] dflt = [false, true, true, true, false];
            for (int i = 0; i < 5; i++)
                Ops.SetAttr(self, s_encoderOptions[i], v[i] is { } x ? x : PyBool.Of(dflt[i]));
            Ops.SetAttr(self, "indent", v[5] ?? PyNone.Instance);
            if (v[6] is { } seps and not PyNone)
            {
                var pair = Ops.ToArray(seps);
                if (pair.Length != 2)
                    throw Err.Value($"{(pair.Length > 2 ? "too many" : "not enough")} values to unpack (expected 2, got {pair.Length})");
                Ops.SetAttr(self, "item_separator", pair[0]);
                Ops.SetAttr(self, "key_separator", pair[1]);
            }
            else if (v[5] is not null and not PyNone)
            {
                Ops.SetAttr(self, "item_separator", PyStr.Of(","));
            }
            if (v[7] is { } d and not PyNone)
                Ops.SetAttr(self, "default", d);
            return PyNone.Instance;
        }));
        ns.SetStr("default", new PyMethodDescriptor(PyType.ObjectType, "default", (self, a, k) =>
        {
            Args.Exactly("default", a, k, 1);
            throw Err.Type($"Object of type {a[0].Type.Name} is not JSON serializable");
        }));
        ns.SetStr("encode", new PyMethodDescriptor(PyType.ObjectType, "encode", (self, a, k) =>
        {
            Args.Exactly("encode", a, k, 1);
            var e = MakeEncoder(name => name == "default" ? Ops.GetAttr(self, "default") : Ops.TryGetAttr(self, name), PyRuntime.Current.Version.Minor, self);
            e.Encode(a[0], 0);
            return PyStr.Of(e.Out.ToString());
        }));
        return PyType.CreateClass(PyType.TypeType, "JSONEncoder", [PyType.ObjectType], ns);
    }

    // ---- decoding (Lib/json/decoder.py, scanner.py) ----

    private static PyType MakeDecodeError()
    {
        var ns = new PyDict();
        ns.SetStr("__module__", PyStr.Of("json.decoder"));
        ns.SetStr("__qualname__", PyStr.Of("JSONDecodeError"));
        ns.SetStr("__doc__", PyStr.Of("Subclass of ValueError with the following additional properties:\n\n    msg: The unformatted error message\n    doc: The JSON document being parsed\n    pos: The start index of doc where parsing failed\n    lineno: The line corresponding to pos\n    colno: The column corresponding to pos\n\n    "));
        ns.SetStr("__init__", new PyMethodDescriptor(PyType.ValueError, "__init__", (self, a, k) =>
        {
            var v = LibSupport.Bind("__init__", a, k, ["msg", "doc", "pos"], 3);
            var doc = Ops.StrText(v[1]!);
            int pos = (int)Ops.IndexLong(v[2]!);
            int lineno = 1, lastNewline = -1;
            for (int i = 0; i < pos && i < doc.Length; i++)
            {
                if (doc[i] == '\n')
                {
                    lineno++;
                    lastNewline = i;
                }
            }
            int colno = pos - lastNewline;
            var msg = Ops.StrText(v[0]!);
            ((PyBaseException)self).Args = PyTuple.Of(PyStr.Of($"{msg}: line {lineno} column {colno} (char {pos})"));
            Ops.SetAttr(self, "msg", v[0]!);
            Ops.SetAttr(self, "doc", v[1]!);
            Ops.SetAttr(self, "pos", v[2]!);
            Ops.SetAttr(self, "lineno", PyInt.Of(lineno));
            Ops.SetAttr(self, "colno", PyInt.Of(colno));
            return PyNone.Instance;
        }));
        return PyType.CreateClass(PyType.TypeType, "JSONDecodeError", [PyType.ValueError], ns);
    }

    private static PyException DecodeError(string msg, string doc, int pos) =>
        new((PyBaseException)Ops.Call(DecodeErrorType.Value, [PyStr.Of(msg), PyStr.Of(doc), PyInt.Of(pos)]));

    private static PyObject Loads(string fname, ReadOnlySpan<PyObject> a, PyTuple? k, int minor, PyObject? text)
    {
        string[] names = ["s", "cls", "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook", "strict"];
        var pos = Args.Split(a, k, out var kwargs);
        if (text is null)
        {
            if (pos.Length == 0)
                throw Err.Type($"{fname}() missing 1 required positional argument: 's'");
            if (pos.Length > 1)
                throw Err.Type($"{fname}() takes 1 positional argument but {pos.Length} were given");
            text = pos[0];
        }
        var options = new Dictionary<string, PyObject>();
        if (kwargs is not null)
        {
            foreach (var (key, value) in kwargs)
            {
                if (key != "fp" && Array.IndexOf(names, key) < 1)
                    throw Err.Type($"{fname}() got an unexpected keyword argument '{key}'");
                options[key] = value;
            }
        }
        string s;
        if (text is PyStr str)
        {
            s = str.Value;
            if (s.StartsWith('\ufeff'))
                throw DecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0);
        }
        else if (text is PyBytes or PyByteArray)
        {
            s = Ops.StrText(Ops.Call(Ops.GetAttr(text, "decode"), PyStr.Of("utf-8")));
        }
        else
        {
            throw Err.Type($"the JSON object must be str, bytes or bytearray, not {text.Type.Name}");
        }
        PyObject? Opt(string name) => options.TryGetValue(name, out var x) && x is not PyNone ? x : null;
        var d = new Decoder(s, minor)
        {
            ObjectHook = Opt("object_hook"),
            PairsHook = Opt("object_pairs_hook"),
            ParseFloat = Opt("parse_float"),
            ParseInt = Opt("parse_int"),
            ParseConstant = Opt("parse_constant"),
            Strict = !options.TryGetValue("strict", out var strict) || Ops.IsTrue(strict),
        };
        int end = d.SkipWhitespace(0);
        var obj = d.ScanOnce(end, out end) ?? throw DecodeError("Expecting value", s, end);
        end = d.SkipWhitespace(end);
        if (end != s.Length)
            throw DecodeError("Extra data", s, end);
        return obj;
    }

    private sealed class Decoder(string s, int minor)
    {
        public PyObject? ObjectHook, PairsHook, ParseFloat, ParseInt, ParseConstant;
        public bool Strict = true;

        public int SkipWhitespace(int i)
        {
            while (i < s.Length && s[i] is ' ' or '\t' or '\n' or '\r')
                i++;
            return i;
        }

        private char At(int i) => i < s.Length ? s[i] : '\0';

        private bool Matches(int i, string word) => string.CompareOrdinal(s, i, word, 0, word.Length) == 0 && i + word.Length <= s.Length;

        private PyObject Constant(string name, double value) =>
            ParseConstant is null ? new PyFloat(value) : Ops.Call(ParseConstant, PyStr.Of(name));

        /// <summary>scanner.py scan_once: null where "Expecting value" (StopIteration) applies, at <paramref name="idx"/>.</summary>
        public PyObject? ScanOnce(int idx, out int end)
        {
            end = idx;
            if (idx >= s.Length)
                return null;
            switch (s[idx])
            {
                case '"':
                    return ScanString(idx + 1, out end);
                case '{':
                    using (Recursion.Enter(" while decoding a JSON object from a unicode string"))
                        return ParseObject(idx + 1, out end);
                case '[':
                    using (Recursion.Enter(" while decoding a JSON array from a unicode string"))
                        return ParseArray(idx + 1, out end);
                case 'n' when Matches(idx, "null"):
                    end = idx + 4;
                    return PyNone.Instance;
                case 't' when Matches(idx, "true"):
                    end = idx + 4;
                    return PyBool.True;
                case 'f' when Matches(idx, "false"):
                    end = idx + 5;
                    return PyBool.False;
                case 'N' when Matches(idx, "NaN"):
                    end = idx + 3;
                    return Constant("NaN", double.NaN);
                case 'I' when Matches(idx, "Infinity"):
                    end = idx + 8;
                    return Constant("Infinity", double.PositiveInfinity);
                case '-' when Matches(idx, "-Infinity"):
                    end = idx + 9;
                    return Constant("-Infinity", double.NegativeInfinity);
            }
            return ScanNumber(idx, out end);
        }

        /// <summary>NUMBER_RE: (-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?</summary>
        private PyObject? ScanNumber(int idx, out int end)
        {
            int i = idx;
            end = idx;
            if (At(i) == '-')
                i++;
            if (At(i) == '0')
                i++;
            else if (At(i) is >= '1' and <= '9')
                while (char.IsAsciiDigit(At(i)))
                    i++;
            else
                return null;
            bool isFloat = false;
            if (At(i) == '.' && char.IsAsciiDigit(At(i + 1)))
            {
                i += 2;
                while (char.IsAsciiDigit(At(i)))
                    i++;
                isFloat = true;
            }
            if (At(i) is 'e' or 'E')
            {
                int j = i + 1;
                if (At(j) is '+' or '-')
                    j++;
                if (char.IsAsciiDigit(At(j)))
                {
                    while (char.IsAsciiDigit(At(j)))
                        j++;
                    i = j;
                    isFloat = true;
                }
            }
            end = i;
            var text = PyStr.Of(s[idx..i]);
            if (isFloat)
                return ParseFloat is null ? Ops.Call(PyType.FloatType, text) : Ops.Call(ParseFloat, text);
            return ParseInt is null ? Ops.Call(PyType.IntType, text) : Ops.Call(ParseInt, text);
        }

        /// <summary>decoder.py py_scanstring: <paramref name="idx"/> is just after the opening quote.</summary>
        private PyObject ScanString(int idx, out int end)
        {
            int begin = idx - 1;
            var sb = new StringBuilder();
            int i = idx;
            while (true)
            {
                if (i >= s.Length)
                    throw DecodeError("Unterminated string starting at", s, begin);
                char c = s[i];
                if (c == '"')
                {
                    end = i + 1;
                    return PyStr.Of(sb.ToString());
                }
                if (c != '\\')
                {
                    if (c < 0x20 && Strict)
                        throw DecodeError("Invalid control character at", s, i);
                    sb.Append(c);
                    i++;
                    continue;
                }
                i++;
                if (i >= s.Length)
                    throw DecodeError("Unterminated string starting at", s, begin);
                char esc = s[i];
                if (esc != 'u')
                {
                    char? r = esc switch
                    {
                        '"' => '"', '\\' => '\\', '/' => '/', 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => null,
                    };
                    if (r is null)
                        throw DecodeError("Invalid \\escape", s, i - 1);
                    sb.Append(r.Value);
                    i++;
                    continue;
                }
                // Modules/_json.c scanstring_unicode: four digits and something after them, errors at the 'u'.
                if (i + 5 >= s.Length)
                    throw DecodeError("Invalid \\uXXXX escape", s, i);
                int uni = Hex4(i + 1) ?? throw DecodeError("Invalid \\uXXXX escape", s, i);
                i += 5;
                // A high surrogate followed by an escaped low one is one code point.
                if (uni is >= 0xd800 and <= 0xdbff && i + 6 < s.Length && At(i) == '\\' && At(i + 1) == 'u')
                {
                    int low = Hex4(i + 2) ?? throw DecodeError("Invalid \\uXXXX escape", s, i + 1);
                    if (low is >= 0xdc00 and <= 0xdfff)
                    {
                        sb.Append((char)uni).Append((char)low);
                        i += 6;
                        continue;
                    }
                }
                sb.Append((char)uni);
            }
        }

        private int? Hex4(int i)
        {
            if (i + 4 > s.Length)
                return null;
            int v = 0;
            for (int j = i; j < i + 4; j++)
            {
                int d = s[j] switch
                {
                    >= '0' and <= '9' => s[j] - '0',
                    >= 'a' and <= 'f' => s[j] - 'a' + 10,
                    >= 'A' and <= 'F' => s[j] - 'A' + 10,
                    _ => -1,
                };
                if (d < 0)
                    return null;
                v = v * 16 + d;
            }
            return v;
        }

        private PyObject FinishObject(List<PyObject> pairs)
        {
            if (PairsHook is not null)
                return Ops.Call(PairsHook, PyList.Of(pairs.ToArray()));
            var d = new PyDict();
            foreach (var p in pairs)
                d.SetItem(((PyTuple)p)[0], ((PyTuple)p)[1]);
            return ObjectHook is null ? d : Ops.Call(ObjectHook, d);
        }

        /// <summary>decoder.py JSONObject: <paramref name="end"/> starts just after the brace.</summary>
        private PyObject ParseObject(int idx, out int end)
        {
            var pairs = new List<PyObject>();
            end = SkipWhitespace(idx);
            if (At(end) == '}' && end < s.Length)
            {
                end++;
                return FinishObject(pairs);
            }
            if (At(end) != '"' || end >= s.Length)
                throw DecodeError("Expecting property name enclosed in double quotes", s, end);
            end++;
            while (true)
            {
                var key = ScanString(end, out end);
                end = SkipWhitespace(end);
                if (At(end) != ':' || end >= s.Length)
                    throw DecodeError("Expecting ':' delimiter", s, end);
                end = SkipWhitespace(end + 1);
                var value = ScanOnce(end, out var after) ?? throw DecodeError("Expecting value", s, end);
                pairs.Add(PyTuple.Of(key, value));
                end = SkipWhitespace(after);
                char next = end < s.Length ? s[end] : '\0';
                end++;
                if (next == '}' && end <= s.Length)
                    break;
                if (next != ',' || end > s.Length)
                    throw DecodeError("Expecting ',' delimiter", s, end - 1);
                int comma = end - 1;
                end = SkipWhitespace(end);
                next = end < s.Length ? s[end] : '\0';
                end++;
                if (next != '"' || end > s.Length)
                {
                    if (next == '}' && minor >= 13)
                        throw DecodeError("Illegal trailing comma before end of object", s, comma);
                    throw DecodeError("Expecting property name enclosed in double quotes", s, end - 1);
                }
            }
            return FinishObject(pairs);
        }

        /// <summary>decoder.py JSONArray: <paramref name="end"/> starts just after the bracket.</summary>
        private PyObject ParseArray(int idx, out int end)
        {
            var values = new List<PyObject>();
            end = SkipWhitespace(idx);
            if (At(end) == ']' && end < s.Length)
            {
                end++;
                return new PyList();
            }
            while (true)
            {
                var value = ScanOnce(end, out var after) ?? throw DecodeError("Expecting value", s, end);
                values.Add(value);
                end = SkipWhitespace(after);
                char next = end < s.Length ? s[end] : '\0';
                end++;
                if (next == ']' && end <= s.Length)
                    break;
                if (next != ',' || end > s.Length)
                    throw DecodeError("Expecting ',' delimiter", s, end - 1);
                int comma = end - 1;
                end = SkipWhitespace(end);
                if (minor >= 13 && At(end) == ']' && end < s.Length)
                    throw DecodeError("Illegal trailing comma before end of array", s, comma);
            }
            return PyList.Of(values.ToArray());
        }
    }
}
