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

    private static string Join(ReadOnlySpan<PyObject> items)
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

    private static bool SequenceEquals(ReadOnlySpan<PyObject> a, ReadOnlySpan<PyObject> b, CompareOp op, out PyObject result)
    {
        int i = 0;
        for (; i < a.Length && i < b.Length; i++)
            if (!Ops.RichCompareBool(a[i], b[i], CompareOp.Eq))
                break;
        if (i >= a.Length || i >= b.Length)
        {
            result = PyBool.Of(NumberSetup.CompareResult(a.Length.CompareTo(b.Length), op));
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
        BytesInstall(PyType.BytesType);
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
        TypeSetup.Method(t, "index", (self, a, k) =>
        {
            var items = ((PyTuple)self).Items;
            for (int i = 0; i < items.Length; i++)
                if (Ops.RichCompareBool(items[i], a[0], CompareOp.Eq))
                    return PyInt.Of(i);
            throw Err.Value("tuple.index(x): x not in tuple");
        });
        TypeSetup.Method(t, "__getnewargs__", (self, a, k) => PyTuple.Of(PyTuple.Of(((PyTuple)self).Items)));
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
            if (l.Count == 0)
                throw Err.Index("pop from empty list");
            long i = a.Length > 0 ? Ops.IndexLong(a[0]) : -1;
            if (i < 0)
                i += l.Count;
            if (i < 0 || i >= l.Count)
                throw Err.Index("pop index out of range");
            var v = l[(int)i];
            l.RemoveAt((int)i);
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
        M(t, "index", (self, a, k) =>
        {
            var l = (PyList)self;
            int start = a.Length > 1 ? (int)Math.Max(0, Ops.IndexLong(a[1]) < 0 ? Ops.IndexLong(a[1]) + l.Count : Ops.IndexLong(a[1])) : 0;
            for (int i = start; i < l.Count; i++)
                if (Ops.RichCompareBool(l[i], a[0], CompareOp.Eq))
                    return PyInt.Of(i);
            throw Err.Value($"{Ops.ReprText(a[0])} is not in list");
        });
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
            Sort((PyList)self, key is PyNone ? null : key, reverse is not null && Ops.IsTrue(reverse));
            return PyNone.Instance;
        });
        M(t, "__reversed__", (self, a, k) => new PyListReverseIterator((PyList)self));
    }

    /// <summary>list.sort: stable, by __lt__ only (Objects/listobject.c); the list reads as empty while sorting.</summary>
    public static void Sort(PyList list, PyObject? key, bool reverse)
    {
        var items = list.ToArray();
        var keys = key is null ? items : items.Select(x => Ops.Call(key, x)).ToArray();
        var index = Enumerable.Range(0, items.Length).ToArray();
        list.Clear();
        Comparison<int> cmp = (i, j) =>
        {
            if (Ops.RichCompareBool(keys[i], keys[j], CompareOp.Lt))
                return -1;
            if (Ops.RichCompareBool(keys[j], keys[i], CompareOp.Lt))
                return 1;
            return 0;
        };
        // reverse=True keeps equal items in their original order: reverse, stable sort, reverse back (listobject.c).
        if (reverse)
            Array.Reverse(index);
        var sorted = MergeSort(index, cmp);
        if (reverse)
            Array.Reverse(sorted);
        if (list.Count != 0)
            throw Err.Value("list modified during sort");
        list.SetContents(sorted.Select(i => items[i]).ToArray(), items.Length);
    }

    private static int[] MergeSort(int[] a, Comparison<int> cmp)
    {
        if (a.Length <= 1)
            return a;
        var tmp = new int[a.Length];
        var src = (int[])a.Clone();
        for (int width = 1; width < src.Length; width *= 2)
        {
            for (int lo = 0; lo < src.Length; lo += 2 * width)
            {
                int mid = Math.Min(lo + width, src.Length), hi = Math.Min(lo + 2 * width, src.Length);
                int i = lo, j = mid, k = lo;
                while (i < mid && j < hi)
                    tmp[k++] = cmp(src[j], src[i]) < 0 ? src[j++] : src[i++];
                while (i < mid)
                    tmp[k++] = src[i++];
                while (j < hi)
                    tmp[k++] = src[j++];
            }
            (src, tmp) = (tmp, src);
        }
        return src;
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
            t.Compare = (a, b, op) =>
            {
                if (op is not (CompareOp.Eq or CompareOp.Ne))
                    return Ops.NotImplemented;
                var sa = SetFrom(a, false);
                var sb = b is PySet s ? s : b is PyDictView ? SetFrom(b, false) : null;
                if (sb is null)
                    return Ops.NotImplemented;
                bool eq = sa.Count == sb.Count && sa.ToArray().All(sb.Contains);
                return PyBool.Of(op == CompareOp.Eq ? eq : !eq);
            };
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
            t.InplaceNum[(int)NumOp.Xor] = (a, b) => { if (b is not PySet) return Ops.NotImplemented; SetMethods.Replace((PySet)a, SetMethods.SymmetricDifference((PySet)a, (PySet)b)); return a; };
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
            M(t, "intersection_update", (self, a, k) => { foreach (var x in a) SetMethods.Replace((PySet)self, SetMethods.Intersection((PySet)self, SetFrom(x, false))); return PyNone.Instance; });
            M(t, "difference_update", (self, a, k) => { foreach (var x in a) foreach (var y in Ops.ToArray(x)) ((PySet)self).Discard(y); return PyNone.Instance; });
            M(t, "symmetric_difference_update", (self, a, k) => { SetMethods.Replace((PySet)self, SetMethods.SymmetricDifference((PySet)self, SetFrom(a[0], false))); return PyNone.Instance; });
        }
        M(t, "copy", (self, a, k) => { var s = New(self); s.Merge((PySet)self); return s; });
        M(t, "union", (self, a, k) => { var s = New(self); s.Merge((PySet)self); foreach (var x in a) SetMethods.Update(s, x); return s; });
        M(t, "intersection", (self, a, k) => { PyObject r = self; foreach (var x in a) r = SetMethods.Intersection((PySet)r, x as PySet ?? SetFrom(x, false)); return a.Length == 0 ? SetMethods.Copy((PySet)self) : r; });
        M(t, "difference", (self, a, k) => { var s = SetMethods.Copy((PySet)self); foreach (var x in a) foreach (var y in Ops.ToArray(x)) s.Discard(y); return s; });
        M(t, "symmetric_difference", (self, a, k) => SetMethods.SymmetricDifference((PySet)self, a[0] as PySet ?? SetFrom(a[0], false)));
        M(t, "issubset", (self, a, k) => { var o = a[0] as PySet ?? SetFrom(a[0], false); return PyBool.Of(((PySet)self).ToArray().All(o.Contains)); });
        M(t, "issuperset", (self, a, k) => PyBool.Of(Ops.ToArray(a[0]).All(((PySet)self).Contains)));
        M(t, "isdisjoint", (self, a, k) => PyBool.Of(!Ops.ToArray(a[0]).Any(((PySet)self).Contains)));
    }

    private static void RangeInstall(PyType t)
    {
        static (long Start, long Stop, long Step) R(PyObject o)
        {
            var r = (PyRange)o;
            return (Ops.IndexLong(r.Start), Ops.IndexLong(r.Stop), Ops.IndexLong(r.Step));
        }
        static long Length(long start, long stop, long step) =>
            step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0) : (start > stop ? (start - stop - 1) / -step + 1 : 0);
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
            return new PyRangeIterator(a, s, Length(a, b, s));
        };
        t.Len = o =>
        {
            var (a, b, s) = R(o);
            return Length(a, b, s);
        };
        t.Bool = o => t.Len!(o) > 0;
        t.Repr = o =>
        {
            var r = (PyRange)o;
            return PyStr.Of(r.Step is PyInt { Small: 1 } ? $"range({Ops.ReprText(r.Start)}, {Ops.ReprText(r.Stop)})"
                : $"range({Ops.ReprText(r.Start)}, {Ops.ReprText(r.Stop)}, {Ops.ReprText(r.Step)})");
        };
        t.GetItem = (o, k) =>
        {
            var (a, b, s) = R(o);
            long n = Length(a, b, s);
            if (k is PySlice sl)
            {
                int count = Slices.Indices(sl, (int)n, out int st, out _, out int step);
                long newStart = a + st * s, newStep = s * step;
                return new PyRange(PyInt.Of(newStart), PyInt.Of(newStart + count * newStep), PyInt.Of(newStep));
            }
            int i = Slices.Index(k, (int)n, "range object");
            return PyInt.Of(a + i * s);
        };
        t.Contains = (o, x) =>
        {
            if (x is not PyInt xi || !xi.IsSmall)
                return Ops.ToArray(o).Any(v => Ops.RichCompareBool(v, x, CompareOp.Eq));
            var (a, b, s) = R(o);
            long v = xi.Small;
            return s > 0 ? v >= a && v < b && (v - a) % s == 0 : v <= a && v > b && (a - v) % -s == 0;
        };
        t.Compare = (a, b, op) =>
        {
            if (b is not PyRange || op is not (CompareOp.Eq or CompareOp.Ne))
                return Ops.NotImplemented;
            bool eq = Ops.ToArray(a).Length == Ops.ToArray(b).Length && Ops.ToArray(a).Zip(Ops.ToArray(b)).All(p => Ops.Eq(p.First, p.Second));
            return PyBool.Of(op == CompareOp.Eq ? eq : !eq);
        };
        t.Hash = o => Ops.Hash(PyTuple.Of(PyInt.Of(t.Len!(o)), ((PyRange)o).Start, ((PyRange)o).Step));
        TypeSetup.Getter(t, "start", o => ((PyRange)o).Start);
        TypeSetup.Getter(t, "stop", o => ((PyRange)o).Stop);
        TypeSetup.Getter(t, "step", o => ((PyRange)o).Step);
        M(t, "index", (self, a, k) =>
        {
            var (st, _, s) = R(self);
            if (!t.Contains!(self, a[0]))
                throw Err.Value($"{Ops.ReprText(a[0])} is not in range");
            return PyInt.Of((((PyInt)a[0]).Small - st) / s);
        });
        M(t, "count", (self, a, k) => PyInt.Of(t.Contains!(self, a[0]) ? 1 : 0));
        M(t, "__reversed__", (self, a, k) =>
        {
            var (st, b, s) = R(self);
            long n = Length(st, b, s);
            return new PyRangeIterator(st + (n - 1) * s, -s, n);
        });
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

    private static void BytesInstall(PyType t)
    {
        t.Repr = o => PyStr.Of(PyRepr.Bytes(((PyBytes)o).Value));
        t.Len = o => ((PyBytes)o).Value.Length;
        t.Hash = o => PyHash.SipHash13(((PyBytes)o).Value);
        t.Iter = o => new PyArrayIterator(((PyBytes)o).Value.Select(b => (PyObject)PyInt.Of(b)).ToArray(), PyType.IteratorType);
        t.Compare = (a, b, op) => b is PyBytes bb ? PyBool.Of(NumberSetup.CompareResult(((PyBytes)a).Value.AsSpan().SequenceCompareTo(bb.Value) switch { < 0 => -1, > 0 => 1, _ => 0 }, op)) : Ops.NotImplemented;
        t.GetItem = (o, k) =>
        {
            var v = ((PyBytes)o).Value;
            if (k is PySlice s)
            {
                int n = Slices.Indices(s, v.Length, out int start, out _, out int step);
                var r = new byte[n];
                for (int i = 0; i < n; i++)
                    r[i] = v[start + i * step];
                return new PyBytes(r);
            }
            return PyInt.Of(v[Slices.Index(k, v.Length, "index")]);
        };
        t.Num[(int)NumOp.Add] = (a, b) => a is PyBytes x && b is PyBytes y ? new PyBytes([.. x.Value, .. y.Value]) : Ops.NotImplemented;
        t.Contains = (o, x) => x is PyInt i ? ((PyBytes)o).Value.Contains((byte)i.Small) : ((PyBytes)o).Value.AsSpan().IndexOf(((PyBytes)x).Value) >= 0;
        t.New = (type, args, kw) =>
        {
            if (args.Length == 0)
                return PyBytes.Empty;
            var a = args[0];
            if (a is PyStr s)
                return new PyBytes(Encoding.UTF8.GetBytes(s.Value));
            if (a is PyInt n)
                return new PyBytes(new byte[n.Small]);
            return new PyBytes(Ops.ToArray(a).Select(x => (byte)Ops.IndexLong(x)).ToArray());
        };
        M(t, "decode", (self, a, k) =>
        {
            var (encoding, errors) = Library.DiskFile.CodecArgs("decode", a, k);
            return PyStr.Of(Library.Codecs.Decode(((PyBytes)self).Value, encoding, errors));
        });
        M(t, "hex", (self, a, k) => PyStr.Of(Convert.ToHexString(((PyBytes)self).Value).ToLowerInvariant()));
    }
}

public sealed class PyDictView(PyDict dict, DictIterKind kind) : PyObject
{
    public readonly PyDict Mapping = dict;
    public readonly DictIterKind Kind = kind;

    public override PyType Type => Kind switch
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

    public static void Replace(PySet target, PySet source)
    {
        target.Clear();
        target.Merge(source);
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
