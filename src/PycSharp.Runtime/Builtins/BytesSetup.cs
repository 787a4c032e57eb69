using System.Runtime.InteropServices;
using System.Text;
using PycSharp.Format.Text;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>
/// bytes and bytearray (Objects/bytesobject.c, Objects/bytearrayobject.c, and the methods they share in
/// Objects/bytes_methods.c and Objects/stringlib). A method returns the type of its receiver: bytes for bytes,
/// bytearray for bytearray.
/// </summary>
internal static class BytesSetup
{
    /// <summary>The bytes of a bytes-like object, or null (PyObject_GetBuffer's check).</summary>
    public static byte[]? BufferOrNull(PyObject o) => o switch
    {
        PyBytes b => b.Value,
        PyByteArray ba => [.. ba.Value],
        _ => null,
    };

    private static ReadOnlySpan<byte> Data(PyObject o) => o is PyBytes b ? b.Value : CollectionsMarshal.AsSpan(((PyByteArray)o).Value);

    /// <summary>An argument that must be bytes-like (the message of PyObject_GetBuffer's TypeError).</summary>
    private static byte[] Buffer(PyObject o) =>
        BufferOrNull(o) ?? throw Err.Type($"a bytes-like object is required, not '{o.Type.Name}'");

    private static PyObject Make(PyObject self, ReadOnlySpan<byte> data) =>
        self is PyByteArray ? new PyByteArray([.. data]) : new PyBytes(data.ToArray());

    private static bool IsSpace(byte c) => c is (byte)' ' or (>= 9 and <= 13);
    private static bool IsLower(byte c) => c is >= (byte)'a' and <= (byte)'z';
    private static bool IsUpper(byte c) => c is >= (byte)'A' and <= (byte)'Z';
    private static bool IsAlpha(byte c) => IsLower(c) || IsUpper(c);
    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';
    private static byte Lower(byte c) => IsUpper(c) ? (byte)(c + 32) : c;
    private static byte Upper(byte c) => IsLower(c) ? (byte)(c - 32) : c;

    public static void Install()
    {
        Common(PyType.BytesType);
        Common(PyType.ByteArrayType);
        BytesOnly(PyType.BytesType);
        ByteArrayOnly(PyType.ByteArrayType);
    }

    private static void M(PyType t, string name, NativeMethod body) => TypeSetup.Method(t, name, body);

    private static void Common(PyType t)
    {
        t.Len = o => Data(o).Length;
        t.Iter = o => new PyArrayIterator(Data(o).ToArray().Select(b => (PyObject)PyInt.Of(b)).ToArray(), PyType.IteratorType);
        t.Compare = (a, b, op) =>
        {
            var other = BufferOrNull(b);
            if (other is null)
                return Ops.NotImplemented;
            int c = Data(a).SequenceCompareTo(other);
            return PyBool.Of(Ops.Compare(c, 0, op));
        };
        t.GetItem = (o, k) =>
        {
            var v = Data(o);
            if (k is PySlice s)
            {
                int n = Slices.Indices(s, v.Length, out int start, out _, out int step);
                var r = new byte[n];
                for (int i = 0; i < n; i++)
                    r[i] = v[start + i * step];
                return Make(o, r);
            }
            if (k is not PyInt && k.Type.Index is null)
                throw Err.Type($"byte indices must be integers or slices, not {k.Type.Name}");
            return PyInt.Of(v[Slices.Index(k, v.Length, o is PyByteArray ? "bytearray" : "index")]);
        };
        t.Num[(int)NumOp.Add] = (a, b) =>
        {
            if (BufferOrNull(a) is not { } x)
                return Ops.NotImplemented;
            var y = BufferOrNull(b) ?? throw Err.Type($"can't concat {b.Type.Name} to {a.Type.Name}");
            return Make(a, [.. x, .. y]);
        };
        t.Num[(int)NumOp.Multiply] = (a, b) =>
        {
            var (seq, n) = a is PyBytes or PyByteArray ? (a, b) : (b, a);
            if (n is not PyInt count)
                return Ops.NotImplemented;
            var d = Data(seq);
            long times = count.IsSmall ? Math.Max(0, count.Small) : count.Value.Sign < 0 ? 0 : long.MaxValue;
            if (times * d.Length > int.MaxValue)
                throw Err.New(PyType.MemoryError);
            var r = new byte[d.Length * (int)times];
            for (int i = 0; i < times; i++)
                d.CopyTo(r.AsSpan(i * d.Length));
            return Make(seq, r);
        };
        t.Num[(int)NumOp.Remainder] = (a, b) => a is PyBytes or PyByteArray ? Make(a, TextAdapters.PercentBytes(Data(a), b)) : Ops.NotImplemented;
        t.Contains = (o, x) =>
        {
            if (x is PyInt || x.Type.Index is not null)
            {
                long v = Ops.IndexLong(x);
                if (v is < 0 or > 255)
                    throw Err.Value("byte must be in range(0, 256)");
                return Data(o).Contains((byte)v);
            }
            return Data(o).IndexOf(Buffer(x)) >= 0;
        };
        M(t, "decode", (self, a, k) =>
        {
            var pos = Args.Split(a, k, out var kw);
            var enc = pos.Length > 0 ? pos[0] : Args.Take(kw, "encoding");
            var errors = pos.Length > 1 ? pos[1] : Args.Take(kw, "errors");
            Args.NoMore("decode", kw);
            return Codecs.Decode(Data(self).ToArray(), enc is PyStr es ? es.Value : "utf-8", errors is PyStr er ? er.Value : "strict");
        });
        M(t, "hex", (self, a, k) => PyStr.Of(Hex(Data(self), a, k)));
        TypeSetup.ClassMethod(t, "fromhex", (cls, a, k) =>
        {
            Args.Exactly("fromhex", a, k, 1);
            var r = FromHex(a[0] is PyStr s ? s.Value : throw Err.Type($"fromhex() argument must be str, not {a[0].Type.Name}"));
            PyObject made = ReferenceEquals(cls, PyType.ByteArrayType) ? new PyByteArray([.. r]) : new PyBytes(r);
            return ReferenceEquals(cls, PyType.BytesType) || ReferenceEquals(cls, PyType.ByteArrayType) ? made : Ops.Call(cls, made);
        });
        TypeSetup.StaticMethod(t, "maketrans", (a, k) =>
        {
            Args.Exactly("maketrans", a, k, 2);
            var from = Buffer(a[0]);
            var to = Buffer(a[1]);
            if (from.Length != to.Length)
                throw Err.Value("maketrans arguments must have same length");
            var table = new byte[256];
            for (int i = 0; i < 256; i++)
                table[i] = (byte)i;
            for (int i = 0; i < from.Length; i++)
                table[from[i]] = to[i];
            return new PyBytes(table);
        });
        M(t, "lower", (self, a, k) => Map(self, Lower));
        M(t, "upper", (self, a, k) => Map(self, Upper));
        M(t, "swapcase", (self, a, k) => Map(self, c => IsUpper(c) ? Lower(c) : Upper(c)));
        M(t, "capitalize", (self, a, k) =>
        {
            var r = Data(self).ToArray();
            for (int i = 0; i < r.Length; i++)
                r[i] = i == 0 ? Upper(r[i]) : Lower(r[i]);
            return Make(self, r);
        });
        M(t, "title", (self, a, k) =>
        {
            var r = Data(self).ToArray();
            bool prevCased = false;
            for (int i = 0; i < r.Length; i++)
            {
                byte c = r[i];
                r[i] = prevCased ? Lower(c) : Upper(c);
                prevCased = IsAlpha(c);
            }
            return Make(self, r);
        });
        M(t, "isalpha", (self, a, k) => PyBool.Of(All(self, IsAlpha)));
        M(t, "isdigit", (self, a, k) => PyBool.Of(All(self, IsDigit)));
        M(t, "isalnum", (self, a, k) => PyBool.Of(All(self, c => IsAlpha(c) || IsDigit(c))));
        M(t, "isspace", (self, a, k) => PyBool.Of(All(self, IsSpace)));
        M(t, "isascii", (self, a, k) => PyBool.Of(Data(self).IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0));
        M(t, "isupper", (self, a, k) => PyBool.Of(Data(self).ContainsAnyInRange((byte)'A', (byte)'Z') && !Data(self).ContainsAnyInRange((byte)'a', (byte)'z')));
        M(t, "islower", (self, a, k) => PyBool.Of(Data(self).ContainsAnyInRange((byte)'a', (byte)'z') && !Data(self).ContainsAnyInRange((byte)'A', (byte)'Z')));
        M(t, "strip", (self, a, k) => Strip(self, a, true, true));
        M(t, "lstrip", (self, a, k) => Strip(self, a, true, false));
        M(t, "rstrip", (self, a, k) => Strip(self, a, false, true));
        M(t, "split", (self, a, k) => Split(self, a, k, false));
        M(t, "rsplit", (self, a, k) => Split(self, a, k, true));
        M(t, "splitlines", (self, a, k) =>
        {
            var pos = Args.Split(a, k, out var kw);
            var keepObj = pos.Length > 0 ? pos[0] : Args.Take(kw, "keepends");
            bool keep = keepObj is not null && Ops.IsTrue(keepObj);
            var s = Data(self);
            var result = new PyList();
            int start = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] is (byte)'\n' or (byte)'\r')
                {
                    int end = i;
                    if (s[i] == '\r' && i + 1 < s.Length && s[i + 1] == '\n')
                        i++;
                    result.Append(Make(self, s[start..(keep ? i + 1 : end)]));
                    start = i + 1;
                }
            }
            if (start < s.Length)
                result.Append(Make(self, s[start..]));
            return result;
        });
        M(t, "join", (self, a, k) =>
        {
            var sep = Data(self).ToArray();
            var items = Ops.ToArray(a[0]);
            var r = new List<byte>();
            for (int i = 0; i < items.Length; i++)
            {
                if (i > 0)
                    r.AddRange(sep);
                r.AddRange(BufferOrNull(items[i]) ?? throw Err.Type($"sequence item {i}: expected a bytes-like object, {items[i].Type.Name} found"));
            }
            return Make(self, CollectionsMarshal.AsSpan(r));
        });
        M(t, "replace", (self, a, k) =>
        {
            var s = Data(self);
            var old = Buffer(a[0]);
            var @new = Buffer(a[1]);
            long count = a.Length > 2 ? Ops.IndexLong(a[2]) : -1;
            var r = Slices.Replace<byte>(s, old, @new, count);
            return Make(self, CollectionsMarshal.AsSpan(r));
        });
        M(t, "find", (self, a, k) => PyInt.Of(Find(self, a, false)));
        M(t, "rfind", (self, a, k) => PyInt.Of(Find(self, a, true)));
        M(t, "index", (self, a, k) => Find(self, a, false) is var i && i >= 0 ? PyInt.Of(i) : throw Err.Value("subsection not found"));
        M(t, "rindex", (self, a, k) => Find(self, a, true) is var i && i >= 0 ? PyInt.Of(i) : throw Err.Value("subsection not found"));
        M(t, "count", (self, a, k) =>
        {
            Region(self, a, out var region);
            var sub = SubArg(a[0]);
            if (sub.Length == 0)
                return PyInt.Of(region.Length + 1);
            int n = 0, at;
            while ((at = region.IndexOf(sub)) >= 0)
            {
                n++;
                region = region[(at + sub.Length)..];
            }
            return PyInt.Of(n);
        });
        M(t, "startswith", (self, a, k) => PyBool.Of(Affix(self, a, "startswith", (s, p) => s.StartsWith(p))));
        M(t, "endswith", (self, a, k) => PyBool.Of(Affix(self, a, "endswith", (s, p) => s.EndsWith(p))));
        M(t, "partition", (self, a, k) => Partition(self, a[0], false));
        M(t, "rpartition", (self, a, k) => Partition(self, a[0], true));
        M(t, "center", (self, a, k) => Justify(self, a, 'c'));
        M(t, "ljust", (self, a, k) => Justify(self, a, 'l'));
        M(t, "rjust", (self, a, k) => Justify(self, a, 'r'));
        M(t, "zfill", (self, a, k) =>
        {
            var s = Data(self);
            int w = Ops.IndexInt(a[0]);
            if (s.Length >= w)
                return Make(self, s);
            int signLen = s.Length > 0 && s[0] is (byte)'+' or (byte)'-' ? 1 : 0;
            var r = new byte[w];
            s[..signLen].CopyTo(r);
            r.AsSpan(signLen, w - s.Length).Fill((byte)'0');
            s[signLen..].CopyTo(r.AsSpan(signLen + w - s.Length));
            return Make(self, r);
        });
        M(t, "translate", (self, a, k) =>
        {
            var pos = Args.Split(a, k, out var kw);
            var tableObj = pos.Length > 0 ? pos[0] : Args.Take(kw, "table");
            var deleteObj = pos.Length > 1 ? pos[1] : Args.Take(kw, "delete");
            Args.NoMore("translate", kw);
            byte[]? table = tableObj is null or PyNone ? null : Buffer(tableObj);
            if (table is not null && table.Length != 256)
                throw Err.Value("translation table must be 256 characters long");
            var delete = deleteObj is null ? [] : Buffer(deleteObj);
            var r = new List<byte>();
            foreach (var c in Data(self))
                if (Array.IndexOf(delete, c) < 0)
                    r.Add(table is null ? c : table[c]);
            return Make(self, CollectionsMarshal.AsSpan(r));
        });
        M(t, "removeprefix", (self, a, k) => Data(self).StartsWith(Buffer(a[0])) ? Make(self, Data(self)[Buffer(a[0]).Length..]) : Make(self, Data(self)));
        M(t, "removesuffix", (self, a, k) => Buffer(a[0]) is { Length: > 0 } p && Data(self).EndsWith(p) ? Make(self, Data(self)[..^p.Length]) : Make(self, Data(self)));
        M(t, "__getnewargs__", (self, a, k) => PyTuple.Of(new PyBytes(Data(self).ToArray())));
    }

    private static void BytesOnly(PyType t)
    {
        t.Repr = o => PyStr.Of(PyRepr.Bytes(((PyBytes)o).Value));
        t.Hash = o => PyHash.SipHash13(((PyBytes)o).Value);
        t.New = (type, args, kw) =>
        {
            var data = FromArguments("bytes", args, kw);
            return data.Length == 0 && ReferenceEquals(type, PyType.BytesType) ? PyBytes.Empty : new PyBytes(data);
        };
    }

    private static void ByteArrayOnly(PyType t)
    {
        t.Repr = o => PyStr.Of($"{o.Type.Name}({PyRepr.Bytes(Data(o).ToArray())})");
        t.Hash = o => throw Err.Type("unhashable type: 'bytearray'");
        t.New = (type, args, kw) => new PyByteArray([.. FromArguments("bytearray", args, kw)]);
        t.Bool = o => ((PyByteArray)o).Value.Count > 0;
        t.SetItem = (o, k, v) =>
        {
            var l = ((PyByteArray)o).Value;
            if (k is PySlice s)
            {
                int n = Slices.Indices(s, l.Count, out int start, out _, out int step);
                if (v is null)
                    Slices.Delete(l, start, n, step);
                else
                    Slices.Assign(l, start, n, step, BufferOrNull(v) ?? (v is PyInt ? throw Err.Type("can assign only bytes, buffers, or iterables of ints in range(0, 256)") : FromIterable(v)), "bytes");
                return;
            }
            if (k is not PyInt && k.Type.Index is null)
                throw Err.Type($"bytearray indices must be integers or slices, not {k.Type.Name}");
            int index = Slices.Index(k, l.Count, "bytearray");
            if (v is null)
                l.RemoveAt(index);
            else
                l[index] = ByteValue(v);
        };
        t.InplaceNum[(int)NumOp.Add] = (a, b) =>
        {
            ((PyByteArray)a).Value.AddRange(BufferOrNull(b) ?? throw Err.Type($"can't concat {b.Type.Name} to {a.Type.Name}"));
            return a;
        };
        t.InplaceNum[(int)NumOp.Multiply] = (a, b) =>
        {
            var l = ((PyByteArray)a).Value;
            var copy = l.ToArray();
            long times = Ops.IndexLong(b);
            l.Clear();
            for (long i = 0; i < times; i++)
                l.AddRange(copy);
            return a;
        };
        M(t, "append", (self, a, k) =>
        {
            Args.Exactly("append", a, k, 1);
            ((PyByteArray)self).Value.Add(ByteValue(a[0]));
            return PyNone.Instance;
        });
        M(t, "extend", (self, a, k) =>
        {
            Args.Exactly("extend", a, k, 1);
            ((PyByteArray)self).Value.AddRange(BufferOrNull(a[0]) ?? FromIterable(a[0]));
            return PyNone.Instance;
        });
        M(t, "insert", (self, a, k) =>
        {
            Args.Exactly("insert", a, k, 2);
            var l = ((PyByteArray)self).Value;
            long i = Ops.IndexLong(a[0]);
            if (i < 0)
                i = Math.Max(0, i + l.Count);
            l.Insert((int)Math.Min(i, l.Count), ByteValue(a[1]));
            return PyNone.Instance;
        });
        M(t, "pop", (self, a, k) =>
        {
            var l = ((PyByteArray)self).Value;
            int i = Slices.PopIndex(a, l.Count, "bytearray");
            byte v = l[i];
            l.RemoveAt(i);
            return PyInt.Of(v);
        });
        M(t, "remove", (self, a, k) =>
        {
            var l = ((PyByteArray)self).Value;
            int i = l.IndexOf(ByteValue(a[0]));
            if (i < 0)
                throw Err.Value("value not found in bytearray");
            l.RemoveAt(i);
            return PyNone.Instance;
        });
        M(t, "reverse", (self, a, k) =>
        {
            ((PyByteArray)self).Value.Reverse();
            return PyNone.Instance;
        });
        M(t, "clear", (self, a, k) =>
        {
            ((PyByteArray)self).Value.Clear();
            return PyNone.Instance;
        });
        M(t, "copy", (self, a, k) => new PyByteArray([.. ((PyByteArray)self).Value]));
    }

    /// <summary>An int that must be a byte (bytearray item assignment, append, insert, remove).</summary>
    private static byte ByteValue(PyObject v)
    {
        if (v is not PyInt && v.Type.Index is null)
            throw Err.Type($"'{v.Type.Name}' object cannot be interpreted as an integer");
        var i = Ops.Index(v);
        if (!i.IsSmall || i.Small is < 0 or > 255)
            throw Err.Value("byte must be in range(0, 256)");
        return (byte)i.Small;
    }

    /// <summary>An iterable of ints; bytes() says "bytes must be in range", bytearray "byte must be in range".</summary>
    private static byte[] FromIterable(PyObject o, bool bytes = false)
    {
        if (o is PyStr)
            throw Err.Type("expected iterable of integers; got: 'str'");
        if (Ops.GetIterOrNull(o) is null)
            throw Err.Type($"can't extend bytearray with {o.Type.Name}");
        var items = Ops.ToArray(o);
        var r = new byte[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            if (bytes && items[i] is PyInt { IsSmall: true, Small: < 0 or > 255 })
                throw Err.Value("bytes must be in range(0, 256)");
            r[i] = ByteValue(items[i]);
        }
        return r;
    }

    /// <summary>bytes(x) / bytearray(x): str with an encoding, a count of zero bytes, a buffer, __bytes__, or ints.</summary>
    private static byte[] FromArguments(string name, ReadOnlySpan<PyObject> args, PyTuple? kw)
    {
        var pos = Args.Split(args, kw, out var kwargs);
        var source = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "source");
        var encoding = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "encoding");
        var errors = pos.Length > 2 ? pos[2] : Args.Take(kwargs, "errors");
        Args.NoMore(name, kwargs);
        if (source is null)
        {
            if (encoding is not null || errors is not null)
                throw Err.Type(encoding is not null ? "encoding without a string argument" : "errors without a string argument");
            return [];
        }
        if (source is PyStr s)
        {
            if (encoding is null)
                throw Err.Type("string argument without an encoding");
            return Codecs.Encode(s, ((PyStr)encoding).Value, errors is PyStr e ? e.Value : "strict");
        }
        if (encoding is not null)
            throw Err.Type("encoding without a string argument");
        if (errors is not null)
            throw Err.Type("errors without a string argument");
        if (name == "bytes" && source.Type.Lookup("__bytes__") is { } f)
        {
            var r = Ops.CallWithSelfDescriptor(f, source, []);
            return r is PyBytes rb ? rb.Value : throw Err.Type($"__bytes__ returned non-bytes (type {r.Type.Name})");
        }
        if (BufferOrNull(source) is { } buf)
            return buf;
        if (source is PyInt || source.Type.Index is not null)
        {
            long n = Ops.IndexLong(source);
            if (n < 0)
                throw Err.Value("negative count");
            return new byte[n];
        }
        if (Ops.GetIterOrNull(source) is null)
            throw Err.Type($"cannot convert '{source.Type.Name}' object to {name}");
        return FromIterable(source, name == "bytes");
    }

    private static PyObject Map(PyObject self, Func<byte, byte> f)
    {
        var r = Data(self).ToArray();
        for (int i = 0; i < r.Length; i++)
            r[i] = f(r[i]);
        return Make(self, r);
    }

    private static bool All(PyObject self, Func<byte, bool> test)
    {
        var d = Data(self);
        if (d.Length == 0)
            return false;
        foreach (var c in d)
            if (!test(c))
                return false;
        return true;
    }

    private static PyObject Strip(PyObject self, ReadOnlySpan<PyObject> a, bool left, bool right)
    {
        var s = Data(self);
        byte[]? chars = a.Length == 0 || a[0] is PyNone ? null : Buffer(a[0]);
        int i = 0, j = s.Length;
        if (left)
            while (i < j && (chars is null ? IsSpace(s[i]) : Array.IndexOf(chars, s[i]) >= 0))
                i++;
        if (right)
            while (j > i && (chars is null ? IsSpace(s[j - 1]) : Array.IndexOf(chars, s[j - 1]) >= 0))
                j--;
        return Make(self, s[i..j]);
    }

    private static PyObject Split(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kw, bool fromRight)
    {
        var pos = Args.Split(args, kw, out var kwargs);
        var sepObj = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "sep");
        var maxObj = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "maxsplit");
        Args.NoMore(fromRight ? "rsplit" : "split", kwargs);
        long max = maxObj is null ? -1 : Ops.IndexLong(maxObj);
        var s = Data(self).ToArray();
        var parts = new List<(int Start, int End)>();
        if (sepObj is null or PyNone)
        {
            if (!fromRight)
            {
                int i = 0;
                while (true)
                {
                    while (i < s.Length && IsSpace(s[i]))
                        i++;
                    if (i >= s.Length)
                        break;
                    if (max >= 0 && parts.Count == max)
                    {
                        int e = s.Length;
                        while (e > i && IsSpace(s[e - 1]))
                            e--;
                        parts.Add((i, e));
                        break;
                    }
                    int j = i;
                    while (j < s.Length && !IsSpace(s[j]))
                        j++;
                    parts.Add((i, j));
                    i = j;
                }
            }
            else
            {
                int i = s.Length - 1;
                while (true)
                {
                    while (i >= 0 && IsSpace(s[i]))
                        i--;
                    if (i < 0)
                        break;
                    if (max >= 0 && parts.Count == max)
                    {
                        int b = 0;
                        while (b < i && IsSpace(s[b]))
                            b++;
                        parts.Add((b, i + 1));
                        break;
                    }
                    int j = i;
                    while (j >= 0 && !IsSpace(s[j]))
                        j--;
                    parts.Add((j + 1, i + 1));
                    i = j;
                }
                parts.Reverse();
            }
        }
        else
        {
            var sep = Buffer(sepObj);
            if (sep.Length == 0)
                throw Err.Value("empty separator");
            if (!fromRight)
            {
                int start = 0;
                while (max < 0 || parts.Count < max)
                {
                    int i = s.AsSpan(start).IndexOf(sep);
                    if (i < 0)
                        break;
                    parts.Add((start, start + i));
                    start += i + sep.Length;
                }
                parts.Add((start, s.Length));
            }
            else
            {
                int end = s.Length;
                while (max < 0 || parts.Count < max)
                {
                    int i = s.AsSpan(0, end).LastIndexOf(sep);
                    if (i < 0)
                        break;
                    parts.Add((i + sep.Length, end));
                    end = i;
                }
                parts.Add((0, end));
                parts.Reverse();
            }
        }
        var list = new PyList(parts.Count);
        foreach (var (b, e) in parts)
            list.Append(Make(self, s.AsSpan(b, e - b)));
        return list;
    }

    /// <summary>The sub argument of find/count/index: bytes-like, or an int for one byte.</summary>
    private static byte[] SubArg(PyObject o)
    {
        if (BufferOrNull(o) is { } b)
            return b;
        if (o is PyInt || o.Type.Index is not null)
            return [ByteValue(o)];
        throw Err.Type($"argument should be integer or bytes-like object, not '{o.Type.Name}'");
    }

    /// <summary>self[start:end] as find/count take it (ADJUST_INDICES), and where it begins.</summary>
    private static int Region(PyObject self, ReadOnlySpan<PyObject> a, out ReadOnlySpan<byte> region)
    {
        var s = Data(self);
        int start = a.Length > 1 && a[1] is not PyNone ? Slices.Adjust(Ops.IndexLong(a[1]), s.Length) : 0;
        int end = a.Length > 2 && a[2] is not PyNone ? Slices.Adjust(Ops.IndexLong(a[2]), s.Length) : s.Length;
        region = end < start ? ReadOnlySpan<byte>.Empty : s[start..end];
        return end < start ? -1 : start;
    }

    private static int Find(PyObject self, ReadOnlySpan<PyObject> a, bool right)
    {
        var sub = SubArg(a[0]);
        int start = Region(self, a, out var region);
        if (start < 0)
            return -1;
        int i = right ? region.LastIndexOf(sub) : region.IndexOf(sub);
        if (right && sub.Length == 0)
            i = region.Length;
        return i < 0 ? -1 : i + start;
    }

    private delegate bool AffixTest(ReadOnlySpan<byte> s, ReadOnlySpan<byte> p);

    private static bool Affix(PyObject self, ReadOnlySpan<PyObject> a, string name, AffixTest test)
    {
        int start = Region(self, a, out var region);
        if (a[0] is PyTuple t)
        {
            foreach (var x in t.Items)
                if (start >= 0 && test(region, Buffer(x)))
                    return true;
            return false;
        }
        var p = BufferOrNull(a[0]) ?? throw Err.Type($"{name} first arg must be bytes or a tuple of bytes, not {a[0].Type.Name}");
        return start >= 0 && test(region, p);
    }

    private static PyObject Partition(PyObject self, PyObject sepObj, bool right)
    {
        var s = Data(self);
        var sep = Buffer(sepObj);
        if (sep.Length == 0)
            throw Err.Value("empty separator");
        int i = right ? s.LastIndexOf(sep) : s.IndexOf(sep);
        var empty = Make(self, []);
        if (i < 0)
            return right ? PyTuple.Of(empty, Make(self, []), Make(self, s)) : PyTuple.Of(Make(self, s), empty, Make(self, []));
        return PyTuple.Of(Make(self, s[..i]), Make(self, sep), Make(self, s[(i + sep.Length)..]));
    }

    private static PyObject Justify(PyObject self, ReadOnlySpan<PyObject> a, char how)
    {
        var s = Data(self);
        int w = Ops.IndexInt(a[0]);
        byte fill = (byte)' ';
        if (a.Length > 1)
        {
            var f = BufferOrNull(a[1]);
            if (f is not { Length: 1 })
                throw Err.Type($"{(how == 'c' ? "center" : how == 'l' ? "ljust" : "rjust")}() argument 2 must be a byte string of length 1, not {a[1].Type.Name}");
            fill = f[0];
        }
        if (s.Length >= w)
            return Make(self, s);
        int pad = w - s.Length;
        // stringlib/transmogrify.h pad(): as str.center, the odd extra byte goes left when pad and width are odd.
        int left = how switch { 'l' => 0, 'r' => pad, _ => pad / 2 + (pad & w & 1) };
        var r = new byte[w];
        r.AsSpan().Fill(fill);
        s.CopyTo(r.AsSpan(left));
        return Make(self, r);
    }

    /// <summary>bytes.hex([sep[, bytes_per_sep]]) (Python/pystrhex.c): groups counted from the right unless negative.</summary>
    private static string Hex(ReadOnlySpan<byte> data, ReadOnlySpan<PyObject> args, PyTuple? kw)
    {
        var pos = Args.Split(args, kw, out var kwargs);
        var sepObj = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "sep");
        var perObj = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "bytes_per_sep");
        Args.NoMore("hex", kwargs);
        var hex = Convert.ToHexString(data).ToLowerInvariant();
        if (sepObj is null || data.Length == 0)
            return hex;
        string sep = sepObj switch
        {
            PyStr ss => ss.Value,
            _ when BufferOrNull(sepObj) is { } sb => Encoding.Latin1.GetString(sb),
            _ => throw Err.Type("sep must be str or bytes."),
        };
        if (PyStr.Of(sep).Length != 1)
            throw Err.Value("sep must be length 1.");
        if (sep[0] > 127)
            throw Err.Value("sep must be ASCII.");
        long per = perObj is null ? 1 : Ops.IndexLong(perObj);
        if (per == 0)
            return hex;
        long group = Math.Abs(per);
        var r = new StringBuilder();
        for (int i = 0; i < data.Length; i++)
        {
            // Positive counts groups from the right end, negative from the left.
            bool boundary = per > 0 ? i > 0 && (data.Length - i) % group == 0 : i > 0 && i % group == 0;
            if (boundary)
                r.Append(sep);
            r.Append(hex, 2 * i, 2);
        }
        return r.ToString();
    }

    /// <summary>bytes.fromhex (Objects/bytesobject.c _PyBytes_FromHex): pairs of hex digits, spaces between pairs.</summary>
    private static byte[] FromHex(string s)
    {
        var r = new List<byte>();
        int i = 0;
        while (i < s.Length)
        {
            if (s[i] is ' ' or (>= '\t' and <= '\r'))
            {
                i++;
                continue;
            }
            int hi = HexDigit(s[i]);
            if (hi < 0)
                throw Err.Value($"non-hexadecimal number found in fromhex() arg at position {i}");
            if (i + 1 >= s.Length || HexDigit(s[i + 1]) is var lo && lo < 0)
                throw Err.Value($"non-hexadecimal number found in fromhex() arg at position {i + 1}");
            r.Add((byte)(hi * 16 + lo));
            i += 2;
        }
        return [.. r];
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
