using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// itertools (Modules/itertoolsmodule.c): each function is a type whose instances are lazy iterators; the
/// iteration itself is a C# iterator, the argument checks and messages are CPython's.
/// </summary>
internal static class ItertoolsModule
{
    public static PyModule Create(PyRuntime rt)
    {
        var m = new PyModule("itertools");
        int minor = rt.Version.Minor;
        void Type(string name, NewSlot create) => m.Set(name, LibSupport.IteratorType("itertools", name, create));

        var count = LibSupport.IteratorType("itertools", "count");
        count.New = (type, a, k) =>
        {
            var v = LibSupport.Bind("count", a, k, ["start", "step"], 0);
            var start = v[0] ?? PyInt.Zero;
            var step = v[1] ?? PyInt.One;
            if (!IsNumber(start) || !IsNumber(step))
                throw Err.Type("a number is required");
            var state = new PyObject[] { start };
            // count_repr: the step is shown unless it is the integer 1.
            return new PyLibIterator(count, Count(state, step), () =>
                step is PyInt { IsSmall: true, Small: 1 } and not PyBool
                    ? $"count({Ops.ReprText(state[0])})"
                    : $"count({Ops.ReprText(state[0])}, {Ops.ReprText(step)})");
        };
        count.Repr = o => PyStr.Of(((PyLibIterator)o).ReprText!());
        m.Set("count", TypeSetup.Finish(count));

        Type("cycle", (t, a, k) =>
        {
            Args.NoKeywords("cycle", k);
            Args.Range("cycle", a, k, 1, 1);
            return new PyLibIterator(t, Cycle(Ops.GetIter(a[0])));
        });

        var repeat = LibSupport.IteratorType("itertools", "repeat");
        repeat.New = (type, a, k) =>
        {
            var v = LibSupport.Bind("repeat", a, k, ["object", "times"], 1);
            long times = v[1] is null ? -1 : Math.Max(0, Ops.IndexLong(v[1]!));
            var left = new[] { times };
            var item = v[0]!;
            return new PyLibIterator(repeat, Repeat(item, left), () =>
                left[0] < 0 ? $"repeat({Ops.ReprText(item)})" : $"repeat({Ops.ReprText(item)}, {left[0]})");
        };
        repeat.Repr = o => PyStr.Of(((PyLibIterator)o).ReprText!());
        m.Set("repeat", TypeSetup.Finish(repeat));

        m.Set("chain", ChainType);

        Type("islice", Islice);
        Type("accumulate", (t, a, k) =>
        {
            var v = LibSupport.Bind("accumulate", a, k, ["iterable", "func", "initial"], 1, keywordOnlyFrom: 2);
            var func = v[1] is null or PyNone ? null : v[1];
            var initial = v[2] is null or PyNone ? null : v[2];
            return new PyLibIterator(t, Accumulate(Ops.GetIter(v[0]!), func, initial));
        });
        Type("product", (t, a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            var rep = Args.Take(kwargs, "repeat");
            if (kwargs is { Count: > 0 })
            {
                // product_new: the message of PyArg_ParseTupleAndKeywords until 3.12 reworded it.
                var key = kwargs.Keys.First();
                throw Err.Type(minor >= 12 ? $"product() got an unexpected keyword argument '{key}'" : $"'{key}' is an invalid keyword argument for product()");
            }
            long n = rep is null ? 1 : Ops.IndexLong(rep);
            if (n < 0)
                throw Err.Value("repeat argument cannot be negative");
            var pools = new List<PyObject[]>();
            var given = new PyObject[pos.Length][];
            for (int i = 0; i < pos.Length; i++)
                given[i] = Ops.ToArray(pos[i]);
            for (long r = 0; r < n; r++)
                pools.AddRange(given);
            return new PyLibIterator(t, Product(pools.ToArray()));
        });
        Type("permutations", (t, a, k) =>
        {
            var v = LibSupport.Bind("permutations", a, k, ["iterable", "r"], 1);
            var pool = Ops.ToArray(v[0]!);
            long r = v[1] is null or PyNone ? pool.Length : Ops.IndexLong(v[1]!);
            if (r < 0)
                throw Err.Value("r must be non-negative");
            return new PyLibIterator(t, Permutations(pool, (int)Math.Min(r, int.MaxValue)));
        });
        foreach (var (name, replace) in new[] { ("combinations", false), ("combinations_with_replacement", true) })
        {
            Type(name, (t, a, k) =>
            {
                var v = LibSupport.Bind(name, a, k, ["iterable", "r"], 2);
                var pool = Ops.ToArray(v[0]!);
                long r = Ops.IndexLong(v[1]!);
                if (r < 0)
                    throw Err.Value("r must be non-negative");
                return new PyLibIterator(t, Combinations(pool, (int)Math.Min(r, int.MaxValue), replace));
            });
        }
        m.Set("groupby", PyGroupBy.TypeObject);
        m.Set("_grouper", PyGroupBy.GrouperType);
        Type("zip_longest", (t, a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            var fill = Args.Take(kwargs, "fillvalue") ?? PyNone.Instance;
            if (kwargs is { Count: > 0 })
                throw Err.Type("zip_longest() got an unexpected keyword argument");
            return new PyLibIterator(t, ZipLongest(LibSupport.Iters(pos), fill));
        });
        Type("starmap", (t, a, k) =>
        {
            Args.NoKeywords("starmap", k);
            Args.Range("starmap", a, k, 2, 2);
            return new PyLibIterator(t, Starmap(a[0], Ops.GetIter(a[1])));
        });
        Type("takewhile", (t, a, k) =>
        {
            Args.NoKeywords("takewhile", k);
            Args.Range("takewhile", a, k, 2, 2);
            return new PyLibIterator(t, TakeWhile(a[0], Ops.GetIter(a[1])));
        });
        Type("dropwhile", (t, a, k) =>
        {
            Args.NoKeywords("dropwhile", k);
            Args.Range("dropwhile", a, k, 2, 2);
            return new PyLibIterator(t, DropWhile(a[0], Ops.GetIter(a[1])));
        });
        Type("filterfalse", (t, a, k) =>
        {
            Args.NoKeywords("filterfalse", k);
            Args.Range("filterfalse", a, k, 2, 2);
            return new PyLibIterator(t, FilterFalse(a[0], Ops.GetIter(a[1])));
        });
        Type("compress", (t, a, k) =>
        {
            var v = LibSupport.Bind("compress", a, k, ["data", "selectors"], 2);
            return new PyLibIterator(t, Compress(Ops.GetIter(v[0]!), Ops.GetIter(v[1]!)));
        });
        Type("pairwise", (t, a, k) =>
        {
            Args.NoKeywords("pairwise", k);
            Args.Range("pairwise", a, k, 1, 1);
            return new PyLibIterator(t, Pairwise(Ops.GetIter(a[0])));
        });
        if (minor >= 12)
        {
            bool strictAllowed = minor >= 13;
            Type("batched", (t, a, k) =>
            {
                var v = LibSupport.Bind("batched", a, k, strictAllowed ? ["iterable", "n", "strict"] : ["iterable", "n"], 2, keywordOnlyFrom: 2);
                long n = Ops.IndexLong(v[1]!);
                if (n < 1)
                    throw Err.Value("n must be at least one");
                bool strict = strictAllowed && v[2] is { } s && Ops.IsTrue(s);
                return new PyLibIterator(t, Batched(Ops.GetIter(v[0]!), (int)Math.Min(n, int.MaxValue), strict));
            });
        }
        m.Set("_tee", PyTee.TypeObject);
        BuiltinModules.Def(m, "tee", (a, k) =>
        {
            Args.NoKeywords("tee", k);
            Args.Range("tee", a, k, 1, 2);
            long n = a.Length > 1 ? Ops.IndexLong(a[1]) : 2;
            if (n < 0)
                throw Err.Value("n must be >= 0");
            var source = new TeeSource(Ops.GetIter(a[0]));
            var result = new PyObject[n];
            for (int i = 0; i < n; i++)
                result[i] = new PyTee(source);
            return PyTuple.Of(result);
        });
        return m;
    }

    /// <summary>itertools.chain, also the type of Counter.elements().</summary>
    internal static readonly PyType ChainType = MakeChain();

    private static PyType MakeChain()
    {
        var chain = LibSupport.IteratorType("itertools", "chain");
        chain.New = (type, a, k) =>
        {
            Args.NoKeywords("chain", k);
            return new PyLibIterator(chain, Chain(Ops.GetIter(PyTuple.Of(a))));
        };
        TypeSetup.ClassMethod(chain, "from_iterable", (cls, a, k) =>
        {
            Args.Exactly("from_iterable", a, k, 1);
            return new PyLibIterator(chain, Chain(Ops.GetIter(a[0])));
        });
        return TypeSetup.Finish(chain);
    }

    private static bool IsNumber(PyObject o) =>
        o is PyInt or PyFloat or PyComplex || o.Type.Index is not null || o.Type.Float is not null || o.Type.Int is not null;

    private static IEnumerator<PyObject> Count(PyObject[] state, PyObject step)
    {
        while (true)
        {
            var current = state[0];
            state[0] = Ops.Add(current, step);
            yield return current;
        }
    }

    private static IEnumerator<PyObject> Cycle(PyObject it)
    {
        var saved = new List<PyObject>();
        while (Ops.Next(it) is { } x)
        {
            saved.Add(x);
            yield return x;
        }
        if (saved.Count == 0)
            yield break;
        while (true)
        {
            foreach (var x in saved)
                yield return x;
        }
    }

    private static IEnumerator<PyObject> Repeat(PyObject item, long[] left)
    {
        while (left[0] != 0)
        {
            if (left[0] > 0)
                left[0]--;
            yield return item;
        }
    }

    private static IEnumerator<PyObject> Chain(PyObject sources)
    {
        while (Ops.Next(sources) is { } iterable)
        {
            var it = Ops.GetIter(iterable);
            while (Ops.Next(it) is { } x)
                yield return x;
        }
    }

    private const string StopMessage = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    private const string IndexMessage = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

    /// <summary>PyNumber_AsSsize_t for islice: null when the value is no index or does not fit.</summary>
    private static long? AsSize(PyObject o)
    {
        if (o.Type.Index is null)
            return null;
        var v = Ops.Index(o).Value;
        return v > long.MaxValue || v < long.MinValue ? null : (long)v;
    }

    /// <summary>islice_new (Modules/itertoolsmodule.c): the messages depend on which argument is wrong.</summary>
    private static PyObject Islice(PyType t, ReadOnlySpan<PyObject> a, PyTuple? k)
    {
        Args.NoKeywords("islice", k);
        Args.Range("islice", a, k, 2, 4);
        long start = 0, stop = -1, step = 1;
        if (a.Length == 2)
        {
            if (a[1] is not PyNone)
            {
                stop = AsSize(a[1]) ?? -1;
                if (stop == -1)
                    throw Err.Value(StopMessage);
            }
        }
        else
        {
            if (a[1] is not PyNone)
                start = AsSize(a[1]) ?? -1;
            if (a[2] is not PyNone)
            {
                stop = AsSize(a[2]) ?? -1;
                if (stop == -1)
                    throw Err.Value(StopMessage);
            }
        }
        if (start < 0 || stop < -1)
            throw Err.Value(IndexMessage);
        if (a.Length == 4 && a[3] is not PyNone)
            step = AsSize(a[3]) ?? -1;
        if (step < 1)
            throw Err.Value("Step for islice() must be a positive integer or None.");
        return new PyLibIterator(t, IsliceItems(Ops.GetIter(a[0]), start, stop, step));
    }

    private static IEnumerator<PyObject> IsliceItems(PyObject it, long next, long stop, long step)
    {
        long cnt = 0;
        while (true)
        {
            for (; cnt < next; cnt++)
            {
                if (Ops.Next(it) is null)
                    yield break;
            }
            if (stop != -1 && cnt >= stop)
                yield break;
            var item = Ops.Next(it);
            if (item is null)
                yield break;
            cnt++;
            long old = next;
            next += step;
            if (next < old || (stop != -1 && next > stop))
                next = stop;
            yield return item;
        }
    }

    private static IEnumerator<PyObject> Accumulate(PyObject it, PyObject? func, PyObject? initial)
    {
        PyObject? total = initial;
        if (total is not null)
            yield return total;
        while (Ops.Next(it) is { } x)
        {
            total = total is null ? x : func is null ? Ops.Add(total, x) : Ops.Call(func, [total, x]);
            yield return total;
        }
    }

    private static IEnumerator<PyObject> Product(PyObject[][] pools)
    {
        if (pools.Any(p => p.Length == 0))
            yield break;
        var indices = new int[pools.Length];
        while (true)
        {
            var item = new PyObject[pools.Length];
            for (int i = 0; i < pools.Length; i++)
                item[i] = pools[i][indices[i]];
            yield return PyTuple.Of(item);
            int j = pools.Length - 1;
            for (; j >= 0; j--)
            {
                if (++indices[j] < pools[j].Length)
                    break;
                indices[j] = 0;
            }
            if (j < 0)
                yield break;
        }
    }

    /// <summary>The index juggling of Lib/itertools permutations' documented equivalent (cycles).</summary>
    private static IEnumerator<PyObject> Permutations(PyObject[] pool, int r)
    {
        int n = pool.Length;
        if (r > n)
            yield break;
        var indices = Enumerable.Range(0, n).ToArray();
        var cycles = Enumerable.Range(0, r).Select(i => n - i).ToArray();
        yield return PyTuple.Of(indices.Take(r).Select(i => pool[i]).ToArray());
        while (n > 0)
        {
            int i = r - 1;
            for (; i >= 0; i--)
            {
                cycles[i]--;
                if (cycles[i] == 0)
                {
                    int first = indices[i];
                    Array.Copy(indices, i + 1, indices, i, n - i - 1);
                    indices[n - 1] = first;
                    cycles[i] = n - i;
                }
                else
                {
                    int j = cycles[i];
                    (indices[i], indices[n - j]) = (indices[n - j], indices[i]);
                    yield return PyTuple.Of(indices.Take(r).Select(x => pool[x]).ToArray());
                    break;
                }
            }
            if (i < 0)
                yield break;
        }
    }

    private static IEnumerator<PyObject> Combinations(PyObject[] pool, int r, bool replace)
    {
        int n = pool.Length;
        if (replace ? n == 0 && r > 0 : r > n)
            yield break;
        var indices = replace ? new int[r] : Enumerable.Range(0, r).ToArray();
        while (true)
        {
            yield return PyTuple.Of(indices.Select(x => pool[x]).ToArray());
            int i = r - 1;
            for (; i >= 0; i--)
            {
                if (indices[i] != (replace ? n - 1 : i + n - r))
                    break;
            }
            if (i < 0)
                yield break;
            if (replace)
            {
                int v = indices[i] + 1;
                for (int j = i; j < r; j++)
                    indices[j] = v;
            }
            else
            {
                indices[i]++;
                for (int j = i + 1; j < r; j++)
                    indices[j] = indices[j - 1] + 1;
            }
        }
    }

    private static IEnumerator<PyObject> ZipLongest(PyObject[] its, PyObject fill)
    {
        if (its.Length == 0)
            yield break;
        var active = new bool[its.Length];
        Array.Fill(active, true);
        int live = its.Length;
        while (true)
        {
            var item = new PyObject[its.Length];
            for (int i = 0; i < its.Length; i++)
            {
                PyObject? x = null;
                if (active[i])
                {
                    x = Ops.Next(its[i]);
                    if (x is null)
                    {
                        active[i] = false;
                        if (--live == 0)
                            yield break;
                    }
                }
                item[i] = x ?? fill;
            }
            yield return PyTuple.Of(item);
        }
    }

    private static IEnumerator<PyObject> Starmap(PyObject func, PyObject it)
    {
        while (Ops.Next(it) is { } args)
        {
            yield return Ops.Call(func, Ops.ToArray(args));
        }
    }

    private static IEnumerator<PyObject> TakeWhile(PyObject pred, PyObject it)
    {
        while (Ops.Next(it) is { } x)
        {
            if (!Ops.IsTrue(Ops.Call(pred, x)))
                yield break;
            yield return x;
        }
    }

    private static IEnumerator<PyObject> DropWhile(PyObject pred, PyObject it)
    {
        bool dropping = true;
        while (Ops.Next(it) is { } x)
        {
            if (dropping && Ops.IsTrue(Ops.Call(pred, x)))
                continue;
            dropping = false;
            yield return x;
        }
    }

    private static IEnumerator<PyObject> FilterFalse(PyObject pred, PyObject it)
    {
        while (Ops.Next(it) is { } x)
        {
            bool ok = pred is PyNone || pred == PyType.BoolType ? Ops.IsTrue(x) : Ops.IsTrue(Ops.Call(pred, x));
            if (!ok)
                yield return x;
        }
    }

    private static IEnumerator<PyObject> Compress(PyObject data, PyObject selectors)
    {
        while (Ops.Next(data) is { } x)
        {
            if (Ops.Next(selectors) is not { } s)
                yield break;
            if (Ops.IsTrue(s))
                yield return x;
        }
    }

    private static IEnumerator<PyObject> Pairwise(PyObject it)
    {
        if (Ops.Next(it) is not { } previous)
            yield break;
        while (Ops.Next(it) is { } x)
        {
            yield return PyTuple.Of(previous, x);
            previous = x;
        }
    }

    private static IEnumerator<PyObject> Batched(PyObject it, int n, bool strict)
    {
        while (true)
        {
            var batch = new List<PyObject>();
            while (batch.Count < n && Ops.Next(it) is { } x)
                batch.Add(x);
            if (batch.Count == 0)
                yield break;
            if (strict && batch.Count < n)
                throw Err.Value("batched(): incomplete batch");
            yield return PyTuple.Of(batch.ToArray());
            if (batch.Count < n)
                yield break;
        }
    }
}

/// <summary>itertools.groupby (groupbyobject): groups share the source; advancing the groupby abandons the current group.</summary>
internal sealed class PyGroupBy : PyIteratorBase
{
    public static readonly PyType TypeObject = Make();
    public static readonly PyType GrouperType = LibSupport.IteratorType("itertools", "_grouper");

    private readonly PyObject _it;
    private readonly PyObject? _key;
    private PyObject? _tgtKey, _currKey, _currValue;
    private object? _currGrouper;

    private PyGroupBy(PyObject it, PyObject? key)
    {
        _it = it;
        _key = key;
    }

    public override PyType Type => TypeObject;

    private static PyType Make()
    {
        var t = LibSupport.IteratorType("itertools", "groupby");
        t.New = (type, a, k) =>
        {
            var v = LibSupport.Bind("groupby", a, k, ["iterable", "key"], 1);
            return new PyGroupBy(Ops.GetIter(v[0]!), v[1] is null or PyNone ? null : v[1]);
        };
        return t;
    }

    /// <summary>groupby_step: the next value and its key; false at the end.</summary>
    private bool Step()
    {
        var v = Ops.Next(_it);
        if (v is null)
            return false;
        _currKey = _key is null ? v : Ops.Call(_key, v);
        _currValue = v;
        return true;
    }

    public override PyObject? Next()
    {
        _currGrouper = null;
        // Skip what is left of the current group.
        while (true)
        {
            if (_currKey is null)
            {
                if (!Step())
                    return null;
            }
            else if (_tgtKey is null)
            {
                break;
            }
            else
            {
                if (!Ops.RichCompareBool(_tgtKey, _currKey, CompareOp.Eq))
                    break;
                if (!Step())
                    return null;
            }
        }
        _tgtKey = _currKey;
        var marker = new object();
        _currGrouper = marker;
        return PyTuple.Of(_currKey!, new PyLibIterator(GrouperType, Group(marker, _tgtKey!)));
    }

    private IEnumerator<PyObject> Group(object marker, PyObject tgt)
    {
        while (true)
        {
            if (_currGrouper != marker)
                yield break;
            if (_currValue is null)
            {
                if (!Step())
                    yield break;
            }
            if (!Ops.RichCompareBool(tgt, _currKey!, CompareOp.Eq))
                yield break;
            var r = _currValue!;
            _currValue = null;
            yield return r;
        }
    }
}

/// <summary>The buffer the iterators of one tee() call share (teedataobject): items fetched once, read by each.</summary>
internal sealed class TeeSource(PyObject it)
{
    public readonly List<PyObject> Items = [];
    public bool Done;

    public PyObject? At(int index)
    {
        while (index >= Items.Count)
        {
            if (Done)
                return null;
            var x = Ops.Next(it);
            if (x is null)
            {
                Done = true;
                return null;
            }
            Items.Add(x);
        }
        return Items[index];
    }
}

/// <summary>itertools._tee: one reader of a shared <see cref="TeeSource"/>; copyable with __copy__.</summary>
internal sealed class PyTee(TeeSource source, int index = 0) : PyIteratorBase
{
    public static readonly PyType TypeObject = Make();
    private readonly TeeSource _source = source;
    private int _index = index;

    public override PyType Type => TypeObject;

    public override PyObject? Next()
    {
        var x = _source.At(_index);
        if (x is not null)
            _index++;
        return x;
    }

    private static PyType Make()
    {
        var t = LibSupport.IteratorType("itertools", "_tee");
        TypeSetup.Method(t, "__copy__", (self, a, k) => new PyTee(((PyTee)self)._source, ((PyTee)self)._index));
        return t;
    }
}
