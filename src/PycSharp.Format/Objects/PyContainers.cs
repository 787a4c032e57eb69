using System.Collections.Immutable;

namespace PycSharp.Format.Objects;

/// <summary>A <c>tuple</c>. Small tuples (type code ')', under 256 items) keep that form through the type byte.</summary>
public sealed class PyTuple : PyObject
{
    public static readonly PyTuple Empty = new(ImmutableArray<PyObject>.Empty);

    public PyTuple(ImmutableArray<PyObject> items) : this(items, 0) { }
    public PyTuple(params PyObject[] items) : this(ImmutableArray.Create(items), 0) { }
    internal PyTuple(ImmutableArray<PyObject> items, byte marshalType) : base(marshalType) => Items = items;

    public ImmutableArray<PyObject> Items { get; }
    public int Count => Items.Length;
    public PyObject this[int index] => Items[index];

    public override string TypeName => "tuple";
}

/// <summary>A <c>list</c>.</summary>
public sealed class PyList : PyObject
{
    public PyList(ImmutableArray<PyObject> items) : this(items, 0) { }
    internal PyList(ImmutableArray<PyObject> items, byte marshalType) : base(marshalType) => Items = items;

    public ImmutableArray<PyObject> Items { get; }
    public override string TypeName => "list";
}

/// <summary>A <c>set</c> or <c>frozenset</c>, items in the order they were marshalled.</summary>
public sealed class PySet : PyObject
{
    public PySet(ImmutableArray<PyObject> items, bool frozen) : this(items, frozen, 0) { }
    internal PySet(ImmutableArray<PyObject> items, bool frozen, byte marshalType) : base(marshalType)
    {
        Items = items;
        IsFrozen = frozen;
    }

    public ImmutableArray<PyObject> Items { get; }
    public bool IsFrozen { get; }
    public override string TypeName => IsFrozen ? "frozenset" : "set";
}

/// <summary>A <c>dict</c>, entries in the order they were marshalled.</summary>
public sealed class PyDict : PyObject
{
    public PyDict(ImmutableArray<KeyValuePair<PyObject, PyObject>> entries) : this(entries, null, 0) { }
    internal PyDict(ImmutableArray<KeyValuePair<PyObject, PyObject>> entries, PyObject? danglingKey, byte marshalType)
        : base(marshalType)
    {
        Entries = entries;
        DanglingKey = danglingKey;
    }

    public ImmutableArray<KeyValuePair<PyObject, PyObject>> Entries { get; }

    /// <summary>
    /// A key followed by the NULL terminator instead of a value. CPython's reader stops the dict there without an
    /// error (Python/marshal.c, TYPE_DICT), so such data loads; it is kept to write the same bytes back.
    /// </summary>
    public PyObject? DanglingKey { get; }

    public override string TypeName => "dict";
}

/// <summary>A <c>slice</c> constant (marshal version 5, Python 3.14+).</summary>
public sealed class PySlice : PyObject
{
    public PySlice(PyObject start, PyObject stop, PyObject step) : this(start, stop, step, 0) { }
    internal PySlice(PyObject start, PyObject stop, PyObject step, byte marshalType) : base(marshalType)
    {
        Start = start;
        Stop = stop;
        Step = step;
    }

    public PyObject Start { get; }
    public PyObject Stop { get; }
    public PyObject Step { get; }
    public override string TypeName => "slice";
}
