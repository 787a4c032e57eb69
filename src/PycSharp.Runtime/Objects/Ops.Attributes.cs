namespace PycSharp.Runtime.Objects;

public static partial class Ops
{
    /// <summary>getattr(o, name): the type's slot reports "absent" as null; an AttributeError it raises (a
    /// __getattr__ with its own message) passes through unchanged.</summary>
    public static PyObject GetAttr(PyObject o, PyStr name) =>
        o.Type.GetAttr!(o, name) ?? throw Err.Attribute(o, name);

    public static PyObject GetAttr(PyObject o, string name) => GetAttr(o, PyStr.Intern(name));

    /// <summary>getattr(o, name) returning null instead of raising AttributeError.</summary>
    public static PyObject? TryGetAttr(PyObject o, PyStr name)
    {
        var slot = o.Type.GetAttr!;
        try
        {
            return slot(o, name);
        }
        catch (PyException e) when (Err.Matches(e, PyType.AttributeError))
        {
            return null;
        }
    }

    public static PyObject? TryGetAttr(PyObject o, string name) => TryGetAttr(o, PyStr.Intern(name));

    /// <summary>
    /// object.__getattribute__ (Objects/object.c _PyObject_GenericGetAttrWithDict): a data descriptor on the type
    /// wins, then the instance dict, then other attributes of the type. Null when not found.
    /// </summary>
    public static PyObject? GenericGetAttr(PyObject o, PyStr name)
    {
        var type = o.Type;
        var descr = type.Lookup(name);
        Func<PyObject, PyObject?, PyObject, PyObject>? get = null;
        if (descr is not null)
        {
            var dt = descr.Type;
            get = dt.DescrGet;
            if (get is not null && dt.DescrSet is not null)
                return get(descr, o, type);
        }
        var dict = o.Dict;
        if (dict is not null && dict.TryGetStr(name, out var v))
            return v;
        if (get is not null)
            return get(descr!, o, type);
        return descr;
    }

    /// <summary>
    /// Finds what <c>o.name(...)</c> would call without creating a bound method when the attribute is a plain
    /// function of the type (LOAD_ATTR's method form, Objects/object.c _PyObject_GetMethod). Returns true and the
    /// unbound function when the call needs <paramref name="o"/> prepended.
    /// </summary>
    public static bool GetMethod(PyObject o, PyStr name, out PyObject result)
    {
        var type = o.Type;
        if (!ReferenceEquals(type.GetAttr, s_genericGetAttr))
        {
            result = GetAttr(o, name);
            return false;
        }
        var descr = type.Lookup(name);
        if (descr is PyFunction or PyMethodDescriptor)
        {
            var dict = o.Dict;
            if (dict is not null && dict.TryGetStr(name, out var v))
            {
                result = v;
                return false;
            }
            result = descr;
            return true;
        }
        result = GenericGetAttr(o, name) ?? throw Err.Attribute(o, name);
        return false;
    }

    internal static readonly Func<PyObject, PyStr, PyObject?> s_genericGetAttr = GenericGetAttr;
    internal static readonly Action<PyObject, PyStr, PyObject?> s_genericSetAttr = GenericSetAttr;

    public static void SetAttr(PyObject o, PyStr name, PyObject? value)
    {
        var slot = o.Type.SetAttr;
        if (slot is null)
        {
            if (value is null)
                throw Err.Attribute(o, name);
            throw Err.New(PyType.AttributeError, $"'{o.Type.Name}' object has no attribute '{name.Value}'" + NoDictHint());
        }
        slot(o, name, value);
    }

    public static void SetAttr(PyObject o, string name, PyObject? value) => SetAttr(o, PyStr.Intern(name), value);

    private static string NoDictHint() =>
        Interpreter.PyRuntime.Current.Dialect.SetAttrNoDictHint ? " and no __dict__ for setting new attributes" : "";

    /// <summary>object.__setattr__: a data descriptor of the type, else the instance dict.</summary>
    public static void GenericSetAttr(PyObject o, PyStr name, PyObject? value)
    {
        var type = o.Type;
        var descr = type.Lookup(name);
        if (descr is not null && descr.Type.DescrSet is { } set)
        {
            set(descr, o, value);
            return;
        }
        var dict = o.Dict;
        if (dict is null)
        {
            if (descr is null)
                throw Err.New(PyType.AttributeError, $"'{type.Name}' object has no attribute '{name.Value}'" +
                    (value is null || !ReferenceEquals(type.SetAttr, s_genericSetAttr) ? "" : NoDictHint()));
            throw Err.New(PyType.AttributeError, $"'{type.Name}' object attribute '{name.Value}' is read-only");
        }
        if (value is null)
        {
            if (!dict.Remove(name))
                throw Err.Attribute(o, name);
        }
        else
        {
            dict.SetItem(name, value);
        }
    }

    public static bool HasAttr(PyObject o, string name) => TryGetAttr(o, name) is not null;
}

/// <summary>
/// Guards the C# stack against runaway recursion in repr, comparison and calls into native code: CPython's
/// Py_EnterRecursiveCall. Until 3.11 it shares the count of Python frames and their limit; from 3.12 native
/// re-entries have a count and a fixed limit of their own (<see cref="Interpreter.Dialect.CRecursionLimit"/>).
/// </summary>
public static class Recursion
{
    public static int Limit { get; set; } = 1000;

    /// <summary>Depth of Python frames plus, until 3.11, native re-entries (the interpreter adds one per Python call).</summary>
    public static int Depth => Interpreter.VmThread.State.Depth;

    public readonly struct Guard : IDisposable
    {
        public void Dispose()
        {
            var state = Interpreter.VmThread.State;
            if (state.NativeLimit == 0)
                state.Depth--;
            else
                state.NativeDepth--;
        }
    }

    public static Guard Enter(string where)
    {
        var state = Interpreter.VmThread.State;
        if (state.NativeLimit == 0 ? ++state.Depth > Limit + 50 : ++state.NativeDepth > state.NativeLimit)
        {
            if (state.NativeLimit == 0)
                state.Depth--;
            else
                state.NativeDepth--;
            throw Err.New(PyType.RecursionError, "maximum recursion depth exceeded" + where);
        }
        return default;
    }
}

/// <summary>The iterator of an object with only <c>__getitem__</c> (Objects/iterobject.c seqiter).</summary>
public sealed class PySeqIter(PyObject seq) : PyObject
{
    private PyObject? _seq = seq;
    private long _index;
    public override PyType Type => PyType.IteratorType;

    public PyObject? Next()
    {
        if (_seq is null)
            return null;
        try
        {
            return Ops.GetItem(_seq, PyInt.Of(_index++));
        }
        catch (PyException e) when (Err.Matches(e, PyType.IndexError) || Err.Matches(e, PyType.StopIteration))
        {
            _seq = null;
            return null;
        }
    }
}
