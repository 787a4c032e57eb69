using System.Runtime.CompilerServices;
using System.Numerics;
using System.Text;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>The builtins module (Python/bltinmodule.c).</summary>
internal static class BuiltinFunctions
{
    public static PyModule CreateModule(PyRuntime rt)
    {
        var m = new PyModule("builtins");
        void F(string name, NativeFunction body) => m.Set(name, new PyBuiltinFunction(name, body));
        foreach (var (name, t) in new (string, PyType)[] {
            ("object", PyType.ObjectType), ("type", PyType.TypeType), ("int", PyType.IntType), ("bool", PyType.BoolType),
            ("float", PyType.FloatType), ("complex", PyType.ComplexType), ("str", PyType.StrType), ("bytes", PyType.BytesType),
            ("bytearray", PyType.ByteArrayType), ("tuple", PyType.TupleType), ("list", PyType.ListType), ("dict", PyType.DictType),
            ("set", PyType.SetType), ("frozenset", PyType.FrozenSetType), ("range", PyType.RangeType), ("slice", PyType.SliceType),
            ("staticmethod", PyType.StaticMethodType), ("classmethod", PyType.ClassMethodType), ("property", PyType.PropertyType),
            ("super", PyType.SuperType) })
            m.Set(name, t);
        foreach (var t in PyType.ExceptionTypes)
            m.Set(t.Name, t);
        m.Set("EnvironmentError", PyType.OSError);
        m.Set("IOError", PyType.OSError);
        m.Set("None", PyNone.Instance);
        m.Set("Ellipsis", PyEllipsis.Instance);
        m.Set("NotImplemented", PyNotImplemented.Instance);
        m.Set("True", PyBool.True);
        m.Set("False", PyBool.False);
        m.Set("__debug__", PyBool.True);
        m.Set("__build_class__", new PyBuiltinFunction("__build_class__", BuildClass));
        F("print", Print);
        F("len", (a, k) => { Args.Exactly("len", a, k, 1); return PyInt.Of(Ops.Len(a[0])); });
        F("repr", (a, k) => { Args.Exactly("repr", a, k, 1); return Ops.Repr(a[0]); });
        F("ascii", (a, k) => { Args.Exactly("ascii", a, k, 1); return PyStr.Of(AsciiText(Ops.ReprText(a[0]))); });
        F("format", (a, k) => { Args.Range("format", a, k, 1, 2); return Format(a[0], a.Length > 1 ? a[1] : PyStr.Empty); });
        F("hash", (a, k) => { Args.Exactly("hash", a, k, 1); return PyInt.Of(Ops.Hash(a[0])); });
        F("id", (a, k) => { Args.Exactly("id", a, k, 1); return PyInt.Of(Identity.Of(a[0])); });
        F("abs", (a, k) => { Args.Exactly("abs", a, k, 1); return Ops.Abs(a[0]); });
        F("isinstance", (a, k) => { Args.Exactly("isinstance", a, k, 2); return PyBool.Of(IsInstance(a[0], a[1])); });
        F("issubclass", (a, k) => { Args.Exactly("issubclass", a, k, 2); return PyBool.Of(IsSubclass(a[0], a[1])); });
        F("callable", (a, k) => { Args.Exactly("callable", a, k, 1); return PyBool.Of(Ops.IsCallable(a[0])); });
        F("getattr", (a, k) =>
        {
            Args.Range("getattr", a, k, 2, 3);
            var name = a[1] as PyStr ?? throw Err.Type("attribute name must be string, not '" + a[1].Type.Name + "'");
            return a.Length == 3 ? Ops.TryGetAttr(a[0], name) ?? a[2] : Ops.GetAttr(a[0], name);
        });
        F("setattr", (a, k) => { Args.Exactly("setattr", a, k, 3); Ops.SetAttr(a[0], (PyStr)a[1], a[2]); return PyNone.Instance; });
        F("delattr", (a, k) => { Args.Exactly("delattr", a, k, 2); Ops.SetAttr(a[0], (PyStr)a[1], null); return PyNone.Instance; });
        F("hasattr", (a, k) => { Args.Exactly("hasattr", a, k, 2); return PyBool.Of(Ops.TryGetAttr(a[0], a[1] as PyStr ?? throw Err.Type("attribute name must be string")) is not null); });
        F("iter", (a, k) =>
        {
            Args.Range("iter", a, k, 1, 2);
            return a.Length == 2 ? new PyCallableIterator(a[0], a[1]) : Ops.GetIter(a[0]);
        });
        F("next", (a, k) =>
        {
            Args.Range("next", a, k, 1, 2);
            if (a[0].Type.Next is null)
                throw Err.Type($"'{a[0].Type.Name}' object is not an iterator");
            if (a[0] is PyGenerator g && a.Length == 1)
                return g.Send(PyNone.Instance);
            return Ops.Next(a[0]) ?? (a.Length == 2 ? a[1] : throw Err.StopIteration());
        });
        F("sorted", (a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            if (pos.Length != 1)
                throw Err.Type($"sorted expected 1 argument, got {pos.Length}");
            var list = PyList.Of(Ops.ToArray(pos[0]));
            var key = Args.Take(kwargs, "key");
            var reverse = Args.Take(kwargs, "reverse");
            Args.NoMore("sort", kwargs);
            ListSort.Sort(list, key is PyNone ? null : key, reverse is not null && Ops.IsTrue(reverse));
            return list;
        });
        F("min", (a, k) => MinMax(a, k, "min", CompareOp.Lt));
        F("max", (a, k) => MinMax(a, k, "max", CompareOp.Gt));
        F("sum", (a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            PyObject acc = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "start") ?? PyInt.Zero;
            if (acc is PyStr)
                throw Err.Type("sum() can't sum strings [use ''.join(seq) instead]");
            var it = Ops.GetIter(pos[0]);
            // Each fast loop ends at the iterator's end (done) or after adding, the general way, the first item
            // it cannot take; the iterator is never asked again once it has ended.
            bool done = false;
            if (acc.GetType() == typeof(PyInt) && Unsafe.As<PyInt>(acc).IsSmall)
                acc = SumInts(Unsafe.As<PyInt>(acc).Small, it, out done);
            while (!done && Ops.Next(it) is { } x)
            {
                acc = Ops.Add(acc, x);
                if (acc.GetType() == typeof(PyFloat))
                    acc = SumFloats(((PyFloat)acc).Value, it, out done);
            }
            return acc;
        });
        F("any", (a, k) => { var it = Ops.GetIter(a[0]); while (Ops.Next(it) is { } x) if (Ops.IsTrue(x)) return PyBool.True; return PyBool.False; });
        F("all", (a, k) => { var it = Ops.GetIter(a[0]); while (Ops.Next(it) is { } x) if (!Ops.IsTrue(x)) return PyBool.False; return PyBool.True; });
        m.Set("enumerate", PyType.EnumerateType);
        PyType.EnumerateType.New = (type, a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            var start = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "start") ?? PyInt.Zero;
            return new PyNativeIterator(PyType.EnumerateType, Enumerate(Ops.GetIter(pos[0]), Ops.Index(start).Value));
        };
        m.Set("zip", PyType.ZipType);
        PyType.ZipType.New = (type, a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            bool strict = Args.Take(kwargs, "strict") is { } s && Ops.IsTrue(s);
            return new PyNativeIterator(PyType.ZipType, Zip(pos.ToArray().Select(Ops.GetIter).ToArray(), strict));
        };
        m.Set("map", PyType.MapType);
        PyType.MapType.New = (type, a, k) =>
        {
            if (a.Length < 2)
                throw Err.Type("map() must have at least two arguments.");
            return new PyNativeIterator(PyType.MapType, Map(a[0], a[1..].ToArray().Select(Ops.GetIter).ToArray()));
        };
        m.Set("filter", PyType.FilterType);
        PyType.FilterType.New = (type, a, k) => new PyNativeIterator(PyType.FilterType, Filter(a[0], Ops.GetIter(a[1])));
        m.Set("reversed", PyType.ReversedType);
        PyType.ReversedType.New = (type, a, k) =>
        {
            Args.Exactly("reversed", a, k, 1);
            if (Ops.CallSpecial(a[0], "__reversed__", []) is { } r)
                return r;
            if (a[0].Type.GetItem is null || a[0].Type.Len is null)
                throw Err.Type($"'{a[0].Type.Name}' object is not reversible");
            long n = Ops.Len(a[0]);
            return new PyNativeIterator(PyType.ReversedType, Reversed(a[0], n));
        };
        F("divmod", (a, k) => { Args.Exactly("divmod", a, k, 2); return Ops.Binary(a[0], a[1], NumOp.DivMod); });
        F("pow", (a, k) =>
        {
            Args.Range("pow", a, k, 2, 3);
            if (a.Length == 3 && a[2] is not PyNone)
            {
                if (a[0] is not PyInt || a[1] is not PyInt || a[2] is not PyInt)
                    throw Err.Type("pow() 3rd argument not allowed unless all arguments are integers");
                return PyInt.Of(ModularPow(Ops.BigOf(a[0]), Ops.BigOf(a[1]), Ops.BigOf(a[2])));
            }
            return Ops.Binary(a[0], a[1], NumOp.Power);
        });
        F("round", (a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            var nd = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "ndigits");
            var f = pos[0].Type.Lookup("__round__") ?? throw Err.Type($"type {pos[0].Type.Name} doesn't define __round__ method");
            return nd is null or PyNone ? Ops.CallWithSelfDescriptor(f, pos[0], []) : Ops.CallWithSelfDescriptor(f, pos[0], [nd]);
        });
        F("chr", (a, k) =>
        {
            long cp = Ops.IndexLong(a[0]);
            if (cp < 0 || cp > 0x10FFFF)
                throw Err.Value("chr() arg not in range(0x110000)");
            return cp is >= 0xD800 and <= 0xDFFF ? PyStr.Of(((char)cp).ToString()) : PyStr.FromCodePoint((int)cp);
        });
        F("ord", (a, k) =>
        {
            if (a[0] is PyStr s)
            {
                if (s.Length != 1)
                    throw Err.Type($"ord() expected a character, but string of length {s.Length} found");
                return PyInt.Of(s.CodePoints()[0]);
            }
            if (a[0] is PyBytes b && b.Value.Length == 1)
                return PyInt.Of(b.Value[0]);
            throw Err.Type($"ord() expected string of length 1, but {a[0].Type.Name} found");
        });
        F("hex", (a, k) => PyStr.Of(Radix(Ops.BigOf(a[0]), "x", "0x")));
        F("oct", (a, k) => PyStr.Of(Radix(Ops.BigOf(a[0]), "o", "0o")));
        F("bin", (a, k) => PyStr.Of(Radix(Ops.BigOf(a[0]), "b", "0b")));
        F("vars", (a, k) =>
        {
            if (a.Length == 0)
                return VmThread.CurrentFrame?.Locals ?? VmThread.CurrentFrame!.Globals;
            return a[0] is PyType t ? new PyMappingProxy(t.TypeDict) : a[0].Dict ?? throw Err.Type("vars() argument must have __dict__ attribute");
        });
        F("dir", (a, k) => a.Length == 0 ? PyList.Of(((PyDict)(VmThread.CurrentFrame?.Locals ?? VmThread.CurrentFrame!.Globals)).KeysArray().OrderBy(x => ((PyStr)x).Value, PyStr.TextOrder).ToArray()) : ObjectDir(a[0]));
        F("globals", (a, k) => VmThread.CurrentFrame!.Globals);
        F("locals", (a, k) => VmThread.CurrentFrame!.Locals ?? LocalsOf(VmThread.CurrentFrame!));
        F("input", (a, k) =>
        {
            if (a.Length > 0)
            {
                WriteStdout(Ops.StrText(a[0]));
            }
            FlushStdout();
            var line = PyRuntime.Current.Stdin.ReadLine() ?? throw Err.New(PyType.EOFError, "EOF when reading a line");
            return PyStr.Of(line);
        });
        F("open", (a, k) => Library.DiskFile.Open(a, k));
        F("__import__", (a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            var f = VmThread.CurrentFrame!;
            return Importer.ImportName(f, (PyStr)pos[0], pos.Length > 3 ? pos[3] : PyNone.Instance, pos.Length > 4 ? pos[4] : PyInt.Zero);
        });
        F("exec", (a, k) => { RunCode("exec", a, k); return PyNone.Instance; });
        F("eval", (a, k) => RunCode("eval", a, k));
        F("compile", (a, k) =>
        {
            // compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1) (Python/bltinmodule.c).
            var pos = Args.Split(a, k, out var kwargs).ToArray();
            PyObject? Arg(int i, string key) => pos.Length > i ? pos[i] : Args.Take(kwargs, key);
            var source = Arg(0, "source") ?? throw Err.Type("compile() missing required argument 'source' (pos 1)");
            var filename = Arg(1, "filename") ?? throw Err.Type("compile() missing required argument 'filename' (pos 2)");
            var mode = Arg(2, "mode") ?? throw Err.Type("compile() missing required argument 'mode' (pos 3)");
            var flags = Arg(3, "flags");
            Arg(4, "dont_inherit");
            Arg(5, "optimize");
            Args.NoMore("compile", kwargs);
            if (source is PyCodeObject)
                return source;
            return SourceCompiler.Compile(source, Ops.StrText(filename), Ops.StrText(mode), flags is null ? 0 : (int)Ops.IndexLong(flags), "compile");
        });
        return m;
    }

    /// <summary>
    /// exec(code, globals=None, locals=None) and eval(...) of a code object (Python/bltinmodule.c builtin_exec_impl,
    /// builtin_eval_impl): run in the given namespaces, by default the caller's. Source text is compiled first (mode
    /// "exec" or "eval", file name "&lt;string&gt;").
    /// </summary>
    private static PyObject RunCode(string name, ReadOnlySpan<PyObject> a, PyTuple? k)
    {
        var pos = Args.Split(a, k, out var kwargs);
        var source = pos.Length > 0 ? pos[0] : throw Err.Type($"{name} expected at least 1 argument, got 0");
        var globalsArg = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "globals");
        var localsArg = pos.Length > 2 ? pos[2] : Args.Take(kwargs, "locals");
        Args.NoMore(name, kwargs);
        if (source is PyStr or PyBytes or PyByteArray)
            source = SourceCompiler.Compile(source, "<string>", name, 0, name);
        if (source is not PyCodeObject code)
            throw Err.Type(name == "exec"
                ? $"exec() arg 1 must be a string, bytes or code object"
                : "eval() arg 1 must be a string, bytes or code object");
        if (globalsArg is not null and not PyNone and not PyDict)
            throw Err.Type(name == "exec" ? $"exec() globals must be a dict, not {globalsArg.Type.Name}" : "globals must be a dict");
        if (localsArg is not null and not PyNone && localsArg.Type.Lookup("__getitem__") is null)
            throw Err.Type(name == "exec" ? $"locals must be a mapping or None, not {localsArg.Type.Name}" : "locals must be a mapping");
        // 3.11+ builtin_exec_impl: a code object with free variables needs closure=, which the VM does not take.
        if (code.NFree > 0)
            throw Err.Type(name == "exec" ? $"code object requires a closure of exactly length {code.NFree}" : "code object passed to eval() may not contain free variables");
        var caller = VmThread.CurrentFrame!;
        PyDict globals;
        PyObject locals;
        if (globalsArg is PyDict g)
        {
            globals = g;
            locals = localsArg is null or PyNone ? g : localsArg;
        }
        else
        {
            globals = caller.Globals;
            locals = localsArg is null or PyNone ? caller.Locals ?? LocalsOf(caller) : localsArg;
        }
        // A globals dict without __builtins__ gets the current ones, as CPython inserts them.
        if (!globals.TryGetStr(PyStr.Intern("__builtins__"), out var b))
        {
            b = PyRuntime.Current.BuiltinsModule;
            globals.SetStr("__builtins__", b);
        }
        var builtins = b is PyModule bm ? bm.ModuleDict : b as PyDict ?? caller.Builtins;
        return Eval.Run(new Frame(code, globals, builtins, locals));
    }

    internal static PyDict LocalsOf(Frame f)
    {
        var d = new PyDict();
        for (int i = 0; i < f.Code.NLocalsPlus; i++)
        {
            var v = f.Fast[i];
            if (v is PyCell c)
                v = c.Contents!;
            if (v is not null)
                d.SetItem(f.Code.LocalsPlusNames[i], v);
        }
        return d;
    }

    private static IEnumerator<PyObject> Enumerate(PyObject it, BigInteger start)
    {
        while (Ops.Next(it) is { } x)
        {
            yield return PyTuple.Of(PyInt.Of(start), x);
            start++;
        }
    }

    private static IEnumerator<PyObject> Zip(PyObject[] its, bool strict)
    {
        if (its.Length == 0)
            yield break;
        while (true)
        {
            var items = new PyObject[its.Length];
            for (int i = 0; i < its.Length; i++)
            {
                var x = Ops.Next(its[i]);
                if (x is null)
                {
                    if (strict)
                    {
                        if (i > 0)
                            throw Err.Value($"zip() argument {i + 1} is shorter than argument{(i == 1 ? "" : "s")} 1{(i == 1 ? "" : "-" + i)}");
                        for (int j = 1; j < its.Length; j++)
                            if (Ops.Next(its[j]) is not null)
                                throw Err.Value($"zip() argument {j + 1} is longer than argument{(j == 1 ? "" : "s")} 1{(j == 1 ? "" : "-" + j)}");
                    }
                    yield break;
                }
                items[i] = x;
            }
            yield return PyTuple.Of(items);
        }
    }

    private static IEnumerator<PyObject> Map(PyObject f, PyObject[] its)
    {
        while (true)
        {
            var args = new PyObject[its.Length];
            for (int i = 0; i < its.Length; i++)
            {
                var x = Ops.Next(its[i]);
                if (x is null)
                    yield break;
                args[i] = x;
            }
            yield return Ops.Call(f, args);
        }
    }

    private static IEnumerator<PyObject> Filter(PyObject f, PyObject it)
    {
        while (Ops.Next(it) is { } x)
            if (f is PyNone ? Ops.IsTrue(x) : Ops.IsTrue(Ops.Call(f, x)))
                yield return x;
    }

    private static IEnumerator<PyObject> Reversed(PyObject seq, long n)
    {
        for (long i = n - 1; i >= 0; i--)
            yield return Ops.GetItem(seq, PyInt.Of(i));
    }

    private static PyObject MinMax(ReadOnlySpan<PyObject> a, PyTuple? k, string name, CompareOp op)
    {
        var pos = Args.Split(a, k, out var kwargs);
        var key = Args.Take(kwargs, "key");
        var dflt = Args.Take(kwargs, "default");
        Args.NoMore(name, kwargs);
        if (pos.Length == 0)
            throw Err.Type($"{name} expected at least 1 argument, got 0");
        IEnumerable<PyObject> items;
        if (pos.Length == 1)
        {
            items = Ops.ToList(pos[0]);
        }
        else
        {
            if (dflt is not null)
                throw Err.Type($"Cannot specify a default for {name}() with multiple positional arguments");
            items = pos.ToArray();
        }
        PyObject? best = null, bestKey = null;
        foreach (var x in items)
        {
            var kx = key is null or PyNone ? x : Ops.Call(key, x);
            if (best is null || Ops.RichCompareBool(kx, bestKey!, op))
            {
                best = x;
                bestKey = kx;
            }
        }
        return best ?? dflt ?? throw Err.Value($"{name}() {PyRuntime.Current.Dialect.MinMaxEmpty}");
    }

    private static string Radix(BigInteger v, string fmt, string prefix)
    {
        string digits = fmt switch
        {
            "x" => BigInteger.Abs(v).ToString("x", System.Globalization.CultureInfo.InvariantCulture).TrimStart('0'),
            _ => ToBase(BigInteger.Abs(v), fmt == "o" ? 8 : 2),
        };
        if (digits.Length == 0)
            digits = "0";
        return (v.Sign < 0 ? "-" : "") + prefix + digits;
    }

    private static string ToBase(BigInteger v, int b)
    {
        if (v.IsZero)
            return "0";
        var sb = new StringBuilder();
        while (!v.IsZero)
        {
            sb.Insert(0, (char)('0' + (int)(v % b)));
            v /= b;
        }
        return sb.ToString();
    }

    public static bool IsInstance(PyObject o, PyObject cls)
    {
        if (cls is PyTuple t)
            return t.Items.Any(c => IsInstance(o, c));
        if (cls is PyType pt)
        {
            if (o.Type.IsSubtypeOf(pt))
                return true;
            if (pt.Type != PyType.TypeType && pt.Type.Lookup("__instancecheck__") is { } ic and (PyFunction or PyMethodDescriptor))
                return Ops.IsTrue(Ops.CallWithSelf(ic, pt, [o], null));
            return false;
        }
        if (cls is PyUnion u)
            return u.Args.Items.Any(c => IsInstance(o, c));
        if (cls.Type.Lookup("__instancecheck__") is { } check && cls is not PyType)
            return Ops.IsTrue(Ops.CallWithSelfDescriptor(check, cls, [o]));
        throw Err.Type("isinstance() arg 2 must be a type, a tuple of types, or a union");
    }

    public static bool IsSubclass(PyObject o, PyObject cls)
    {
        if (cls is PyTuple t)
            return t.Items.Any(c => IsSubclass(o, c));
        if (o is not PyType ot)
            throw Err.Type("issubclass() arg 1 must be a class");
        if (cls is PyUnion u)
            return u.Args.Items.Any(c => IsSubclass(o, c));
        if (cls is not PyType ct)
            throw Err.Type("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return ot.IsSubtypeOf(ct);
    }

    /// <summary>
    /// builtin_sum_impl's float loop (Python/bltinmodule.c): floats and ints that fit a C long are added as
    /// doubles; from 3.12 with Neumaier's compensation, so sum([0.1] * 10) == 1.0. Returns the running total
    /// plus the first other item added the ordinary way (or the total when the iterator ends).
    /// </summary>
    /// <summary>
    /// sum() while the total and every item are ints of a machine word (Python/bltinmodule.c builtin_sum_impl's
    /// i_result loop, bools included): the total of the items up to the first that is not such an int or would
    /// overflow it, which has been added the general way; the caller goes on from there (an exhausted iterator
    /// just ends its loop).
    /// </summary>
    private static PyObject SumInts(long total, PyObject it, out bool done)
    {
        done = false;
        while (Ops.Next(it) is { } item)
        {
            if (item is PyInt { IsSmall: true } i && (i.GetType() == typeof(PyInt) || i.GetType() == typeof(PyBool)))
            {
                long b = i.Small;
                if (total >= 0 ? b <= long.MaxValue - total : b >= long.MinValue - total)
                {
                    total += b;
                    continue;
                }
            }
            var acc = Ops.Add(PyInt.Of(total), item);
            return acc.GetType() == typeof(PyFloat) ? SumFloats(Unsafe.As<PyFloat>(acc).Value, it, out done) : acc;
        }
        done = true;
        return PyInt.Of(total);
    }

    private static PyObject SumFloats(double total, PyObject it, out bool done)
    {
        bool compensate = Interpreter.PyRuntime.Current.Dialect.SumCompensated;
        double c = 0.0;
        while (true)
        {
            var item = Ops.Next(it);
            if (item is not null && item.GetType() == typeof(PyFloat))
            {
                double x = ((PyFloat)item).Value;
                double t = total + x;
                if (compensate)
                    c += Math.Abs(total) >= Math.Abs(x) ? (total - t) + x : (x - t) + total;
                total = t;
                continue;
            }
            if (item is PyInt { IsSmall: true } i)
            {
                total += i.Small;
                continue;
            }
            // Adding the compensation must not lose a negative zero nor turn an infinite sum into nan.
            if (c != 0 && double.IsFinite(c))
                total += c;
            done = item is null;
            return item is null ? new PyFloat(total) : Ops.Add(new PyFloat(total), item);
        }
    }

    public static PyObject Format(PyObject v, PyObject spec)
    {
        var f = v.Type.Lookup("__format__") ?? throw Err.Type($"Type {v.Type.Name} doesn't define __format__");
        var r = Ops.CallWithSelfDescriptor(f, v, [spec]);
        return r as PyStr ?? throw Err.Type($"__format__ must return a str, not {r.Type.Name}");
    }

    public static string AsciiText(string repr)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < repr.Length; i++)
        {
            int cp = char.ConvertToUtf32(repr, i);
            if (cp > 0xFFFF)
                i++;
            if (cp < 128)
                sb.Append((char)cp);
            else if (cp < 256)
                sb.Append($"\\x{cp:x2}");
            else if (cp < 0x10000)
                sb.Append($"\\u{cp:x4}");
            else
                sb.Append($"\\U{cp:x8}");
        }
        return sb.ToString();
    }

    /// <summary>PyObject_Dir (Objects/object.c): type(o).__dir__(o), as a sorted list.</summary>
    public static PyList ObjectDir(PyObject o)
    {
        var m = o.Type.Lookup("__dir__") ?? throw Err.Type("object does not provide __dir__");
        var list = PyList.Of(Ops.ToList(Ops.CallWithSelfDescriptor(m, o, [])).ToArray());
        Ops.Call(Ops.GetAttr(list, "sort"), []);
        return list;
    }

    /// <summary>object.__dir__ and type.__dir__ (Objects/typeobject.c): the instance dict and the class attributes.</summary>
    public static PyObject Dir(PyObject o)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (o is PyType t)
        {
            foreach (var m in t.Mro)
                foreach (var k in m.TypeDict.KeysArray())
                    names.Add(((PyStr)k).Value);
        }
        else
        {
            if (o.Dict is { } d)
                foreach (var k in d.KeysArray())
                    if (k is PyStr ks)
                        names.Add(ks.Value);
            if (o is not PyModule)
                foreach (var m in o.Type.Mro)
                    foreach (var k in m.TypeDict.KeysArray())
                        names.Add(((PyStr)k).Value);
        }
        return PyList.Of(names.Order(PyStr.TextOrder).Select(n => (PyObject)PyStr.Of(n)).ToArray());
    }

    private static PyObject Print(ReadOnlySpan<PyObject> a, PyTuple? k)
    {
        var pos = Args.Split(a, k, out var kwargs);
        var sep = Args.Take(kwargs, "sep");
        var end = Args.Take(kwargs, "end");
        var file = Args.Take(kwargs, "file");
        var flush = Args.Take(kwargs, "flush");
        Args.NoMore("print", kwargs);
        string sepText = sep is null or PyNone ? " " : sep is PyStr ss ? ss.Value : throw Err.Type($"sep must be None or a string, not {sep.Type.Name}");
        string endText = end is null or PyNone ? "\n" : end is PyStr es ? es.Value : throw Err.Type($"end must be None or a string, not {end.Type.Name}");
        var target = file is null or PyNone ? PyRuntime.Current.Sys.GetStr("stdout") ?? PyNone.Instance : file;
        if (target is PyNone)
            return PyNone.Instance;
        if (target is FileObject fo)
        {
            // Piece by piece like the generic path, so a failing str() leaves what came before it written.
            for (int i = 0; i < pos.Length; i++)
            {
                if (i > 0)
                    fo.Write(sepText);
                fo.Write(Ops.StrText(pos[i]));
            }
            fo.Write(endText);
            if (flush is not null && Ops.IsTrue(flush))
                fo.Flush();
        }
        else
        {
            // Python/bltinmodule.c builtin_print_impl: one file.write() per argument, separator and end.
            var write = Ops.GetAttr(target, "write");
            for (int i = 0; i < pos.Length; i++)
            {
                if (i > 0)
                    Ops.Call(write, PyStr.Of(sepText));
                Ops.Call(write, Ops.Str(pos[i]));
            }
            Ops.Call(write, PyStr.Of(endText));
            if (flush is not null && Ops.IsTrue(flush))
                Ops.Call(Ops.GetAttr(target, "flush"));
        }
        return PyNone.Instance;
    }

    private static void WriteStdout(string s)
    {
        var target = PyRuntime.Current.Sys.GetStr("stdout");
        if (target is FileObject fo)
            fo.Write(s);
        else if (target is not null)
            Ops.Call(Ops.GetAttr(target, "write"), PyStr.Of(s));
    }

    private static void FlushStdout()
    {
        if (PyRuntime.Current.Sys.GetStr("stdout") is FileObject fo)
            fo.Flush();
    }

    /// <summary>__build_class__(func, name, *bases, metaclass=..., **kwds) (Python/bltinmodule.c builtin___build_class__).</summary>
    private static PyObject BuildClass(ReadOnlySpan<PyObject> a, PyTuple? k)
    {
        var pos = Args.Split(a, k, out var kwargs);
        if (pos.Length < 2)
            throw Err.Type("__build_class__: not enough arguments");
        var func = pos[0] as PyFunction ?? throw Err.Type("__build_class__: func must be a function");
        var name = pos[1] as PyStr ?? throw Err.Type("__build_class__: name is not a string");
        var origBases = pos[2..].ToArray();
        var bases = new List<PyObject>();
        bool changed = false;
        foreach (var b in origBases)
        {
            if (b is not PyType && Ops.TryGetAttr(b, "__mro_entries__") is { } me)
            {
                bases.AddRange(Ops.ToArray(Ops.Call(me, PyTuple.Of(origBases))));
                changed = true;
            }
            else
            {
                bases.Add(b);
            }
        }
        var meta = Args.Take(kwargs, "metaclass");
        var typeBases = bases.Select(b => b as PyType ?? throw Err.Type($"bases must be types")).ToArray();
        bool isClass = meta is null || meta is PyType;
        if (meta is null)
            meta = typeBases.Length == 0 ? PyType.TypeType : typeBases[0].Type;
        if (isClass)
            meta = TypeSetup.CalculateMetaclass((PyType)meta, typeBases);
        var restNames = kwargs is { Count: > 0 } ? new PyTuple(kwargs.Keys.Select(x => (PyObject)PyStr.Intern(x)).ToArray()) : null;
        var restValues = kwargs?.Values.ToArray() ?? [];
        PyObject ns;
        var prepare = Ops.TryGetAttr(meta, "__prepare__");
        ns = prepare is null ? new PyDict() : Ops.Call(prepare, [name, PyTuple.Of(bases.ToArray()), .. restValues], restNames);
        var frame = new Frame(func.Code, func.Globals, PyRuntime.Current.BuiltinsDict, ns) { Function = func };
        var cell = Eval.Run(frame);
        var allArgs = new PyObject[] { name, PyTuple.Of(bases.ToArray()), ns }.Concat(restValues).ToArray();
        if (changed)
            Ops.SetItem(ns, PyStr.Intern("__orig_bases__"), PyTuple.Of(origBases));
        var cls = Ops.Call(meta, allArgs, restNames);
        if (cell is PyCell c && cls is PyType && c.Contents is null)
            c.Contents = cls;
        return cls;
    }

    /// <summary>Three-argument pow (Objects/longobject.c long_pow): a negative exponent inverts the base first;
    /// the result takes the modulus's sign.</summary>
    private static BigInteger ModularPow(BigInteger b, BigInteger e, BigInteger mod)
    {
        if (mod.IsZero)
            throw Err.Value("pow() 3rd argument cannot be 0");
        bool negative = mod.Sign < 0;
        var m = BigInteger.Abs(mod);
        if (m.IsOne)
            return BigInteger.Zero;
        b %= m;
        if (b.Sign < 0)
            b += m;
        if (e.Sign < 0)
        {
            b = Inverse(b, m) ?? throw Err.Value("base is not invertible for the given modulus");
            e = -e;
        }
        var r = BigInteger.ModPow(b, e, m);
        return negative && !r.IsZero ? r - m : r;
    }

    /// <summary>The inverse of b modulo m by the extended Euclidean algorithm; null when gcd(b, m) != 1.</summary>
    private static BigInteger? Inverse(BigInteger b, BigInteger m)
    {
        BigInteger r0 = m, r1 = b, t0 = 0, t1 = 1;
        while (!r1.IsZero)
        {
            var q = BigInteger.Divide(r0, r1);
            (r0, r1) = (r1, r0 - q * r1);
            (t0, t1) = (t1, t0 - q * t1);
        }
        if (!r0.IsOne)
            return null;
        return t0.Sign < 0 ? t0 + m : t0;
    }
}
