using System.Numerics;
using System.Text;
using PycSharp.Format.Text;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>tuple, list, dict, set, frozenset, range, slice, bytes and the iterators.</summary>
internal static class ContainerSetup
{
    [ThreadStatic] private static HashSet<PyObject>? t_reprActive;

    /// <summary>Py_ReprEnter: a container already being printed prints as "[...]".</summary>
    public static PyStr ReprGuarded(PyObject o, string recursive, Func<string> body)
    {
        t_reprActive ??= new HashSet<PyObject>(ReferenceEqualityComparer.Instance);
        if (!t_reprActive.Add(o))
            return PyStr.Of(recursive);
        try
        {
            return PyStr.Of(body());
        }
        finally
        {
            t_reprActive.Remove(o);
        }
    }

    internal static string Join(ReadOnlySpan<PyObject> items)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < items.Length; i++)
        {
            if (i > 0)
                sb.Append(", ");
            sb.Append(Ops.ReprText(items[i]));
        }
        return sb.ToString();
    }

    internal static bool SequenceEquals(ReadOnlySpan<PyObject> a, ReadOnlySpan<PyObject> b, CompareOp op, out PyObject result)
    {
        int i = 0;
        for (; i < a.Length && i < b.Length; i++)
            if (!Ops.RichCompareBool(a[i], b[i], CompareOp.Eq))
                break;
        if (i >= a.Length || i >= b.Length)
        {
            result = PyBool.Of(Ops.Compare(a.Length, b.Length, op));
            return true;
        }
        if (op == CompareOp.Eq)
        {
            result = PyBool.False;
            return true;
        }
        if (op == CompareOp.Ne)
        {
            result = PyBool.True;
            return true;
        }
        result = Ops.RichCompare(a[i], b[i], op);
        return true;
    }

    public static void Install()
    {
        TupleInstall(PyType.TupleType);
        ListInstall(PyType.ListType);
        DictInstall(PyType.DictType);
        SetInstall(PyType.SetType, false);
        SetInstall(PyType.FrozenSetType, true);
        RangeInstall(PyType.RangeType);
        SliceInstall(PyType.SliceType);
        BytesSetup.Install();
        foreach (var t in new[] { PyType.IteratorType, PyType.CallableIteratorType, PyType.ListIteratorType, PyType.ListReverseIteratorType,
            PyType.TupleIteratorType, PyType.RangeIteratorType, PyType.StrIteratorType, PyType.DictKeyIteratorType,
            PyType.DictValueIteratorType, PyType.DictItemIteratorType, PyType.SetIteratorType, PyType.MapType, PyType.FilterType,
            PyType.ZipType, PyType.EnumerateType, PyType.ReversedType })
        {
            t.Iter = o => o;
            t.Next = o => o is PyIteratorBase ib ? ib.Next() : ((PySeqIter)o).Next();
        }
        DictViews();
        PyType.MappingProxyType.GetItem = (o, k) => Ops.GetItem(((PyMappingProxy)o).Mapping, k);
        PyType.MappingProxyType.Iter = o => Ops.GetIter(((PyMappingProxy)o).Mapping);
        PyType.MappingProxyType.Len = o => ((PyMappingProxy)o).Mapping.Count;
        PyType.MappingProxyType.Contains = (o, k) => ((PyMappingProxy)o).Mapping.ContainsKey(k);
        PyType.MappingProxyType.Repr = o => PyStr.Of("mappingproxy(" + Ops.ReprText(((PyMappingProxy)o).Mapping) + ")");
        TypeSetup.Method(PyType.MappingProxyType, "keys", (self, a, k) => new PyDictView(((PyMappingProxy)self).Mapping, DictIterKind.Keys));
        TypeSetup.Method(PyType.MappingProxyType, "items", (self, a, k) => new PyDictView(((PyMappingProxy)self).Mapping, DictIterKind.Items));
        TypeSetup.Method(PyType.MappingProxyType, "values", (self, a, k) => new PyDictView(((PyMappingProxy)self).Mapping, DictIterKind.Values));
        TypeSetup.Method(PyType.MappingProxyType, "get", (self, a, k) => ((PyMappingProxy)self).Mapping.GetOrNull(a[0]) ?? (a.Length > 1 ? a[1] : PyNone.Instance));
    }

    private static void TupleInstall(PyType t)
    {
        t.Repr = o =>
        {
            var items = ((PyTuple)o).Items;
            if (items.Length == 0)
                return PyStr.Of("()");
            return ReprGuarded(o, "(...)", () => items.Length == 1 ? "(" + Ops.ReprText(items[0]) + ",)" : "(" + Join(items) + ")");
        };
        t.Len = o => ((PyTuple)o).Count;
        t.Bool = o => ((PyTuple)o).Count > 0;
        t.Iter = o => new PyTupleIterator((PyTuple)o);
        t.Contains = (o, x) =>
        {
            foreach (var item in ((PyTuple)o).Items)
                if (Ops.RichCompareBool(item, x, CompareOp.Eq))
                    return true;
            return false;
        };
        t.GetItem = (o, k) =>
        {
            var items = ((PyTuple)o).Items;
            if (k is PySlice s)
            {
                int n = Slices.Indices(s, items.Length, out int start, out _, out int step);
                var r = new PyObject[n];
                for (int i = 0; i < n; i++)
                    r[i] = items[start + i * step];
                return PyTuple.Of(r);
            }
            if (k is not PyInt && k.Type.Index is null)
                throw Err.Type($"tuple indices must be integers or slices, not {k.Type.Name}");
            return items[Slices.Index(k, items.Length, "tuple")];
        };
        t.Compare = (a, b, op) => b is PyTuple tb && SequenceEquals(((PyTuple)a).Items, tb.Items, op, out var r) ? r : Ops.NotImplemented;
        t.Hash = o =>
        {
            var items = ((PyTuple)o).Items;
            Span<long> lanes = items.Length <= 32 ? stackalloc long[items.Length] : new long[items.Length];
            for (int i = 0; i < items.Length; i++)
                lanes[i] = Ops.Hash(items[i]);
            return PyHash.TupleOfHashes(lanes);
        };
        t.Num[(int)NumOp.Add] = (a, b) => a is PyTuple x && b is PyTuple y ? PyTuple.Of([.. x.Items, .. y.Items])
            : a is PyTuple ? throw Err.Type($"can only concatenate tuple (not \"{b.Type.Name}\") to tuple") : Ops.NotImplemented;
        t.Num[(int)NumOp.Multiply] = (a, b) =>
        {
            var (seq, n) = a is PyTuple x && b is PyInt bi ? (x, bi) : b is PyTuple y && a is PyInt ai ? (y, ai) : (null, null);
            if (seq is null)
                return Ops.NotImplemented;
            long count = Math.Max(0, Ops.IndexLong(n!));
            var r = new List<PyObject>();
            for (long i = 0; i < count; i++)
                r.AddRange(seq.Items);
            return PyTuple.Of(r.ToArray());
        };
        t.New = (type, args, kw) =>
        {
            Args.Range("tuple", args, kw, 0, 1);
            var items = args.Length == 0 ? [] : Ops.ToArray(args[0]);
            if (ReferenceEquals(type, PyType.TupleType))
                return args.Length == 1 && args[0].GetType() == typeof(PyTuple) ? args[0] : PyTuple.Of(items);
            return PyTuple.Subclass(type, items);
        };
        TypeSetup.Method(t, "count", (self, a, k) => PyInt.Of(Count(((PyTuple)self).Items, a[0])));
        TypeSetup.Method(t, "index", (self, a, k) => SequenceIndex("tuple", ((PyTuple)self).Items, a, k) is int i
            ? PyInt.Of(i) : throw Err.Value("tuple.index(x): x not in tuple"));
        TypeSetup.Method(t, "__getnewargs__", (self, a, k) => PyTuple.Of(PyTuple.Of(((PyTuple)self).Items)));
    }

    /// <summary>
    /// list.index / tuple.index (value, start=0, stop=sys.maxsize): negative bounds count from the end and clip at
    /// 0 (Objects/listobject.c list_index_impl, tupleobject.c tuple_index_impl); null when absent. The sequence
    /// is read afresh each step, as a comparison may change a list.
    /// </summary>
    private static int? SequenceIndex(string type, ReadOnlySpan<PyObject> items, ReadOnlySpan<PyObject> a, PyTuple? k)
    {
        Args.Range("index", a, k, 1, 3);
        int length = items.Length;
        long Bound(PyObject o)
        {
            long v = Slices.SliceIndex(o);
            return v < 0 ? Math.Max(0, v + length) : v;
        }
        long start = a.Length > 1 ? Bound(a[1]) : 0;
        long stop = a.Length > 2 ? Bound(a[2]) : long.MaxValue;
        for (long i = start; i < stop && i < items.Length; i++)
            if (Ops.RichCompareBool(items[(int)i], a[0], CompareOp.Eq))
                return (int)i;
        return null;
    }

    private static void ListInstall(PyType t)
    {
        t.SetUnhashable();
        t.Repr = o =>
        {
            var l = (PyList)o;
            if (l.Count == 0)
                return PyStr.Of("[]");
            return ReprGuarded(o, "[...]", () => "[" + Join(l.ToArray()) + "]");
        };
        t.Len = o => ((PyList)o).Count;
        t.Bool = o => ((PyList)o).Count > 0;
        t.Iter = o => new PyListIterator((PyList)o);
        t.Contains = (o, x) =>
        {
            var l = (PyList)o;
            for (int i = 0; i < l.Count; i++)
                if (Ops.RichCompareBool(l[i], x, CompareOp.Eq))
                    return true;
            return false;
        };
        t.GetItem = (o, k) =>
        {
            var l = (PyList)o;
            if (k is PySlice s)
            {
                int n = Slices.Indices(s, l.Count, out int start, out _, out int step);
                var r = new PyList(n);
                for (int i = 0; i < n; i++)
                    r.Append(l[start + i * step]);
                return r;
            }
            if (k is not PyInt && k.Type.Index is null)
                throw Err.Type($"list indices must be integers or slices, not {k.Type.Name}");
            return l[Slices.Index(k, l.Count, "list")];
        };
        t.SetItem = (o, k, v) =>
        {
            var l = (PyList)o;
            if (k is PySlice s)
            {
                int n = Slices.Indices(s, l.Count, out int start, out int stop, out int step);
                if (v is null)
                {
                    if (step == 1)
                    {
                        if (n > 0)
                            l.RemoveRange(start, n);
                        return;
                    }
                    var idx = Enumerable.Range(0, n).Select(i => start + i * step).OrderDescending();
                    foreach (var i in idx)
                        l.RemoveAt(i);
                    return;
                }
                var items = ReferenceEquals(v, o) ? l.ToArray() : Ops.ToArray(v);
                if (step == 1)
                {
                    l.Replace(start, Math.Max(start, start + n), items);
                    return;
                }
                if (items.Length != n)
                    throw Err.Value($"attempt to assign sequence of size {items.Length} to extended slice of size {n}");
                for (int i = 0; i < n; i++)
                    l[start + i * step] = items[i];
                return;
            }
            if (k is not PyInt && k.Type.Index is null)
                throw Err.Type($"list indices must be integers or slices, not {k.Type.Name}");
            int index = Slices.Index(k, l.Count, "list assignment");
            if (v is null)
                l.RemoveAt(index);
            else
                l[index] = v;
        };
        t.Compare = (a, b, op) => b is PyList lb ? (SequenceEquals(((PyList)a).ToArray(), lb.ToArray(), op, out var r) ? r : Ops.NotImplemented) : Ops.NotImplemented;
        t.Num[(int)NumOp.Add] = (a, b) => a is PyList x && b is PyList y ? PyList.Of([.. x.AsSpan(), .. y.AsSpan()])
            : a is PyList ? throw Err.Type($"can only concatenate list (not \"{b.Type.Name}\") to list") : Ops.NotImplemented;
        t.Num[(int)NumOp.Multiply] = (a, b) =>
        {
            var (seq, n) = a is PyList x && b is PyInt bi ? (x, bi) : b is PyList y && a is PyInt ai ? (y, ai) : (null, null);
            if (seq is null)
                return Ops.NotImplemented;
            long count = Math.Max(0, Ops.IndexLong(n!));
            var r = new PyList((int)Math.Min(count * seq.Count, 1 << 20));
            var src = seq.ToArray();
            for (long i = 0; i < count; i++)
                r.Extend(src);
            return r;
        };
        t.InplaceNum[(int)NumOp.Add] = (a, b) =>
        {
            ((PyList)a).Extend(Ops.ToArray(b));
            return a;
        };
        t.InplaceNum[(int)NumOp.Multiply] = (a, b) =>
        {
            var l = (PyList)a;
            var src = l.ToArray();
            long count = Ops.IndexLong(b);
            l.Clear();
            for (long i = 0; i < count; i++)
                l.Extend(src);
            return a;
        };
        t.Allocate = PyList.Subclass;
        t.New = (type, args, kw) => ReferenceEquals(type, PyType.ListType) ? new PyList() : PyList.Subclass(type);
        t.Init = (self, args, kw) =>
        {
            Args.Range("list", args, kw, 0, 1);
            var l = (PyList)self;
            l.Clear();
            if (args.Length == 1)
                l.Extend(Ops.ToArray(args[0]));
        };
        M(t, "append", (self, a, k) => { Args.Exactly("list.append", a, k, 1); ((PyList)self).Append(a[0]); return PyNone.Instance; });
        M(t, "extend", (self, a, k) => { ((PyList)self).Extend(Ops.ToArray(a[0])); return PyNone.Instance; });
        M(t, "insert", (self, a, k) =>
        {
            var l = (PyList)self;
            long i = Ops.IndexLong(a[0]);
            if (i < 0)
                i = Math.Max(0, i + l.Count);
            l.Insert((int)Math.Min(i, l.Count), a[1]);
            return PyNone.Instance;
        });
        M(t, "pop", (self, a, k) =>
        {
            var l = (PyList)self;
            int i = Slices.PopIndex(a, l.Count, "list");
            var v = l[i];
            l.RemoveAt(i);
            return v;
        });
        M(t, "remove", (self, a, k) =>
        {
            var l = (PyList)self;
            for (int i = 0; i < l.Count; i++)
            {
                if (Ops.RichCompareBool(l[i], a[0], CompareOp.Eq))
                {
                    l.RemoveAt(i);
                    return PyNone.Instance;
                }
            }
            throw Err.Value("list.remove(x): x not in list");
        });
        M(t, "index", (self, a, k) => SequenceIndex("list", ((PyList)self).AsSpan(), a, k) is int i
            ? PyInt.Of(i) : throw Err.Value($"{Ops.ReprText(a[0])} is not in list"));
        M(t, "count", (self, a, k) => PyInt.Of(Count(((PyList)self).AsSpan(), a[0])));
        M(t, "reverse", (self, a, k) => { ((PyList)self).AsSpan().Reverse(); return PyNone.Instance; });
        M(t, "clear", (self, a, k) => { ((PyList)self).Clear(); return PyNone.Instance; });
        M(t, "copy", (self, a, k) => PyList.Of(((PyList)self).AsSpan()));
        M(t, "sort", (self, a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            if (pos.Length > 0)
                throw Err.Type("sort() takes no positional arguments");
            var key = Args.Take(kwargs, "key");
            var reverse = Args.Take(kwargs, "reverse");
            Args.NoMore("sort", kwargs);
            ListSort.Sort((PyList)self, key is PyNone ? null : key, reverse is not null && Ops.IsTrue(reverse));
            return PyNone.Instance;
        });
        M(t, "__reversed__", (self, a, k) => new PyListReverseIterator((PyList)self));
    }

    private static void M(PyType t, string name, NativeMethod body) => TypeSetup.Method(t, name, body);

    private static int Count(ReadOnlySpan<PyObject> items, PyObject x)
    {
        int n = 0;
        foreach (var item in items)
            if (Ops.RichCompareBool(item, x, CompareOp.Eq))
                n++;
        return n;
    }

    private static void DictInstall(PyType t)
    {
        t.SetUnhashable();
        t.Repr = o =>
        {
            var d = (PyDict)o;
            if (d.Count == 0)
                return PyStr.Of("{}");
            return ReprGuarded(o, "{...}", () =>
            {
                var sb = new StringBuilder("{");
                bool first = true;
                foreach (var (k, v) in d.Items())
                {
                    if (!first)
                        sb.Append(", ");
                    first = false;
                    sb.Append(Ops.ReprText(k)).Append(": ").Append(Ops.ReprText(v));
                }
                return sb.Append('}').ToString();
            });
        };
        t.Len = o => ((PyDict)o).Count;
        t.Bool = o => ((PyDict)o).Count > 0;
        t.Iter = o => new PyDictIterator((PyDict)o, DictIterKind.Keys);
        t.Contains = (o, k) => ((PyDict)o).ContainsKey(k);
        t.GetItem = (o, k) =>
        {
            if (((PyDict)o).TryGetValue(k, out var v))
                return v;
            if (o.GetType() != typeof(PyDict) && o.Type.Lookup("__missing__") is { } missing)
                return Ops.CallWithSelfDescriptor(missing, o, [k]);
            throw Err.Key(k);
        };
        t.SetItem = (o, k, v) =>
        {
            if (v is null)
            {
                if (!((PyDict)o).Remove(k))
                    throw Err.Key(k);
            }
            else
            {
                ((PyDict)o).SetItem(k, v);
            }
        };
        t.Compare = (a, b, op) =>
        {
            if (b is not PyDict db || op is not (CompareOp.Eq or CompareOp.Ne))
                return Ops.NotImplemented;
            var da = (PyDict)a;
            bool eq = da.Count == db.Count && da.Items().All(kv => db.TryGetValue(kv.Key, out var v) && Ops.RichCompareBool(kv.Value, v, CompareOp.Eq));
            return PyBool.Of(op == CompareOp.Eq ? eq : !eq);
        };
        t.Num[(int)NumOp.Or] = (a, b) =>
        {
            if (a is not PyDict x || b is not PyDict y)
                return Ops.NotImplemented;
            var r = x.Copy();
            foreach (var (k, v) in y.Items())
                r.SetItem(k, v);
            return r;
        };
        t.InplaceNum[(int)NumOp.Or] = (a, b) =>
        {
            Update((PyDict)a, [b], null);
            return a;
        };
        t.Allocate = PyDict.Subclass;
        t.New = (type, args, kw) => ReferenceEquals(type, PyType.DictType) ? new PyDict() : PyDict.Subclass(type);
        t.Init = (self, args, kw) => Update((PyDict)self, args, kw);
        M(t, "keys", (self, a, k) => new PyDictView((PyDict)self, DictIterKind.Keys));
        M(t, "values", (self, a, k) => new PyDictView((PyDict)self, DictIterKind.Values));
        M(t, "items", (self, a, k) => new PyDictView((PyDict)self, DictIterKind.Items));
        M(t, "get", (self, a, k) =>
        {
            Args.Range("get", a, k, 1, 2);
            return ((PyDict)self).GetOrNull(a[0]) ?? (a.Length > 1 ? a[1] : PyNone.Instance);
        });
        M(t, "setdefault", (self, a, k) =>
        {
            var d = (PyDict)self;
            if (d.TryGetValue(a[0], out var v))
                return v;
            var dv = a.Length > 1 ? a[1] : PyNone.Instance;
            d.SetItem(a[0], dv);
            return dv;
        });
        M(t, "pop", (self, a, k) =>
        {
            if (((PyDict)self).Remove(a[0], out var v))
                return v;
            return a.Length > 1 ? a[1] : throw Err.Key(a[0]);
        });
        M(t, "popitem", (self, a, k) => ((PyDict)self).PopLast(out var key, out var v) ? PyTuple.Of(key, v) : throw Err.New(PyType.KeyError, "popitem(): dictionary is empty"));
        M(t, "update", (self, a, k) => { Update((PyDict)self, a, k); return PyNone.Instance; });
        M(t, "clear", (self, a, k) => { ((PyDict)self).Clear(); return PyNone.Instance; });
        M(t, "copy", (self, a, k) => ((PyDict)self).Copy());
        M(t, "__reversed__", (self, a, k) => new PyArrayIterator(((PyDict)self).KeysArray().Reverse().ToArray(), PyType.DictKeyIteratorType));
        TypeSetup.ClassMethod(t, "fromkeys", (cls, a, k) =>
        {
            var d = (PyDict)Ops.Call(cls);
            var v = a.Length > 1 ? a[1] : PyNone.Instance;
            foreach (var key in Ops.ToArray(a[0]))
                Ops.SetItem(d, key, v);
            return d;
        });
    }

    public static void Update(PyDict d, ReadOnlySpan<PyObject> args, PyTuple? kw)
    {
        var pos = Args.Split(args, kw, out var kwargs);
        if (pos.Length > 1)
            throw Err.Type($"update expected at most 1 argument, got {pos.Length}");
        if (pos.Length == 1)
        {
            var src = pos[0];
            if (src is PyDict sd)
            {
                foreach (var (k, v) in sd.Items().ToList())
                    d.SetItem(k, v);
            }
            else if (Ops.TryGetAttr(src, "keys") is { } keys)
            {
                foreach (var k in Ops.ToArray(Ops.Call(keys)))
                    d.SetItem(k, Ops.GetItem(src, k));
            }
            else
            {
                int i = 0;
                foreach (var item in Ops.ToArray(src))
                {
                    var pair = Ops.ToArray(item);
                    if (pair.Length != 2)
                        throw Err.Value($"dictionary update sequence element #{i} has length {pair.Length}; 2 is required");
                    d.SetItem(pair[0], pair[1]);
                    i++;
                }
            }
        }
        if (kwargs is not null)
            foreach (var (k, v) in kwargs)
                d.SetItem(PyStr.Intern(k), v);
    }

    private static void DictViews()
    {
        foreach (var t in new[] { PyType.DictKeysType, PyType.DictValuesType, PyType.DictItemsType })
        {
            t.Len = o => ((PyDictView)o).Mapping.Count;
            t.Iter = o => new PyDictIterator(((PyDictView)o).Mapping, ((PyDictView)o).Kind);
            t.Repr = o =>
            {
                var v = (PyDictView)o;
                return ReprGuarded(o, "...", () => $"{v.Type.Name}([{Join(Ops.ToArray(Ops.GetIter(o)))}])");
            };
            M(t, "__reversed__", (self, a, k) => new PyArrayIterator(Ops.ToArray(Ops.GetIter(self)).Reverse().ToArray(), PyType.DictKeyIteratorType));
        }
        PyType.DictKeysType.Contains = (o, k) => ((PyDictView)o).Mapping.ContainsKey(k);
        PyType.DictItemsType.Contains = (o, k) => k is PyTuple { Count: 2 } kv && ((PyDictView)o).Mapping.TryGetValue(kv[0], out var v) && Ops.RichCompareBool(v, kv[1], CompareOp.Eq);
        foreach (var t in new[] { PyType.DictKeysType, PyType.DictItemsType })
        {
            // Objects/dictobject.c dictview_richcompare: sizes first, then containment one way or the other.
            t.Compare = (a, b, op) =>
            {
                if (b is not (PySet or PyDictView { Kind: not DictIterKind.Values }))
                    return Ops.NotImplemented;
                long la = Ops.Len(a), lb = Ops.Len(b);
                bool AllIn(PyObject x, PyObject y) => Ops.ToArray(Ops.GetIter(x)).All(e => Ops.Contains(y, e));
                bool r = op switch
                {
                    CompareOp.Eq => la == lb && AllIn(a, b),
                    CompareOp.Ne => !(la == lb && AllIn(a, b)),
                    CompareOp.Lt => la < lb && AllIn(a, b),
                    CompareOp.Le => la <= lb && AllIn(a, b),
                    CompareOp.Gt => la > lb && AllIn(b, a),
                    _ => la >= lb && AllIn(b, a),
                };
                return PyBool.Of(r);
            };
            M(t, "isdisjoint", (self, a, k) => PyBool.Of(!Ops.ToArray(Ops.GetIter(a[0])).Any(e => Ops.Contains(self, e))));
            foreach (var op in new[] { NumOp.And, NumOp.Or, NumOp.Subtract, NumOp.Xor })
                t.Num[(int)op] = (a, b) => PyType.SetType.Num[(int)op]!(SetFrom(a, false), b is PySet ? b : SetFrom(b, false));
        }
    }

    public static PySet SetFrom(PyObject iterable, bool frozen)
    {
        var s = new PySet(frozen);
        SetMethods.Update(s, iterable);
        return s;
    }

    private static void SetInstall(PyType t, bool frozen)
    {
        if (!frozen)
            t.SetUnhashable();
        else
            t.Hash = o => ((PySet)o).CachedHash is var h && h != -1 ? h : ((PySet)o).CachedHash = ((PySet)o).ComputeFrozenHash();
        t.Repr = o =>
        {
            var s = (PySet)o;
            string name = o.Type.Name;
            if (s.Count == 0)
                return PyStr.Of(name + "()");
            return ReprGuarded(o, name + "(...)", () =>
            {
                var body = "{" + Join(s.ToArray()) + "}";
                return ReferenceEquals(o.Type, PyType.SetType) ? body : name + "(" + body + ")";
            });
        };
        t.Len = o => ((PySet)o).Count;
        t.Bool = o => ((PySet)o).Count > 0;
        t.Iter = o => new PySetIterator((PySet)o);
        t.Contains = (o, k) =>
        {
            try
            {
                return ((PySet)o).Contains(k);
            }
            catch (PyException e) when (k is PySet ks && Err.Matches(e, PyType.TypeError))
            {
                return ((PySet)o).Contains(SetFrom(ks, true));
            }
        };
        t.Compare = (a, b, op) =>
        {
            if (b is not PySet sb)
                return Ops.NotImplemented;
            var sa = (PySet)a;
            bool sub = sa.Count <= sb.Count && sa.ToArray().All(sb.Contains);
            bool sup = sb.Count <= sa.Count && sb.ToArray().All(sa.Contains);
            return PyBool.Of(op switch
            {
                CompareOp.Eq => sub && sa.Count == sb.Count,
                CompareOp.Ne => !(sub && sa.Count == sb.Count),
                CompareOp.Le => sub,
                CompareOp.Lt => sub && sa.Count < sb.Count,
                CompareOp.Ge => sup,
                _ => sup && sa.Count > sb.Count,
            });
        };
        PySet New(PyObject like) => new(like is PySet ls ? ls.IsFrozen : frozen);
        t.Num[(int)NumOp.Or] = (a, b) => a is PySet x && b is PySet y ? SetMethods.Union(x, y) : Ops.NotImplemented;
        t.Num[(int)NumOp.And] = (a, b) => a is PySet x && b is PySet y ? SetMethods.Intersection(x, y) : Ops.NotImplemented;
        t.Num[(int)NumOp.Subtract] = (a, b) => a is PySet x && b is PySet y ? SetMethods.Difference(x, y) : Ops.NotImplemented;
        t.Num[(int)NumOp.Xor] = (a, b) => a is PySet x && b is PySet y ? SetMethods.SymmetricDifference(x, y) : Ops.NotImplemented;
        if (!frozen)
        {
            t.InplaceNum[(int)NumOp.Or] = (a, b) => { if (b is not PySet) return Ops.NotImplemented; SetMethods.Update((PySet)a, b); return a; };
            t.InplaceNum[(int)NumOp.And] = (a, b) => { if (b is not PySet) return Ops.NotImplemented; SetMethods.Replace((PySet)a, SetMethods.Intersection((PySet)a, (PySet)b)); return a; };
            t.InplaceNum[(int)NumOp.Subtract] = (a, b) => { if (b is not PySet y) return Ops.NotImplemented; foreach (var x in y.ToArray()) ((PySet)a).Discard(x); return a; };
            t.InplaceNum[(int)NumOp.Xor] = (a, b) => { if (b is not PySet) return Ops.NotImplemented; SetMethods.SymmetricDifferenceUpdate((PySet)a, b); return a; };
        }
        t.Allocate = type => PySet.Subclass(type, frozen);
        t.New = (type, args, kw) =>
        {
            if (frozen)
            {
                Args.Range("frozenset", args, kw, 0, 1);
                if (ReferenceEquals(type, PyType.FrozenSetType) && args.Length == 1 && args[0].GetType() == typeof(PySet) && ((PySet)args[0]).IsFrozen)
                    return args[0];
                var fs = ReferenceEquals(type, PyType.FrozenSetType) ? new PySet(true) : PySet.Subclass(type, true);
                if (args.Length == 1)
                    SetMethods.Update(fs, args[0]);
                return fs;
            }
            return ReferenceEquals(type, PyType.SetType) ? new PySet() : PySet.Subclass(type, false);
        };
        if (!frozen)
        {
            t.Init = (self, args, kw) =>
            {
                Args.Range("set", args, kw, 0, 1);
                ((PySet)self).Clear();
                if (args.Length == 1)
                    SetMethods.Update((PySet)self, args[0]);
            };
            M(t, "add", (self, a, k) => { ((PySet)self).Add(a[0]); return PyNone.Instance; });
            M(t, "discard", (self, a, k) => { ((PySet)self).Discard(a[0]); return PyNone.Instance; });
            M(t, "remove", (self, a, k) => ((PySet)self).Discard(a[0]) ? PyNone.Instance : throw Err.Key(a[0]));
            M(t, "pop", (self, a, k) => ((PySet)self).Pop() ?? throw Err.New(PyType.KeyError, "pop from an empty set"));
            M(t, "clear", (self, a, k) => { ((PySet)self).Clear(); return PyNone.Instance; });
            M(t, "update", (self, a, k) => { foreach (var x in a) SetMethods.Update((PySet)self, x); return PyNone.Instance; });
            M(t, "intersection_update", (self, a, k) => { foreach (var x in a) SetMethods.Replace((PySet)self, SetMethods.IntersectionWith((PySet)self, x)); return PyNone.Instance; });
            M(t, "difference_update", (self, a, k) => { foreach (var x in a) foreach (var y in Ops.ToArray(x)) ((PySet)self).Discard(y); return PyNone.Instance; });
            M(t, "symmetric_difference_update", (self, a, k) => { SetMethods.SymmetricDifferenceUpdate((PySet)self, a[0]); return PyNone.Instance; });
        }
        M(t, "copy", (self, a, k) => { var s = New(self); s.Merge((PySet)self); return s; });
        M(t, "union", (self, a, k) => { var s = New(self); s.Merge((PySet)self); foreach (var x in a) SetMethods.Update(s, x); return s; });
        // Objects/setobject.c set_intersection_multi / set_difference_multi: the first argument decides the
        // algorithm (and so the order of the result); later ones are applied in place.
        M(t, "intersection", (self, a, k) =>
        {
            var r = (PySet)self;
            if (a.Length == 0)
                return SetMethods.Copy(r);
            foreach (var x in a)
                r = SetMethods.IntersectionWith(r, x);
            return r;
        });
        M(t, "difference", (self, a, k) =>
        {
            if (a.Length == 0)
                return SetMethods.Copy((PySet)self);
            var r = SetMethods.DifferenceWith((PySet)self, a[0]);
            foreach (var x in a[1..])
                foreach (var y in Ops.ToArray(x))
                    r.Discard(y);
            return r;
        });
        M(t, "symmetric_difference", (self, a, k) => SetMethods.SymmetricDifference((PySet)self, a[0] as PySet ?? SetFrom(a[0], false)));
        M(t, "issubset", (self, a, k) => { var o = a[0] as PySet ?? SetFrom(a[0], false); return PyBool.Of(((PySet)self).ToArray().All(o.Contains)); });
        M(t, "issuperset", (self, a, k) => PyBool.Of(Ops.ToArray(a[0]).All(((PySet)self).Contains)));
        M(t, "isdisjoint", (self, a, k) => PyBool.Of(!Ops.ToArray(a[0]).Any(((PySet)self).Contains)));
    }

    /// <summary>
    /// range (Objects/rangeobject.c): start, stop and step are ints of any size; iteration takes the machine-word
    /// path when everything fits (rangeiter), the arbitrary-precision one otherwise (longrangeiter).
    /// </summary>
    private static void RangeInstall(PyType t)
    {
        static (BigInteger Start, BigInteger Stop, BigInteger Step) R(PyObject o)
        {
            var r = (PyRange)o;
            return (((PyInt)r.Start).Value, ((PyInt)r.Stop).Value, ((PyInt)r.Step).Value);
        }
        static BigInteger Length(BigInteger start, BigInteger stop, BigInteger step) =>
            step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0) : (start > stop ? (start - stop - 1) / -step + 1 : 0);
        static BigInteger LengthOf(PyObject o)
        {
            var (a, b, s) = R(o);
            return Length(a, b, s);
        }
        static PyObject Iterate(BigInteger start, BigInteger step, BigInteger count)
        {
            var last = start + (count - 1) * step;
            if (count <= long.MaxValue && start >= long.MinValue && start <= long.MaxValue && step >= long.MinValue && step <= long.MaxValue
                && last >= long.MinValue && last <= long.MaxValue)
                return new PyRangeIterator((long)start, (long)step, (long)count);
            return new PyNativeIterator(PyType.RangeIteratorType, Big(start, step, count));
            static IEnumerator<PyObject> Big(BigInteger v, BigInteger step, BigInteger count)
            {
                for (; count > 0; count--, v += step)
                    yield return PyInt.Of(v);
            }
        }
        static bool IsMember(PyObject o, BigInteger v)
        {
            var (a, b, s) = R(o);
            return s > 0 ? v >= a && v < b && BigInteger.Remainder(v - a, s).IsZero : v <= a && v > b && BigInteger.Remainder(a - v, -s).IsZero;
        }
        t.New = (type, args, kw) =>
        {
            Args.NoKeywords("range", kw);
            if (args.Length is 0 or > 3)
                throw Err.Type(args.Length == 0 ? "range expected at least 1 argument, got 0" : $"range expected at most 3 arguments, got {args.Length}");
            PyObject start = PyInt.Zero, stop, step = PyInt.One;
            if (args.Length == 1)
                stop = Ops.Index(args[0]);
            else
            {
                start = Ops.Index(args[0]);
                stop = Ops.Index(args[1]);
                if (args.Length == 3)
                    step = Ops.Index(args[2]);
            }
            if (step is PyInt { IsSmall: true, Small: 0 })
                throw Err.Value("range() arg 3 must not be zero");
            return new PyRange(start, stop, step);
        };
        t.Iter = o =>
        {
            var (a, b, s) = R(o);
            return Iterate(a, s, Length(a, b, s));
        };
        t.Len = o =>
        {
            var n = LengthOf(o);
            return n <= long.MaxValue ? (long)n : throw Err.Overflow("Python int too large to convert to C ssize_t");
        };
        t.Bool = o => !LengthOf(o).IsZero;
        t.Repr = o =>
        {
            var r = (PyRange)o;
            return PyStr.Of(r.Step is PyInt { Small: 1 } ? $"range({Ops.ReprText(r.Start)}, {Ops.ReprText(r.Stop)})"
                : $"range({Ops.ReprText(r.Start)}, {Ops.ReprText(r.Stop)}, {Ops.ReprText(r.Step)})");
        };
        t.GetItem = (o, k) =>
        {
            var (a, b, s) = R(o);
            var n = Length(a, b, s);
            if (k is PySlice sl)
            {
                var (st, sp, step) = BigSliceIndices(sl, n);
                return new PyRange(PyInt.Of(a + st * s), PyInt.Of(a + sp * s), PyInt.Of(s * step));
            }
            if (k is not PyInt && k.Type.Index is null)
                throw Err.Type($"range indices must be integers or slices, not {k.Type.Name}");
            var i = Ops.BigOf(k);
            if (i < 0)
                i += n;
            if (i < 0 || i >= n)
                throw Err.Index("range object index out of range");
            return PyInt.Of(a + i * s);
        };
        t.Contains = (o, x) => x is PyInt xi && x.Type == PyType.IntType || x is PyBool
            ? IsMember(o, ((PyInt)x).Value)
            : Ops.ToArray(o).Any(v => Ops.RichCompareBool(v, x, CompareOp.Eq));
        // range_equals: the same sequence of values, whatever the arguments.
        t.Compare = (x, y, op) =>
        {
            if (y is not PyRange || op is not (CompareOp.Eq or CompareOp.Ne))
                return Ops.NotImplemented;
            var (a1, b1, s1) = R(x);
            var (a2, b2, s2) = R(y);
            var n = Length(a1, b1, s1);
            bool eq = ReferenceEquals(x, y) || (n == Length(a2, b2, s2) && (n.IsZero || (a1 == a2 && (n.IsOne || s1 == s2))));
            return PyBool.Of(op == CompareOp.Eq ? eq : !eq);
        };
        // range_hash: (len, start, step), with start and step None when they do not matter.
        t.Hash = o =>
        {
            var r = (PyRange)o;
            var n = LengthOf(o);
            return Ops.Hash(PyTuple.Of(PyInt.Of(n), n.IsZero ? PyNone.Instance : r.Start, n <= 1 ? PyNone.Instance : r.Step));
        };
        TypeSetup.Getter(t, "start", o => ((PyRange)o).Start);
        TypeSetup.Getter(t, "stop", o => ((PyRange)o).Stop);
        TypeSetup.Getter(t, "step", o => ((PyRange)o).Step);
        M(t, "index", (self, a, k) =>
        {
            var (st, _, s) = R(self);
            if (a[0] is PyInt v && IsMember(self, v.Value))
                return PyInt.Of((v.Value - st) / s);
            var x = a[0];
            if (x is not PyInt && t.Contains!(self, x))
                return PyInt.Of(Ops.ToArray(self).TakeWhile(e => !Ops.RichCompareBool(e, x, CompareOp.Eq)).Count());
            throw Err.Value($"{Ops.ReprText(a[0])} is not in range");
        });
        M(t, "count", (self, a, k) =>
        {
            var x = a[0];
            return x is PyInt v ? PyInt.Of(IsMember(self, v.Value) ? 1 : 0) : PyInt.Of(Ops.ToArray(self).Count(e => Ops.RichCompareBool(e, x, CompareOp.Eq)));
        });
        M(t, "__reversed__", (self, a, k) =>
        {
            var (st, b, s) = R(self);
            var n = Length(st, b, s);
            return Iterate(st + (n - 1) * s, -s, n);
        });
    }

    /// <summary>_PySlice_GetLongIndices (Objects/sliceobject.c): a slice's start, stop and step for any length.</summary>
    private static (BigInteger Start, BigInteger Stop, BigInteger Step) BigSliceIndices(PySlice sl, BigInteger length)
    {
        static BigInteger IndexOf(PyObject o) => o is PyInt || o.Type.Index is not null
            ? Ops.BigOf(o) : throw Err.Type("slice indices must be integers or None or have an __index__ method");
        BigInteger step = sl.Step is PyNone ? BigInteger.One : IndexOf(sl.Step);
        if (step.IsZero)
            throw Err.Value("slice step cannot be zero");
        BigInteger lower = step < 0 ? -1 : 0, upper = step < 0 ? length - 1 : length;
        BigInteger Bound(PyObject o, BigInteger dflt)
        {
            if (o is PyNone)
                return dflt;
            var x = IndexOf(o);
            if (x < 0)
            {
                x += length;
                return x < lower ? lower : x;
            }
            return x > upper ? upper : x;
        }
        return (Bound(sl.Start, step < 0 ? upper : lower), Bound(sl.Stop, step < 0 ? lower : upper), step);
    }

    private static void SliceInstall(PyType t)
    {
        t.New = (type, args, kw) =>
        {
            Args.Range("slice", args, kw, 1, 3);
            return args.Length == 1 ? new PySlice(PyNone.Instance, args[0], PyNone.Instance)
                : new PySlice(args[0], args[1], args.Length > 2 ? args[2] : PyNone.Instance);
        };
        t.Repr = o =>
        {
            var s = (PySlice)o;
            return PyStr.Of($"slice({Ops.ReprText(s.Start)}, {Ops.ReprText(s.Stop)}, {Ops.ReprText(s.Step)})");
        };
        // Objects/sliceobject.c: unhashable until 3.12, then slice_hash, which is the hash of the 3-tuple.
        t.Hash = o => Interpreter.PyRuntime.Current.Version < new PycSharp.Format.PythonVersion(3, 12)
            ? throw Err.Type("unhashable type: 'slice'")
            : Ops.Hash(PyTuple.Of(((PySlice)o).Start, ((PySlice)o).Stop, ((PySlice)o).Step));
        t.Compare = (a, b, op) => b is PySlice sb ? Ops.RichCompare(PyTuple.Of(((PySlice)a).Start, ((PySlice)a).Stop, ((PySlice)a).Step), PyTuple.Of(sb.Start, sb.Stop, sb.Step), op) : Ops.NotImplemented;
        TypeSetup.Getter(t, "start", o => ((PySlice)o).Start);
        TypeSetup.Getter(t, "stop", o => ((PySlice)o).Stop);
        TypeSetup.Getter(t, "step", o => ((PySlice)o).Step);
        M(t, "indices", (self, a, k) =>
        {
            int n = Slices.Indices((PySlice)self, Ops.IndexInt(a[0]), out int start, out int stop, out int step);
            return PyTuple.Of(PyInt.Of(start), PyInt.Of(stop), PyInt.Of(step));
        });
    }
}

/// <param name="type">A subtype of the view type (OrderedDict's odict_keys and the rest), or null for dict's own.</param>
public sealed class PyDictView(PyDict dict, DictIterKind kind, PyType? type = null) : PyObject
{
    public readonly PyDict Mapping = dict;
    public readonly DictIterKind Kind = kind;

    public override PyType Type => type ?? Kind switch
    {
        DictIterKind.Keys => PyType.DictKeysType,
        DictIterKind.Values => PyType.DictValuesType,
        _ => PyType.DictItemsType,
    };
}

/// <summary>Set algebra in CPython's order of insertion (Objects/setobject.c set_union, set_intersection, ...).</summary>
internal static class SetMethods
{
    public static void Update(PySet s, PyObject iterable)
    {
        switch (iterable)
        {
            case PySet other:
                s.Merge(other);
                return;
            case PyDict d when iterable.GetType() == typeof(PyDict):
                s.MergeDictKeys(d);
                return;
        }
        var it = Ops.GetIter(iterable);
        while (Ops.Next(it) is { } x)
            s.Add(x);
    }

    public static PySet Copy(PySet a)
    {
        var r = new PySet(a.IsFrozen);
        r.Merge(a);
        return r;
    }

    /// <summary>set_swap_bodies: the target takes the source's table (its size too, hence its order).</summary>
    public static void Replace(PySet target, PySet source) => target.SwapBodies(source);

    /// <summary>set_intersection with any iterable: a set by the smaller side, else in the iterable's order.</summary>
    public static PySet IntersectionWith(PySet so, PyObject other)
    {
        if (other is PySet s)
            return Intersection(so, s);
        var r = new PySet(so.IsFrozen);
        var it = Ops.GetIter(other);
        while (Ops.Next(it) is { } k)
            if (so.Contains(k))
                r.Add(k);
        return r;
    }

    /// <summary>set_difference with any iterable: sets and dicts by membership, anything else copy-and-discard.</summary>
    public static PySet DifferenceWith(PySet so, PyObject other)
    {
        if (other is PySet s)
            return Difference(so, s);
        if (other is PyDict d && other.GetType() == typeof(PyDict) && (so.Count >> 2) <= d.Count)
        {
            var r = new PySet(so.IsFrozen);
            int pos = 0;
            while (so.NextWithHash(ref pos, out var k, out var h))
                if (!d.ContainsKey(k))
                    r.Add(k, h);
            return r;
        }
        var copy = Copy(so);
        var it = Ops.GetIter(other);
        while (Ops.Next(it) is { } k)
            copy.Discard(k);
        return copy;
    }

    /// <summary>set_symmetric_difference_update: in place, each element of the other set removed or added.</summary>
    public static void SymmetricDifferenceUpdate(PySet so, PyObject other)
    {
        if (ReferenceEquals(so, other))
        {
            so.Clear();
            return;
        }
        var otherSet = other as PySet ?? ContainerSetup.SetFrom(other, false);
        int pos = 0;
        while (otherSet.NextWithHash(ref pos, out var k, out var h))
            if (!so.Discard(k))
                so.Add(k, h);
    }

    public static PySet Union(PySet a, PySet b)
    {
        var r = Copy(a);
        r.Merge(b);
        return r;
    }

    public static PySet Intersection(PySet a, PySet b)
    {
        var r = new PySet(a.IsFrozen);
        if (a.Count > b.Count)
            (a, b) = (b, a);
        int pos = 0;
        while (a.NextWithHash(ref pos, out var k, out var h))
            if (b.Contains(k))
                r.Add(k, h);
        return r;
    }

    public static PySet Difference(PySet a, PySet b)
    {
        var r = new PySet(a.IsFrozen);
        if (a.Count >> 2 > b.Count)
        {
            r.Merge(a);
            int p = 0;
            while (b.Next(ref p, out var k))
                r.Discard(k);
            return r;
        }
        int pos = 0;
        while (a.NextWithHash(ref pos, out var k, out var h))
            if (!b.Contains(k))
                r.Add(k, h);
        return r;
    }

    public static PySet SymmetricDifference(PySet a, PySet b)
    {
        var r = new PySet(a.IsFrozen);
        r.Merge(b);
        int pos = 0;
        while (a.NextWithHash(ref pos, out var k, out var h))
        {
            if (!r.Discard(k))
                r.Add(k, h);
        }
        return r;
    }
}
