namespace PycSharp.Runtime.Objects;

public class PyTuple : PyObject
{
    public static readonly PyTuple Empty = new([]);

    public readonly PyObject[] Items;

    public PyTuple(PyObject[] items) => Items = items;

    public static PyTuple Of(params PyObject[] items) => items.Length == 0 ? Empty : new PyTuple(items);

    public static PyTuple Of(ReadOnlySpan<PyObject> items) => items.Length == 0 ? Empty : new PyTuple(items.ToArray());

    public int Count => Items.Length;
    public PyObject this[int i] => Items[i];

    public override PyType Type => PyType.TupleType;

    internal static PyTuple Subclass(PyType type, PyObject[] items) => new PyTupleSub(type, items);
}

internal sealed class PyTupleSub(PyType type, PyObject[] items) : PyTuple(items)
{
    private readonly PyDict? _dict = type.HasDict ? new PyDict() : null;
    public override PyType Type => type;
    public override PyDict? Dict => _dict;
}

/// <summary>list: a growable array (Objects/listobject.c; growth pattern matters only for speed here).</summary>
public class PyList : PyObject
{
    internal PyObject[] _items;
    internal int _count;

    public PyList() => _items = [];
    public PyList(int capacity) => _items = capacity == 0 ? [] : new PyObject[capacity];

    public PyList(PyObject[] items, bool takeOwnership)
    {
        // The storage must be exactly PyObject[] (ObjectArray.Put), never a covariant PyStr[] or the like.
        if (takeOwnership && items.GetType() == typeof(PyObject[]))
        {
            _items = items;
        }
        else
        {
            _items = new PyObject[items.Length];
            Array.Copy(items, _items, items.Length);
        }
        _count = items.Length;
    }

    public static PyList Of(ReadOnlySpan<PyObject> items)
    {
        var l = new PyList(items.Length);
        items.CopyTo(l._items);
        l._count = items.Length;
        return l;
    }

    public override PyType Type => PyType.ListType;

    public int Count => _count;

    public PyObject this[int i]
    {
        get => _items[i];
        set => ObjectArray.Put(_items, i, value);
    }

    public Span<PyObject> AsSpan() => _items.AsSpan(0, _count);

    public void Append(PyObject item)
    {
        if (_count == _items.Length)
            Grow(_count + 1);
        ObjectArray.Put(_items, _count++, item);
    }

    private void Grow(int min)
    {
        int cap = Math.Max(min, _items.Length < 4 ? 4 : _items.Length * 2);
        Array.Resize(ref _items, cap);
    }

    public void Extend(ReadOnlySpan<PyObject> items)
    {
        if (_count + items.Length > _items.Length)
            Grow(_count + items.Length);
        items.CopyTo(_items.AsSpan(_count));
        _count += items.Length;
    }

    public void Insert(int index, PyObject item)
    {
        if (_count == _items.Length)
            Grow(_count + 1);
        Array.Copy(_items, index, _items, index + 1, _count - index);
        ObjectArray.Put(_items, index, item);
        _count++;
    }

    public void RemoveAt(int index)
    {
        _count--;
        Array.Copy(_items, index + 1, _items, index, _count - index);
        _items[_count] = null!;
    }

    public void RemoveRange(int index, int n)
    {
        Array.Copy(_items, index + n, _items, index, _count - index - n);
        Array.Clear(_items, _count - n, n);
        _count -= n;
    }

    /// <summary>Replaces items [lo, hi) with <paramref name="items"/> (slice assignment).</summary>
    public void Replace(int lo, int hi, ReadOnlySpan<PyObject> items)
    {
        int n = hi - lo;
        int delta = items.Length - n;
        if (delta > 0 && _count + delta > _items.Length)
            Grow(_count + delta);
        Array.Copy(_items, hi, _items, hi + delta, _count - hi);
        if (delta < 0)
            Array.Clear(_items, _count + delta, -delta);
        items.CopyTo(_items.AsSpan(lo));
        _count += delta;
    }

    public void Clear()
    {
        Array.Clear(_items, 0, _count);
        _count = 0;
    }

    public PyObject[] ToArray() => AsSpan().ToArray();

    internal void SetContents(PyObject[] items, int count)
    {
        _items = items;
        _count = count;
    }

    internal static PyList Subclass(PyType type) => new PyListSub(type);
}

internal sealed class PyListSub(PyType type) : PyList
{
    private readonly PyDict? _dict = type.HasDict ? new PyDict() : null;
    public override PyType Type => type;
    public override PyDict? Dict => _dict;
}
