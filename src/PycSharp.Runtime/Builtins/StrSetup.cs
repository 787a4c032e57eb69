using System.Text;
using PycSharp.Format.Text;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>str (Objects/unicodeobject.c).</summary>
internal static class StrSetup
{
    private static string S(PyObject o) => ((PyStr)o).Value;

    private static string Arg(PyObject o, string method) =>
        o is PyStr s ? s.Value : throw Err.Type($"must be str, not {o.Type.Name}");

    public static string Repr(PyStr s)
    {
        var v = s.Value;
        bool simple = true;
        foreach (var c in v)
        {
            if (c < ' ' || c > '~' || c == '\'' || c == '\\')
            {
                simple = false;
                break;
            }
        }
        if (simple)
            return "'" + v + "'";
        return PyRepr.String(s.CodePoints(), PyRuntime.Current.Version);
    }

    public static void Install()
    {
        var t = PyType.StrType;
        t.Repr = o => PyStr.Of(Repr((PyStr)o));
        t.Str = o => o.GetType() == typeof(PyStr) ? (PyStr)o : new PyStr(S(o));
        t.Hash = o => ((PyStr)o).HashValue;
        t.Compare = (a, b, op) => b is PyStr sb ? PyStr.RichCompare((PyStr)a, sb, op) : Ops.NotImplemented;
        t.Len = o => ((PyStr)o).Length;
        t.Bool = o => S(o).Length > 0;
        t.Contains = (o, x) => x is PyStr xs ? S(o).Contains(xs.Value, StringComparison.Ordinal)
            : throw Err.Type($"'in <string>' requires string as left operand, not {x.Type.Name}");
        t.Iter = o => new PyStrIterator((PyStr)o);
        t.GetItem = (o, k) =>
        {
            var s = (PyStr)o;
            if (k is PySlice sl)
            {
                if (!s.IsSimple)
                {
                    var cps = s.CodePoints();
                    int n0 = Slices.Indices(sl, cps.Length, out int a0, out _, out int st0);
                    var r = new int[n0];
                    for (int i = 0; i < n0; i++)
                        r[i] = cps[a0 + i * st0];
                    return PyStr.FromCodePoints(r);
                }
                int n = Slices.Indices(sl, s.Value.Length, out int start, out _, out int step);
                if (step == 1)
                    return PyStr.Of(s.Value.Substring(start, n));
                var sb = new StringBuilder(n);
                for (int i = 0; i < n; i++)
                    sb.Append(s.Value[start + i * step]);
                return PyStr.Of(sb.ToString());
            }
            if (k is not PyInt)
                throw Err.Type($"string indices must be integers, not '{k.Type.Name}'");
            if (!s.IsSimple)
            {
                var cps = s.CodePoints();
                return PyStr.FromCodePoint(cps[Slices.Index(k, cps.Length, "string")]);
            }
            return PyStr.Char(s.Value[Slices.Index(k, s.Value.Length, "string")]);
        };
        t.Num[(int)NumOp.Add] = (a, b) => a is PyStr x && b is PyStr y ? PyStr.Concat(x, y)
            : a is PyStr && b is not PyStr && b.Type.Num[(int)NumOp.Add] is null ? throw Err.Type($"can only concatenate str (not \"{b.Type.Name}\") to str") : Ops.NotImplemented;
        t.Num[(int)NumOp.Multiply] = (a, b) =>
        {
            if (a is PyStr s && b is PyInt n)
                return PyStr.Of(Repeat(s.Value, n));
            if (b is PyStr s2 && a is PyInt n2)
                return PyStr.Of(Repeat(s2.Value, n2));
            return Ops.NotImplemented;
        };
        t.Num[(int)NumOp.Remainder] = (a, b) => a is PyStr s ? PyStr.Of(TextAdapters.Percent(s.Value, b)) : Ops.NotImplemented;
        t.New = (type, args, kw) =>
        {
            var pos = Args.Split(args, kw, out var kwargs);
            var obj = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "object");
            var encoding = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "encoding");
            var errors = pos.Length > 2 ? pos[2] : Args.Take(kwargs, "errors");
            Args.NoMore("str", kwargs);
            PyStr v;
            if (obj is null)
                v = PyStr.Empty;
            else if (encoding is not null || errors is not null)
                v = Codecs.Decode(BytesSetup.BufferOrNull(obj) ?? throw Err.Type(obj is PyStr ? "decoding str is not supported" : $"decoding to str: need a bytes-like object, {obj.Type.Name} found"),
                    encoding is PyStr e ? e.Value : "utf-8", errors is PyStr er ? er.Value : "strict");
            else
                v = Ops.Str(obj);
            return ReferenceEquals(type, PyType.StrType) ? v : new PyStrSub(type, v.Value);
        };
        M(t, "join", (self, a, k) =>
        {
            var sep = S(self);
            ReadOnlySpan<PyObject> items = a[0] is PyList list && a[0].GetType() == typeof(PyList) ? list.AsSpan()
                : a[0] is PyTuple tuple && a[0].GetType() == typeof(PyTuple) ? tuple.Items : Ops.ToArray(a[0]);
            var sb = new StringBuilder();
            for (int i = 0; i < items.Length; i++)
            {
                if (i > 0)
                    sb.Append(sep);
                sb.Append(items[i] is PyStr s ? s.Value : throw Err.Type($"sequence item {i}: expected str instance, {items[i].Type.Name} found"));
            }
            return PyStr.Of(sb.ToString());
        });
        M(t, "split", (self, a, k) => Split(S(self), a, k, false));
        M(t, "rsplit", (self, a, k) => Split(S(self), a, k, true));
        M(t, "strip", (self, a, k) => Strip(self, a, "strip", true, true));
        M(t, "lstrip", (self, a, k) => Strip(self, a, "lstrip", true, false));
        M(t, "rstrip", (self, a, k) => Strip(self, a, "rstrip", false, true));
        M(t, "replace", (self, a, k) =>
        {
            var s = S(self);
            var old = Arg(a[0], "replace");
            var @new = Arg(a[1], "replace");
            long count = a.Length > 2 ? Ops.IndexLong(a[2]) : -1;
            if (count < 0 && old.Length > 0)
                return PyStr.Of(s.Replace(old, @new, StringComparison.Ordinal));
            return PyStr.Of(new string(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Slices.Replace<char>(s, old, @new, count))));
        });
        M(t, "find", (self, a, k) => PyInt.Of(Find(S(self), a, false)));
        M(t, "rfind", (self, a, k) => PyInt.Of(Find(S(self), a, true)));
        M(t, "index", (self, a, k) => Find(S(self), a, false) is var i && i >= 0 ? PyInt.Of(i) : throw Err.Value("substring not found"));
        M(t, "rindex", (self, a, k) => Find(S(self), a, true) is var i && i >= 0 ? PyInt.Of(i) : throw Err.Value("substring not found"));
        M(t, "count", (self, a, k) =>
        {
            var s = S(self);
            var sub = Arg(a[0], "count");
            if (sub.Length == 0)
                return PyInt.Of(s.Length + 1);
            int n = 0, pos = 0;
            while ((pos = s.IndexOf(sub, pos, StringComparison.Ordinal)) >= 0)
            {
                n++;
                pos += sub.Length;
            }
            return PyInt.Of(n);
        });
        M(t, "startswith", (self, a, k) => PyBool.Of(Affix(S(self), a, (s, p) => s.StartsWith(p, StringComparison.Ordinal))));
        M(t, "endswith", (self, a, k) => PyBool.Of(Affix(S(self), a, (s, p) => s.EndsWith(p, StringComparison.Ordinal))));
        M(t, "upper", (self, a, k) => PyStr.Of(StrCase.Upper((PyStr)self)));
        M(t, "lower", (self, a, k) => PyStr.Of(StrCase.Lower((PyStr)self)));
        M(t, "casefold", (self, a, k) => PyStr.Of(StrCase.CaseFold((PyStr)self)));
        M(t, "swapcase", (self, a, k) => PyStr.Of(StrCase.SwapCase((PyStr)self)));
        M(t, "capitalize", (self, a, k) => PyStr.Of(StrCase.Capitalize((PyStr)self)));
        M(t, "title", (self, a, k) => PyStr.Of(StrCase.Title((PyStr)self)));
        M(t, "isdigit", (self, a, k) => PyBool.Of(AllOf(self, StrCase.IsDigit)));
        M(t, "isdecimal", (self, a, k) => PyBool.Of(AllOf(self, StrCase.IsDecimal)));
        M(t, "isnumeric", (self, a, k) => PyBool.Of(AllOf(self, StrCase.IsNumeric)));
        M(t, "isalpha", (self, a, k) => PyBool.Of(AllOf(self, StrCase.IsAlpha)));
        M(t, "isalnum", (self, a, k) => PyBool.Of(AllOf(self, c => StrCase.IsAlpha(c) || StrCase.IsNumeric(c))));
        M(t, "isspace", (self, a, k) => PyBool.Of(AllOf(self, c => c < 0x10000 && Text.PyStr.IsSpace((char)c))));
        // isupper: some cased character and no lowercase or titlecase one; islower: the reverse.
        M(t, "isupper", (self, a, k) => PyBool.Of(((PyStr)self).CodePoints() is var u && u.Any(StrCase.IsUpper) && !u.Any(c => StrCase.IsLower(c) || StrCase.IsTitle(c))));
        M(t, "islower", (self, a, k) => PyBool.Of(((PyStr)self).CodePoints() is var l && l.Any(StrCase.IsLower) && !l.Any(c => StrCase.IsUpper(c) || StrCase.IsTitle(c))));
        M(t, "isascii", (self, a, k) => PyBool.Of(System.Text.Ascii.IsValid(S(self))));
        M(t, "isprintable", (self, a, k) => PyBool.Of(((PyStr)self).CodePoints().All(StrCase.IsPrintable)));
        M(t, "isidentifier", (self, a, k) => PyBool.Of(StrCase.IsIdentifier(((PyStr)self).CodePoints())));
        M(t, "istitle", (self, a, k) => PyBool.Of(StrCase.IsTitled((PyStr)self)));
        M(t, "center", (self, a, k) => PyStr.Of(Justify(S(self), a, 'c')));
        M(t, "ljust", (self, a, k) => PyStr.Of(Justify(S(self), a, 'l')));
        M(t, "rjust", (self, a, k) => PyStr.Of(Justify(S(self), a, 'r')));
        M(t, "zfill", (self, a, k) =>
        {
            var s = S(self);
            int w = Ops.IndexInt(a[0]);
            if (s.Length >= w)
                return PyStr.Of(s);
            int signLen = s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;
            return PyStr.Of(s[..signLen] + new string('0', w - s.Length) + s[signLen..]);
        });
        M(t, "partition", (self, a, k) =>
        {
            var s = S(self);
            var sep = Arg(a[0], "partition");
            if (sep.Length == 0)
                throw Err.Value("empty separator");
            int i = s.IndexOf(sep, StringComparison.Ordinal);
            return i < 0 ? PyTuple.Of(PyStr.Of(s), PyStr.Empty, PyStr.Empty) : PyTuple.Of(PyStr.Of(s[..i]), PyStr.Of(sep), PyStr.Of(s[(i + sep.Length)..]));
        });
        M(t, "rpartition", (self, a, k) =>
        {
            var s = S(self);
            var sep = Arg(a[0], "rpartition");
            if (sep.Length == 0)
                throw Err.Value("empty separator");
            int i = s.LastIndexOf(sep, StringComparison.Ordinal);
            return i < 0 ? PyTuple.Of(PyStr.Empty, PyStr.Empty, PyStr.Of(s)) : PyTuple.Of(PyStr.Of(s[..i]), PyStr.Of(sep), PyStr.Of(s[(i + sep.Length)..]));
        });
        M(t, "splitlines", (self, a, k) =>
        {
            var s = S(self);
            bool keep = a.Length > 0 && Ops.IsTrue(a[0]);
            var result = new PyList();
            int start = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029')
                {
                    int end = i;
                    if (c == '\r' && i + 1 < s.Length && s[i + 1] == '\n')
                        i++;
                    result.Append(PyStr.Of(s[start..(keep ? i + 1 : end)]));
                    start = i + 1;
                }
            }
            if (start < s.Length)
                result.Append(PyStr.Of(s[start..]));
            return result;
        });
        M(t, "encode", (self, a, k) =>
        {
            var pos = Args.Split(a, k, out var kw);
            var enc = pos.Length > 0 ? pos[0] : Args.Take(kw, "encoding");
            var errors = pos.Length > 1 ? pos[1] : Args.Take(kw, "errors");
            Args.NoMore("encode", kw);
            return new PyBytes(Codecs.Encode((PyStr)self, enc is PyStr es ? es.Value : "utf-8", errors is PyStr er ? er.Value : "strict"));
        });
        M(t, "expandtabs", (self, a, k) =>
        {
            int size = a.Length > 0 ? Ops.IndexInt(a[0]) : 8;
            var sb = new StringBuilder();
            int col = 0;
            foreach (var c in S(self))
            {
                if (c == '\t')
                {
                    int n = size > 0 ? size - col % size : 0;
                    sb.Append(' ', n);
                    col += n;
                }
                else
                {
                    sb.Append(c);
                    col = c is '\n' or '\r' ? 0 : col + 1;
                }
            }
            return PyStr.Of(sb.ToString());
        });
        M(t, "removeprefix", (self, a, k) => PyStr.Of(S(self).StartsWith(Arg(a[0], "removeprefix"), StringComparison.Ordinal) ? S(self)[S(a[0]).Length..] : S(self)));
        M(t, "removesuffix", (self, a, k) => PyStr.Of(S(a[0]).Length > 0 && S(self).EndsWith(Arg(a[0], "removesuffix"), StringComparison.Ordinal) ? S(self)[..^S(a[0]).Length] : S(self)));
        M(t, "format", (self, a, k) => PyStr.Of(TextAdapters.Format(S(self), a, k)));
        M(t, "format_map", (self, a, k) => PyStr.Of(TextAdapters.FormatMap(S(self), a[0])));
        M(t, "__format__", (self, a, k) => TextAdapters.FormatStr(self, a[0]));
        M(t, "translate", (self, a, k) =>
        {
            var sb = new StringBuilder();
            foreach (var cp in ((PyStr)self).CodePoints())
            {
                PyObject? r;
                try
                {
                    r = Ops.GetItem(a[0], PyInt.Of(cp));
                }
                catch (PyException e) when (Err.Matches(e, PyType.LookupError))
                {
                    r = null;
                }
                if (r is null)
                    sb.Append(char.ConvertFromUtf32(cp));
                else if (r is PyInt ri)
                    sb.Append(char.ConvertFromUtf32((int)ri.Small));
                else if (r is PyStr rs)
                    sb.Append(rs.Value);
            }
            return PyStr.Of(sb.ToString());
        });
        TypeSetup.StaticMethod(t, "maketrans", (a, k) =>
        {
            var d = new PyDict();
            if (a.Length == 1)
            {
                foreach (var (key, v) in ((PyDict)a[0]).Items())
                    d.SetItem(key is PyStr ks ? PyInt.Of(char.ConvertToUtf32(ks.Value, 0)) : key, v);
                return d;
            }
            var x = S(a[0]);
            var y = S(a[1]);
            if (x.Length != y.Length)
                throw Err.Value("the first two maketrans arguments must have equal length");
            for (int i = 0; i < x.Length; i++)
                d.SetItem(PyInt.Of(x[i]), PyInt.Of(y[i]));
            if (a.Length > 2)
                foreach (var c in S(a[2]))
                    d.SetItem(PyInt.Of(c), PyNone.Instance);
            return d;
        });
        TypeSetup.Method(t, "__getnewargs__", (self, a, k) => PyTuple.Of(PyStr.Of(S(self))));
    }

    // Py_UNICODE_ISSPACE (Objects/unicodetype_db.h): the bidirectional types WS, B and S and the Zs category.
    private static readonly char[] Ws = [' ', '\t', '\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x1f', '\x85', '\u00a0',
        '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a',
        '\u2028', '\u2029', '\u202f', '\u205f', '\u3000'];

    /// <summary>str.strip/lstrip/rstrip (Objects/unicodeobject.c do_strip, do_argstrip): an exact str with
    /// nothing to strip is returned itself.</summary>
    private static PyObject Strip(PyObject self, ReadOnlySpan<PyObject> a, string method, bool left, bool right)
    {
        var s = S(self).AsSpan();
        ReadOnlySpan<char> chars = a.Length == 0 || a[0] is PyNone ? Ws : Arg(a[0], method).AsSpan();
        var r = s;
        // The span would trim white space when given no characters; Python strips nothing then.
        if (!chars.IsEmpty)
        {
            if (left)
                r = r.TrimStart(chars);
            if (right)
                r = r.TrimEnd(chars);
        }
        return r.Length == s.Length && self.GetType() == typeof(PyStr) ? self : PyStr.Of(r.ToString());
    }

    private static void M(PyType t, string name, NativeMethod body) => TypeSetup.Method(t, name, body);

    private static string Repeat(string s, PyInt n)
    {
        long count = n.IsSmall ? n.Small : (n.Value.Sign < 0 ? 0 : throw Err.New(PyType.OverflowError, "cannot fit 'int' into an index-sized integer"));
        if (count <= 0 || s.Length == 0)
            return "";
        if (count * s.Length > int.MaxValue)
            throw Err.New(PyType.MemoryError);
        return new StringBuilder(s.Length * (int)count).Insert(0, s, (int)count).ToString();
    }

    private static PyObject Split(string s, ReadOnlySpan<PyObject> args, PyTuple? kw, bool fromRight)
    {
        var pos = Args.Split(args, kw, out var kwargs);
        var sepObj = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "sep");
        var maxObj = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "maxsplit");
        long max = maxObj is null ? -1 : Ops.IndexLong(maxObj);
        var result = new List<string>();
        if (sepObj is null or PyNone)
        {
            var parts = new List<string>();
            if (!fromRight)
            {
                int i = 0;
                while (true)
                {
                    while (i < s.Length && char.IsWhiteSpace(s[i]))
                        i++;
                    if (i >= s.Length)
                        break;
                    if (max >= 0 && parts.Count == max)
                    {
                        parts.Add(s[i..].TrimEnd(Ws));
                        break;
                    }
                    int j = i;
                    while (j < s.Length && !char.IsWhiteSpace(s[j]))
                        j++;
                    parts.Add(s[i..j]);
                    i = j;
                }
            }
            else
            {
                int i = s.Length - 1;
                while (true)
                {
                    while (i >= 0 && char.IsWhiteSpace(s[i]))
                        i--;
                    if (i < 0)
                        break;
                    if (max >= 0 && parts.Count == max)
                    {
                        parts.Add(s[..(i + 1)].TrimStart(Ws));
                        break;
                    }
                    int j = i;
                    while (j >= 0 && !char.IsWhiteSpace(s[j]))
                        j--;
                    parts.Add(s[(j + 1)..(i + 1)]);
                    i = j;
                }
                parts.Reverse();
            }
            result = parts;
        }
        else
        {
            var sep = sepObj is PyStr ss ? ss.Value : throw Err.Type($"must be str or None, not {sepObj.Type.Name}");
            if (sep.Length == 0)
                throw Err.Value("empty separator");
            if (!fromRight)
            {
                int start = 0;
                while (max < 0 || result.Count < max)
                {
                    int i = s.IndexOf(sep, start, StringComparison.Ordinal);
                    if (i < 0)
                        break;
                    result.Add(s[start..i]);
                    start = i + sep.Length;
                }
                result.Add(s[start..]);
            }
            else
            {
                int end = s.Length;
                var parts = new List<string>();
                while (max < 0 || parts.Count < max)
                {
                    int i = end - sep.Length < 0 ? -1 : s.LastIndexOf(sep, end - 1, end, StringComparison.Ordinal);
                    if (i < 0)
                        break;
                    parts.Add(s[(i + sep.Length)..end]);
                    end = i;
                }
                parts.Add(s[..end]);
                parts.Reverse();
                result = parts;
            }
        }
        var list = new PyList(result.Count);
        foreach (var r in result)
            list.Append(PyStr.Of(r));
        return list;
    }

    private static int Find(string s, ReadOnlySpan<PyObject> a, bool right)
    {
        var sub = Arg(a[0], "find");
        int start = a.Length > 1 && a[1] is not PyNone ? Slices.Adjust(Ops.IndexLong(a[1]), s.Length) : 0;
        int end = a.Length > 2 && a[2] is not PyNone ? Slices.Adjust(Ops.IndexLong(a[2]), s.Length) : s.Length;
        if (end < start || start > s.Length)
            return -1;
        var region = s.AsSpan(start, end - start);
        int i = right ? region.LastIndexOf(sub.AsSpan(), StringComparison.Ordinal) : region.IndexOf(sub.AsSpan(), StringComparison.Ordinal);
        if (right && sub.Length == 0)
            i = region.Length;
        return i < 0 ? -1 : i + start;
    }

    private static bool Affix(string s, ReadOnlySpan<PyObject> a, Func<string, string, bool> test)
    {
        int start = a.Length > 1 && a[1] is not PyNone ? Slices.Adjust(Ops.IndexLong(a[1]), s.Length) : 0;
        int end = a.Length > 2 && a[2] is not PyNone ? Slices.Adjust(Ops.IndexLong(a[2]), s.Length) : s.Length;
        if (end < start)
            return false;
        var region = s[start..end];
        if (a[0] is PyTuple t)
        {
            foreach (var x in t.Items)
                if (test(region, Arg(x, "startswith")))
                    return true;
            return false;
        }
        if (a[0] is not PyStr p)
            throw Err.Type($"startswith first arg must be str or a tuple of str, not {a[0].Type.Name}");
        return test(region, p.Value);
    }

    /// <summary>The is...() predicates: true when the string is not empty and every code point passes.</summary>
    private static bool AllOf(PyObject self, Func<int, bool> test) => ((PyStr)self).CodePoints() is var cps && cps.Length > 0 && cps.All(test);

    private static string Justify(string s, ReadOnlySpan<PyObject> a, char how)
    {
        int w = Ops.IndexInt(a[0]);
        char fill = a.Length > 1 ? (a[1] is PyStr f && f.Value.Length == 1 ? f.Value[0] : throw Err.Type("The fill character must be exactly one character long")) : ' ';
        if (s.Length >= w)
            return s;
        int pad = w - s.Length;
        return how switch
        {
            'l' => s + new string(fill, pad),
            'r' => new string(fill, pad) + s,
            // Objects/unicodeobject.c pad(): the extra space goes left when the padding and width are both odd.
            _ => new string(fill, pad / 2 + (pad & w & 1)) + s + new string(fill, pad - pad / 2 - (pad & w & 1)),
        };
    }
}

internal sealed class PyStrSub(PyType type, string value) : PyStr(value)
{
    private readonly PyDict? _dict = type.HasDict ? new PyDict() : null;
    public override PyType Type => type;
    public override PyDict? Dict => _dict;
}
