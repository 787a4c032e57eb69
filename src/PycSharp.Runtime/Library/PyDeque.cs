using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// collections.deque (Modules/_collectionsmodule.c): a ring buffer with an optional maxlen; appending to a full
/// deque drops an item from the other end. Iterators notice mutation through the state counter.
/// </summary>
internal sealed class PyDeque : PyObject
{
    public static readonly PyType TypeObject = Make();

    private readonly PyType _type;
    private readonly PyDict? _dict;
    private PyObject[] _buf = new PyObject[8];
    private int _head, _count;
    internal long State;
    public long MaxLen = -1;

    public PyDeque(PyType type)
    {
        _type = type;
        _dict = type.HasDict ? new PyDict() : null;
    }

    public override PyType Type => _type;
    public override PyDict? Dict => _dict;
    public int Count => _count;

    public PyObject this[int i]
    {
        get => _buf[(_head + i) % _buf.Length];
        set => _buf[(_head + i) % _buf.Length] = value;
    }

    private void Grow()
    {
        if (_count < _buf.Length)
            return;
        var n = new PyObject[_buf.Length * 2];
        for (int i = 0; i < _count; i++)
            n[i] = this[i];
        _buf = n;
        _head = 0;
    }

    public void Append(PyObject x)
    {
        if (MaxLen == 0)
            return;
        if (_count == MaxLen)
            PopLeft();
        Grow();
        _buf[(_head + _count) % _buf.Length] = x;
        _count++;
        State++;
    }

    public void AppendLeft(PyObject x)
    {
        if (MaxLen == 0)
            return;
        if (_count == MaxLen)
            Pop();
        Grow();
        _head = (_head - 1 + _buf.Length) % _buf.Length;
        _buf[_head] = x;
        _count++;
        State++;
    }

    public PyObject Pop()
    {
        if (_count == 0)
            throw Err.Index("pop from an empty deque");
        var x = this[_count - 1];
        this[_count - 1] = null!;
        _count--;
        State++;
        return x;
    }

    public PyObject PopLeft()
    {
        if (_count == 0)
            throw Err.Index("pop from an empty deque");
        var x = _buf[_head];
        _buf[_head] = null!;
        _head = (_head + 1) % _buf.Length;
        _count--;
        State++;
        return x;
    }

    public PyObject[] ToArray()
    {
        var r = new PyObject[_count];
        for (int i = 0; i < _count; i++)
            r[i] = this[i];
        return r;
    }

    private void Reset(PyObject[] items)
    {
        _buf = new PyObject[Math.Max(8, items.Length)];
        Array.Copy(items, _buf, items.Length);
        _head = 0;
        _count = items.Length;
        State++;
    }

    public void Extend(PyObject iterable)
    {
        // deque_extend: extending by itself iterates a copy.
        var items = ReferenceEquals(iterable, this) ? ToArray() : null;
        if (items is not null)
        {
            foreach (var x in items)
                Append(x);
            return;
        }
        var it = Ops.GetIter(iterable);
        while (Ops.Next(it) is { } x)
            Append(x);
    }

    private void Rotate(long n)
    {
        if (_count <= 1)
            return;
        long k = ((n % _count) + _count) % _count;
        if (k == 0)
            return;
        var items = ToArray();
        var r = new PyObject[_count];
        for (int i = 0; i < _count; i++)
            r[(i + k) % _count] = items[i];
        Reset(r);
    }

    private int CheckIndex(PyObject index)
    {
        if (index.Type.Index is null)
            throw Err.Type($"sequence index must be integer, not '{index.Type.Name}'");
        long i = Ops.IndexLong(index);
        if (i < 0)
            i += _count;
        if (i < 0 || i >= _count)
            throw Err.Index("deque index out of range");
        return (int)i;
    }

    private PyDeque NewLike(PyObject[] items)
    {
        // deque_copy: an exact deque copies directly, a subclass is called with (items, maxlen).
        if (!ReferenceEquals(_type, TypeObject))
        {
            var r = MaxLen < 0 ? Ops.Call(_type, PyList.Of(items)) : Ops.Call(_type, [PyList.Of(items), PyInt.Of(MaxLen)]);
            return r as PyDeque ?? throw Err.Type($"{_type.Name}() must return a deque, not {r.Type.Name}");
        }
        var d = new PyDeque(TypeObject) { MaxLen = MaxLen };
        foreach (var x in items)
            d.Append(x);
        return d;
    }

    private static PyDeque Self(PyObject o) => (PyDeque)o;

    private static PyType Make()
    {
        var t = new PyType("deque", PyType.ObjectType) { Module = "collections" };
        t.ComputeMro();
        t.Allocate = type => new PyDeque(type);
        t.New = (type, a, k) => new PyDeque(type);
        t.Init = (self, a, k) =>
        {
            var v = LibSupport.Bind("deque", a, k, ["iterable", "maxlen"], 0);
            var d = Self(self);
            if (v[1] is { } ml and not PyNone)
            {
                if (ml.Type.Index is null)
                    throw Err.Type("an integer is required");
                long n = Ops.IndexLong(ml);
                if (n < 0)
                    throw Err.Value("maxlen must be non-negative");
                d.MaxLen = n;
            }
            else
            {
                d.MaxLen = -1;
            }
            if (d._count > 0)
                d.Reset([]);
            if (v[0] is { } iterable)
                d.Extend(iterable);
        };
        t.SetUnhashable();
        t.Repr = o => ContainerSetup.ReprGuarded(o, "[...]", () =>
        {
            var d = Self(o);
            var list = "[" + ContainerSetup.Join(d.ToArray()) + "]";
            return d.MaxLen < 0 ? $"{o.Type.Name}({list})" : $"{o.Type.Name}({list}, maxlen={d.MaxLen})";
        });
        t.Len = o => Self(o)._count;
        t.Bool = o => Self(o)._count > 0;
        t.Iter = o => new PyLibIterator(IteratorTypeObject, Iterate(Self(o), false));
        t.Contains = (o, x) =>
        {
            var d = Self(o);
            long state = d.State;
            for (int i = 0; i < d._count; i++)
            {
                if (Ops.RichCompareBool(d[i], x, CompareOp.Eq))
                    return true;
                if (state != d.State)
                    throw Err.Runtime("deque mutated during iteration");
            }
            return false;
        };
        t.GetItem = (o, i) => Self(o)[Self(o).CheckIndex(i)];
        t.SetItem = (o, i, v) =>
        {
            var d = Self(o);
            int index = d.CheckIndex(i);
            if (v is not null)
            {
                d[index] = v;
                return;
            }
            var items = d.ToList();
            items.RemoveAt(index);
            d.Reset(items.ToArray());
        };
        t.Compare = (a, b, op) =>
        {
            if (b is not PyDeque db)
                return Ops.NotImplemented;
            ContainerSetup.SequenceEquals(Self(a).ToArray(), db.ToArray(), op, out var r);
            return r;
        };
        t.Num[(int)NumOp.Add] = (a, b) =>
        {
            if (a is not PyDeque da)
                return Ops.NotImplemented;
            if (b is not PyDeque db)
                throw Err.Type($"can only concatenate deque (not \"{b.Type.Name}\") to deque");
            var r = da.NewLike(da.ToArray());
            r.Extend(db);
            return r;
        };
        t.Num[(int)NumOp.Multiply] = (a, b) =>
        {
            var (d, n) = a is PyDeque da ? (da, b) : (b as PyDeque, a);
            if (d is null || n.Type.Index is null)
                return Ops.NotImplemented;
            var r = d.NewLike(d.ToArray());
            r.Repeat(Ops.IndexLong(n));
            return r;
        };
        t.InplaceNum[(int)NumOp.Add] = (a, b) =>
        {
            Self(a).Extend(b);
            return a;
        };
        t.InplaceNum[(int)NumOp.Multiply] = (a, b) =>
        {
            if (b.Type.Index is null)
                return Ops.NotImplemented;
            Self(a).Repeat(Ops.IndexLong(b));
            return a;
        };
        TypeSetup.Getter(t, "maxlen", o => Self(o).MaxLen < 0 ? PyNone.Instance : PyInt.Of(Self(o).MaxLen));
        void M(string name, NativeMethod body) => TypeSetup.Method(t, name, body);
        M("append", (s, a, k) => { Args.Exactly("append", a, k, 1); Self(s).Append(a[0]); return PyNone.Instance; });
        M("appendleft", (s, a, k) => { Args.Exactly("appendleft", a, k, 1); Self(s).AppendLeft(a[0]); return PyNone.Instance; });
        M("pop", (s, a, k) => { Args.Exactly("pop", a, k, 0); return Self(s).Pop(); });
        M("popleft", (s, a, k) => { Args.Exactly("popleft", a, k, 0); return Self(s).PopLeft(); });
        M("extend", (s, a, k) => { Args.Exactly("extend", a, k, 1); Self(s).Extend(a[0]); return PyNone.Instance; });
        M("extendleft", (s, a, k) =>
        {
            Args.Exactly("extendleft", a, k, 1);
            var d = Self(s);
            foreach (var x in ReferenceEquals(a[0], s) ? d.ToArray() : Ops.ToArray(a[0]))
                d.AppendLeft(x);
            return PyNone.Instance;
        });
        M("rotate", (s, a, k) =>
        {
            Args.Range("rotate", a, k, 0, 1);
            Self(s).Rotate(a.Length == 0 ? 1 : Ops.IndexLong(a[0]));
            return PyNone.Instance;
        });
        M("clear", (s, a, k) => { Args.Exactly("clear", a, k, 0); Self(s).Reset([]); return PyNone.Instance; });
        M("copy", (s, a, k) => { Args.Exactly("copy", a, k, 0); return Self(s).NewLike(Self(s).ToArray()); });
        M("__copy__", (s, a, k) => { Args.Exactly("__copy__", a, k, 0); return Self(s).NewLike(Self(s).ToArray()); });
        M("count", (s, a, k) =>
        {
            Args.Exactly("count", a, k, 1);
            var d = Self(s);
            long state = d.State, n = 0;
            for (int i = 0; i < d._count; i++)
            {
                if (Ops.RichCompareBool(d[i], a[0], CompareOp.Eq))
                    n++;
                if (state != d.State)
                    throw Err.Runtime("deque mutated during iteration");
            }
            return PyInt.Of(n);
        });
        M("index", (s, a, k) =>
        {
            Args.Range("index", a, k, 1, 3);
            var d = Self(s);
            long start = a.Length > 1 ? Clamp(Ops.IndexLong(a[1]), d._count) : 0;
            long stop = a.Length > 2 ? Clamp(Ops.IndexLong(a[2]), d._count) : d._count;
            long state = d.State;
            for (long i = start; i < stop && i < d._count; i++)
            {
                if (Ops.RichCompareBool(d[(int)i], a[0], CompareOp.Eq))
                    return PyInt.Of(i);
                if (state != d.State)
                    throw Err.Runtime("deque mutated during iteration");
            }
            throw Err.Value($"{Ops.ReprText(a[0])} is not in deque");
        });
        M("insert", (s, a, k) =>
        {
            Args.Exactly("insert", a, k, 2);
            var d = Self(s);
            if (d.MaxLen >= 0 && d._count >= d.MaxLen)
                throw Err.Index("deque already at its maximum size");
            long i = Ops.IndexLong(a[0]);
            var items = d.ToList();
            items.Insert((int)Clamp(i, items.Count), a[1]);
            d.Reset(items.ToArray());
            return PyNone.Instance;
        });
        M("remove", (s, a, k) =>
        {
            Args.Exactly("remove", a, k, 1);
            var d = Self(s);
            long state = d.State;
            for (int i = 0; i < d._count; i++)
            {
                bool eq = Ops.RichCompareBool(d[i], a[0], CompareOp.Eq);
                if (state != d.State)
                    throw Err.Index("deque mutated during remove().");
                if (eq)
                {
                    var items = d.ToList();
                    items.RemoveAt(i);
                    d.Reset(items.ToArray());
                    return PyNone.Instance;
                }
            }
            throw Err.Value($"{Ops.ReprText(a[0])} is not in deque");
        });
        M("reverse", (s, a, k) =>
        {
            Args.Exactly("reverse", a, k, 0);
            var items = Self(s).ToArray();
            Array.Reverse(items);
            Self(s).Reset(items);
            return PyNone.Instance;
        });
        M("__reversed__", (s, a, k) => new PyLibIterator(ReverseIteratorTypeObject, Iterate(Self(s), true)));
        M("__reduce__", (s, a, k) =>
        {
            var d = Self(s);
            return PyTuple.Of(d.Type, d.MaxLen < 0 ? PyTuple.Of(PyList.Of(d.ToArray())) : PyTuple.Of(PyList.Of(d.ToArray()), PyInt.Of(d.MaxLen)));
        });
        TypeSetup.ClassMethod(t, "__class_getitem__", (cls, a, k) => Ops.Call(PyType.GenericAliasType, [cls, a[0]]));
        return TypeSetup.Finish(t);
    }

    private List<PyObject> ToList() => [.. ToArray()];

    private void Repeat(long n)
    {
        var items = ToArray();
        if (n <= 0)
        {
            Reset([]);
            return;
        }
        for (long i = 1; i < n; i++)
        {
            foreach (var x in items)
                Append(x);
            if (MaxLen >= 0 && i * items.Length > MaxLen)
                break;
        }
    }

    /// <summary>Negative indices count from the end, then the result is clamped into [0, count].</summary>
    private static long Clamp(long i, int count)
    {
        if (i < 0)
            i = Math.Max(0, i + count);
        return Math.Min(i, count);
    }

    private static IEnumerator<PyObject> Iterate(PyDeque d, bool reverse)
    {
        long state = d.State;
        int n = d._count;
        for (int i = 0; ; i++)
        {
            // dequeiter_next checks the state before it checks for the end.
            if (state != d.State || d._count != n)
                throw Err.Runtime("deque mutated during iteration");
            if (i >= n)
                yield break;
            yield return d[reverse ? n - 1 - i : i];
        }
    }

    private static readonly PyType IteratorTypeObject = LibSupport.IteratorType("_collections", "_deque_iterator");
    private static readonly PyType ReverseIteratorTypeObject = LibSupport.IteratorType("_collections", "_deque_reverse_iterator");
}
