using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// functools (Lib/functools.py with Modules/_functoolsmodule.c): reduce, partial, update_wrapper/wraps,
/// lru_cache/cache, total_ordering and cmp_to_key, with CPython's behaviour and messages.
/// </summary>
internal static class FunctoolsModule
{
    public static PyModule Create(PyRuntime rt)
    {
        var m = new PyModule("functools");
        // Lib/functools.py: __type_params__ joined WRAPPER_ASSIGNMENTS in 3.12.
        var assigned = new List<PyObject> { PyStr.Of("__module__"), PyStr.Of("__name__"), PyStr.Of("__qualname__"), PyStr.Of("__doc__"), PyStr.Of("__annotations__") };
        if (rt.Version.Minor >= 12)
            assigned.Add(PyStr.Of("__type_params__"));
        var wrapperAssignments = PyTuple.Of(assigned.ToArray());
        var wrapperUpdates = PyTuple.Of(PyStr.Of("__dict__"));
        m.Set("WRAPPER_ASSIGNMENTS", wrapperAssignments);
        m.Set("WRAPPER_UPDATES", wrapperUpdates);
        m.Set("partial", PyPartial.TypeObject);

        Def(m, "reduce", (a, k) =>
        {
            Args.NoKeywords("reduce", k);
            Args.Range("reduce", a, k, 2, 3);
            var it = Ops.GetIter(a[1]);
            PyObject? acc = a.Length > 2 ? a[2] : null;
            while (Ops.Next(it) is { } x)
                acc = acc is null ? x : Ops.Call(a[0], [acc, x]);
            return acc ?? throw Err.Type("reduce() of empty iterable with no initial value");
        });

        PyObject updateWrapper = null!;
        updateWrapper = Def(m, "update_wrapper", (a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            var wrapper = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "wrapper") ?? throw Err.Type("update_wrapper() missing 2 required positional arguments: 'wrapper' and 'wrapped'");
            var wrapped = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "wrapped") ?? throw Err.Type("update_wrapper() missing 1 required positional argument: 'wrapped'");
            var assign = pos.Length > 2 ? pos[2] : Args.Take(kwargs, "assigned") ?? wrapperAssignments;
            var update = pos.Length > 3 ? pos[3] : Args.Take(kwargs, "updated") ?? wrapperUpdates;
            Args.NoMore("update_wrapper", kwargs);
            return UpdateWrapper(wrapper, wrapped, assign, update);
        });
        Def(m, "wraps", (a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            var wrapped = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "wrapped") ?? throw Err.Type("wraps() missing 1 required positional argument: 'wrapped'");
            var assign = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "assigned") ?? wrapperAssignments;
            var update = pos.Length > 2 ? pos[2] : Args.Take(kwargs, "updated") ?? wrapperUpdates;
            Args.NoMore("wraps", kwargs);
            // Lib/functools.py wraps: partial(update_wrapper, wrapped=..., assigned=..., updated=...).
            var keywords = new PyDict();
            keywords.SetStr("wrapped", wrapped);
            keywords.SetStr("assigned", assign);
            keywords.SetStr("updated", update);
            return new PyPartial(updateWrapper, [], keywords);
        });
        Def(m, "lru_cache", (a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            var maxsize = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "maxsize") ?? PyInt.Of(128);
            var typed = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "typed") ?? PyBool.False;
            Args.NoMore("lru_cache", kwargs);
            if (pos.Length > 2)
                throw Err.Type($"lru_cache() takes from 0 to 2 positional arguments but {pos.Length} were given");
            if (maxsize is PyInt size and not PyBool)
            {
                long n = size.Value < 0 ? 0 : size.Value > long.MaxValue ? long.MaxValue : (long)size.Value;
                return Decorator("decorating_function", f => Lru(f, n, Ops.IsTrue(typed), wrapperAssignments, wrapperUpdates));
            }
            if (Ops.IsCallable(maxsize) && typed is PyBool)
                return Lru(maxsize, 128, typed == PyBool.True, wrapperAssignments, wrapperUpdates);
            if (maxsize is not PyNone)
                throw Err.Type("Expected first argument to be an integer, a callable, or None");
            return Decorator("decorating_function", f => Lru(f, null, Ops.IsTrue(typed), wrapperAssignments, wrapperUpdates));
        });
        Def(m, "cache", (a, k) =>
        {
            Args.Exactly("cache", a, k, 1);
            return Lru(a[0], null, false, wrapperAssignments, wrapperUpdates);
        });
        Def(m, "total_ordering", (a, k) =>
        {
            Args.Exactly("total_ordering", a, k, 1);
            return TotalOrdering(a[0]);
        });
        Def(m, "cmp_to_key", (a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            var cmp = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "mycmp") ?? throw Err.Type("cmp_to_key() missing required argument 'mycmp' (pos 1)");
            Args.NoMore("cmp_to_key", kwargs);
            return new PyBuiltinFunction("K", (x, kw) =>
            {
                var p = Args.Split(x, kw, out var kws);
                var obj = p.Length > 0 ? p[0] : Args.Take(kws, "obj") ?? throw Err.Type("K() missing required argument 'obj' (pos 1)");
                Args.NoMore("K", kws);
                return new PyKeyWrapper(cmp, obj);
            }, "functools");
        });
        return m;
    }

    private static PyBuiltinFunction Def(PyModule m, string name, NativeFunction body)
    {
        BuiltinModules.Def(m, name, body);
        return (PyBuiltinFunction)m.ModuleDict.GetStr(name)!;
    }

    private static PyBuiltinFunction Decorator(string name, Func<PyObject, PyObject> apply) =>
        new(name, (a, k) =>
        {
            Args.Exactly(name, a, k, 1);
            return apply(a[0]);
        }, "functools");


    /// <summary>Lib/functools.py update_wrapper: copy what exists of <paramref name="assigned"/>, merge the dicts, set __wrapped__.</summary>
    internal static PyObject UpdateWrapper(PyObject wrapper, PyObject wrapped, PyObject assigned, PyObject updated)
    {
        foreach (var attr in Ops.ToArray(assigned))
        {
            var name = attr as PyStr ?? throw Err.Type($"attribute name must be string, not '{attr.Type.Name}'");
            PyObject value;
            try
            {
                value = Ops.GetAttr(wrapped, name);
            }
            catch (PyException e) when (Err.Matches(e, PyType.AttributeError))
            {
                continue;
            }
            Ops.SetAttr(wrapper, name, value);
        }
        foreach (var attr in Ops.ToArray(updated))
        {
            var name = attr as PyStr ?? throw Err.Type($"attribute name must be string, not '{attr.Type.Name}'");
            var target = Ops.GetAttr(wrapper, name);
            var source = Ops.TryGetAttr(wrapped, name) ?? new PyDict();
            Ops.Call(Ops.GetAttr(target, PyStr.Intern("update")), source);
        }
        Ops.SetAttr(wrapper, PyStr.Intern("__wrapped__"), wrapped);
        return wrapper;
    }

    private static PyObject Lru(PyObject function, long? maxsize, bool typed, PyObject assigned, PyObject updated)
    {
        if (!Ops.IsCallable(function))
            throw Err.Type("the first argument must be callable");
        var wrapper = new PyLruCacheWrapper(function, maxsize, typed);
        return UpdateWrapper(wrapper, function, assigned, updated);
    }

    // Lib/functools.py total_ordering: the operations derived from each root, in _convert's order.
    private static readonly Dictionary<string, (string Name, bool Negate, bool? OrEqual)[]> s_convert = new()
    {
        ["__lt__"] = [("__gt__", true, false), ("__le__", false, true), ("__ge__", true, null)],
        ["__le__"] = [("__ge__", true, true), ("__lt__", false, false), ("__gt__", true, null)],
        ["__gt__"] = [("__lt__", true, false), ("__ge__", false, true), ("__le__", true, null)],
        ["__ge__"] = [("__le__", true, true), ("__gt__", false, false), ("__lt__", true, null)],
    };

    /// <summary>
    /// The derived comparisons of Lib/functools.py (_gt_from_lt and the rest): the root's result r (NotImplemented
    /// passes through), then "not r and self != other" (negate, orEqual false), "r or self == other" (orEqual true),
    /// "not r" (orEqual null), "r and self != other" (not negated, orEqual false).
    /// </summary>
    private static PyObject FromRoot(string root, PyObject self, PyObject other, bool negate, bool? orEqual)
    {
        var r = Ops.CallSpecial(self, root, [other])!;
        if (ReferenceEquals(r, Ops.NotImplemented))
            return r;
        bool v = Ops.IsTrue(r);
        return orEqual switch
        {
            null => PyBool.Of(!v),
            true when negate => PyBool.Of(!v || Ops.Eq(self, other)),
            true => PyBool.Of(v || Ops.Eq(self, other)),
            false when negate => PyBool.Of(!v && !Ops.Eq(self, other)),
            false => PyBool.Of(v && !Ops.Eq(self, other)),
        };
    }

    private static PyObject TotalOrdering(PyObject cls)
    {
        var type = cls as PyType ?? throw Err.Attribute(cls, PyStr.Intern("__lt__"));
        var roots = new List<string>();
        foreach (var op in new[] { "__lt__", "__le__", "__gt__", "__ge__" })
        {
            var mine = Ops.TryGetAttr(type, PyStr.Intern(op));
            var objects = Ops.TryGetAttr(PyType.ObjectType, PyStr.Intern(op));
            if (mine is not null && !ReferenceEquals(mine, objects))
                roots.Add(op);
        }
        if (roots.Count == 0)
            throw Err.Value("must define at least one ordering operation: < > <= >=");
        string root = roots.Max(StringComparer.Ordinal)!;
        foreach (var (name, negate, orEqual) in s_convert[root])
        {
            if (roots.Contains(name))
                continue;
            var method = new PyMethodDescriptor(PyType.ObjectType, name, (self, a, k) =>
            {
                Args.Exactly(name, a, k, 1);
                return FromRoot(root, self, a[0], negate, orEqual);
            });
            Ops.SetAttr(type, PyStr.Intern(name), method);
        }
        return type;
    }
}

/// <summary>functools.partial (Modules/_functoolsmodule.c partial_new, partial_call, partial_repr).</summary>
internal sealed class PyPartial : PyObject
{
    public static readonly PyType TypeObject = Make();

    public readonly PyObject Function;
    public readonly PyObject[] Arguments;
    public readonly PyDict Keywords;
    private readonly PyDict _dict = new();

    public PyPartial(PyObject function, PyObject[] arguments, PyDict keywords)
    {
        Function = function;
        Arguments = arguments;
        Keywords = keywords;
    }

    public override PyType Type => TypeObject;
    public override PyDict? Dict => _dict;

    private static PyType Make()
    {
        var t = new PyType("partial", PyType.ObjectType) { Module = "functools" };
        t.ComputeMro();
        t.New = (type, args, kw) =>
        {
            var pos = Args.Split(args, kw, out var kwargs);
            if (pos.Length < 1)
                throw Err.Type("type 'partial' takes at least one argument");
            var func = pos[0];
            if (!Ops.IsCallable(func))
                throw Err.Type("the first argument must be callable");
            var rest = pos[1..].ToArray();
            var keywords = new PyDict();
            // A partial of an exact partial is flattened into one.
            if (func is PyPartial inner)
            {
                rest = [.. inner.Arguments, .. rest];
                foreach (var (key, value) in inner.Keywords.Items())
                    keywords.SetItem(key, value);
                func = inner.Function;
            }
            if (kwargs is not null)
            {
                foreach (var (key, value) in kwargs)
                    keywords.SetStr(key, value);
            }
            return new PyPartial(func, rest, keywords);
        };
        t.Call = (self, args, kw) =>
        {
            var p = (PyPartial)self;
            var pos = Args.Split(args, kw, out var kwargs);
            PyObject[] all = [.. p.Arguments, .. pos];
            var merged = p.Keywords.Copy();
            if (kwargs is not null)
            {
                foreach (var (key, value) in kwargs)
                    merged.SetStr(key, value);
            }
            return Ops.CallEx(p.Function, all, merged.Count == 0 ? null : merged);
        };
        t.Repr = o =>
        {
            var p = (PyPartial)o;
            var parts = new List<string> { Ops.ReprText(p.Function) };
            parts.AddRange(p.Arguments.Select(Ops.ReprText));
            foreach (var (key, value) in p.Keywords.Items())
                parts.Add(Ops.StrText(key) + "=" + Ops.ReprText(value));
            return PyStr.Of($"functools.partial({string.Join(", ", parts)})");
        };
        TypeSetup.Getter(t, "func", o => ((PyPartial)o).Function);
        TypeSetup.Getter(t, "args", o => PyTuple.Of(((PyPartial)o).Arguments));
        TypeSetup.Getter(t, "keywords", o => ((PyPartial)o).Keywords);
        TypeSetup.Getter(t, "__dict__", o => ((PyPartial)o)._dict);
        return t;
    }
}

/// <summary>functools._lru_cache_wrapper (Modules/_functoolsmodule.c): bounded, unbounded or no caching.</summary>
internal sealed class PyLruCacheWrapper : PyObject
{
    public static readonly PyType TypeObject = Make();
    private static readonly PyObject s_kwdMark = new PyInstance(PyType.ObjectType);
    private static readonly StructSequence s_cacheInfo = new("functools", "CacheInfo", ["hits", "misses", "maxsize", "currsize"], qualifiedRepr: false);

    private readonly PyObject _function;
    private readonly long? _maxsize;
    private readonly bool _typed;
    private readonly PyDict _cache = new();
    private readonly PyDict _dict = new();
    private long _hits, _misses;

    public PyLruCacheWrapper(PyObject function, long? maxsize, bool typed)
    {
        _function = function;
        _maxsize = maxsize;
        _typed = typed;
    }

    public override PyType Type => TypeObject;
    public override PyDict? Dict => _dict;

    /// <summary>lru_cache_make_key: a lone int or str argument is its own key, else a flat tuple.</summary>
    private PyObject MakeKey(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Count ?? 0;
        if (!_typed && nkw == 0)
        {
            if (args.Length == 1 && (args[0].GetType() == typeof(PyStr) || args[0].GetType() == typeof(PyInt)))
                return args[0];
            return PyTuple.Of(args);
        }
        var items = new List<PyObject>(args[..^nkw].ToArray());
        if (nkw > 0)
        {
            items.Add(s_kwdMark);
            for (int i = 0; i < nkw; i++)
            {
                items.Add(kwnames![i]);
                items.Add(args[args.Length - nkw + i]);
            }
        }
        if (_typed)
        {
            foreach (var a in args[..^nkw])
                items.Add(a.Type);
            foreach (var a in args[^nkw..])
                items.Add(a.Type);
        }
        return PyTuple.Of(items.ToArray());
    }

    private PyObject Call(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (_maxsize == 0)
        {
            _misses++;
            return Ops.Call(_function, args, kwnames);
        }
        var key = MakeKey(args, kwnames);
        long hash = Ops.Hash(key);
        if (_cache.TryGetValue(key, out var cached))
        {
            _hits++;
            if (_maxsize is not null)
            {
                // Most recently used goes last.
                _cache.Remove(key);
                _cache.SetItem(key, hash, cached);
            }
            return cached;
        }
        _misses++;
        var result = Ops.Call(_function, args, kwnames);
        if (_cache.ContainsKey(key))
            return result; // the call itself cached this key
        _cache.SetItem(key, hash, result);
        if (_maxsize is { } max && _cache.Count > max)
        {
            int pos = 0;
            if (_cache.Next(ref pos, out var oldest, out _))
                _cache.Remove(oldest);
        }
        return result;
    }

    private static PyType Make()
    {
        var t = new PyType("_lru_cache_wrapper", PyType.ObjectType) { Module = "functools", IsBaseType = false };
        t.ComputeMro();
        t.Call = (self, args, kw) => ((PyLruCacheWrapper)self).Call(args, kw);
        t.DescrGet = (self, obj, type) => obj is null ? self : new PyMethod(self, obj);
        TypeSetup.Method(t, "cache_info", (self, a, k) =>
        {
            var w = (PyLruCacheWrapper)self;
            return s_cacheInfo.Make(PyInt.Of(w._hits), PyInt.Of(w._misses), w._maxsize is { } n ? PyInt.Of(n) : PyNone.Instance, PyInt.Of(w._cache.Count));
        });
        TypeSetup.Method(t, "cache_clear", (self, a, k) =>
        {
            var w = (PyLruCacheWrapper)self;
            w._cache.Clear();
            w._hits = w._misses = 0;
            return PyNone.Instance;
        });
        TypeSetup.Method(t, "cache_parameters", (self, a, k) =>
        {
            var w = (PyLruCacheWrapper)self;
            var d = new PyDict();
            d.SetStr("maxsize", w._maxsize is { } n ? PyInt.Of(n) : PyNone.Instance);
            d.SetStr("typed", PyBool.Of(w._typed));
            return d;
        });
        TypeSetup.Getter(t, "__dict__", o => ((PyLruCacheWrapper)o)._dict);
        return t;
    }
}

/// <summary>functools.KeyWrapper, what cmp_to_key's K returns: compares by mycmp(a, b) against 0.</summary>
internal sealed class PyKeyWrapper(PyObject cmp, PyObject obj) : PyObject
{
    public static readonly PyType TypeObject = Make();

    public override PyType Type => TypeObject;

    private static PyType Make()
    {
        var t = new PyType("KeyWrapper", PyType.ObjectType) { Module = "functools", IsBaseType = false };
        t.ComputeMro();
        t.Hash = null;
        t.Compare = (a, b, op) =>
        {
            if (b is not PyKeyWrapper other)
                throw Err.Type("other argument must be K instance");
            var self = (PyKeyWrapper)a;
            var r = Ops.Call(self._cmp, [self._obj, other._obj]);
            return Ops.RichCompare(r, PyInt.Zero, op);
        };
        TypeSetup.Getter(t, "obj", o => ((PyKeyWrapper)o)._obj);
        return t;
    }

    private readonly PyObject _cmp = cmp;
    private readonly PyObject _obj = obj;
}
