namespace PycSharp.Runtime.Objects;

/// <summary>Iterators of the built-in containers; <c>Next</c> returns null at the end.</summary>
public abstract class PyIteratorBase : PyObject
{
    public abstract PyObject? Next();
    public override PyType Type => PyType.IteratorType;
}

public sealed class PyListIterator(PyList list) : PyIteratorBase
{
    private PyList? _list = list;
    private int _index;

    public override PyType Type => PyType.ListIteratorType;

    public override PyObject? Next()
    {
        if (_list is null)
            return null;
        if (_index < _list.Count)
            return _list[_index++];
        _list = null;
        return null;
    }
}

public sealed class PyListReverseIterator(PyList list) : PyIteratorBase
{
    private int _index = list.Count - 1;
    public override PyType Type => PyType.ListReverseIteratorType;

    public override PyObject? Next()
    {
        if (_index >= 0 && _index < list.Count)
            return list[_index--];
        _index = -1;
        return null;
    }
}

public sealed class PyTupleIterator(PyTuple tuple) : PyIteratorBase
{
    private int _index;
    public override PyType Type => PyType.TupleIteratorType;
    public override PyObject? Next() => _index < tuple.Count ? tuple[_index++] : null;
}

public sealed class PyArrayIterator(PyObject[] items, PyType type) : PyIteratorBase
{
    private int _index;
    public override PyType Type => type;
    public override PyObject? Next() => _index < items.Length ? items[_index++] : null;
}

public sealed class PyRangeIterator(long next, long step, long count) : PyIteratorBase
{
    private long _next = next;
    private long _left = count;
    public override PyType Type => PyType.RangeIteratorType;

    public override PyObject? Next()
    {
        if (_left <= 0)
            return null;
        _left--;
        var r = PyInt.Of(_next);
        _next += step;
        return r;
    }
}

public sealed class PyStrIterator(PyStr s) : PyIteratorBase
{
    private int _index;
    private readonly int[]? _cps = s.IsSimple ? null : s.CodePoints();
    public override PyType Type => PyType.StrIteratorType;

    public override PyObject? Next()
    {
        if (_cps is not null)
            return _index < _cps.Length ? PyStr.FromCodePoint(_cps[_index++]) : null;
        return _index < s.Value.Length ? PyStr.Char(s.Value[_index++]) : null;
    }
}

public enum DictIterKind
{
    Keys,
    Values,
    Items,
}

public sealed class PyDictIterator(PyDict dict, DictIterKind kind) : PyIteratorBase
{
    private int _pos;
    private readonly int _used = dict.Count;
    private readonly int _version = dict.Version;
    private bool _done;

    public override PyType Type => kind switch
    {
        DictIterKind.Keys => PyType.DictKeyIteratorType,
        DictIterKind.Values => PyType.DictValueIteratorType,
        _ => PyType.DictItemIteratorType,
    };

    public override PyObject? Next()
    {
        if (_done)
            return null;
        if (dict.Count != _used)
        {
            _done = true;
            throw Err.Runtime("dictionary changed size during iteration");
        }
        if (dict.Version != _version)
        {
            _done = true;
            throw Err.Runtime("dictionary keys changed during iteration");
        }
        if (!dict.Next(ref _pos, out var k, out var v))
        {
            _done = true;
            return null;
        }
        return kind switch
        {
            DictIterKind.Keys => k,
            DictIterKind.Values => v,
            _ => PyTuple.Of(k, v),
        };
    }
}

public sealed class PySetIterator(PySet set) : PyIteratorBase
{
    private int _pos;
    private readonly int _version = set.Version;
    private bool _done;
    public override PyType Type => PyType.SetIteratorType;

    public override PyObject? Next()
    {
        if (_done)
            return null;
        if (set.Version != _version)
        {
            _done = true;
            throw Err.Runtime("Set changed size during iteration");
        }
        if (!set.Next(ref _pos, out var k))
        {
            _done = true;
            return null;
        }
        return k;
    }
}

/// <summary>An iterator written in C# as a lazy sequence (map, filter, zip, enumerate, ...).</summary>
public sealed class PyNativeIterator(PyType type, IEnumerator<PyObject> source) : PyIteratorBase
{
    public override PyType Type => type;
    public override PyObject? Next() => source.MoveNext() ? source.Current : null;
}

/// <summary>iter(callable, sentinel).</summary>
public sealed class PyCallableIterator(PyObject callable, PyObject sentinel) : PyIteratorBase
{
    private bool _done;
    public override PyType Type => PyType.CallableIteratorType;

    public override PyObject? Next()
    {
        if (_done)
            return null;
        var v = Ops.Call(callable);
        if (Ops.Eq(v, sentinel))
        {
            _done = true;
            return null;
        }
        return v;
    }
}
