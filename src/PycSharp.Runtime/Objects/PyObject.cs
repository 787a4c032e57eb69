namespace PycSharp.Runtime.Objects;

/// <summary>
/// Every value the VM handles. The type is what Python's <c>type(x)</c> returns; behaviour lives in the type's
/// slots (<see cref="PyType"/>), as in CPython's Include/cpython/object.h, so that built-in types dispatch straight to
/// C# and classes written in Python dispatch through their dunder methods.
/// </summary>
public abstract class PyObject
{
    public abstract PyType Type { get; }

    /// <summary>The instance <c>__dict__</c>, for objects that have one.</summary>
    public virtual PyDict? Dict => null;

    public override string ToString() => Ops.ReprText(this);
}

/// <summary>An object of a class defined in Python whose solid base is <c>object</c>.</summary>
public class PyInstance : PyObject
{
    private PyType _type;
    private PyDict? _dict;

    public PyInstance(PyType type)
    {
        _type = type;
        if (type.HasDict)
            _dict = new PyDict();
        if (type.SlotCount > 0)
            Slots = new PyObject?[type.SlotCount];
    }

    public override PyType Type => _type;
    public override PyDict? Dict => _dict;
    /// <summary><see cref="Type"/> and <see cref="Dict"/> without a virtual call, for the attribute caches.</summary>
    internal PyType ClassType => _type;
    internal PyDict? InstanceDict => _dict;

    /// <summary>Values of <c>__slots__</c> members, indexed by the member descriptors of the class.</summary>
    public PyObject?[]? Slots { get; }

    internal void SetType(PyType type) => _type = type;
    internal void SetDict(PyDict dict) => _dict = dict;
}

/// <summary>The few singletons with no data of their own.</summary>
public sealed class PyNone : PyObject
{
    public static readonly PyNone Instance = new();
    private PyNone() { }
    public override PyType Type => PyType.NoneType;
}

public sealed class PyNotImplemented : PyObject
{
    public static readonly PyNotImplemented Instance = new();
    private PyNotImplemented() { }
    public override PyType Type => PyType.NotImplementedType;
}

public sealed class PyEllipsis : PyObject
{
    public static readonly PyEllipsis Instance = new();
    private PyEllipsis() { }
    public override PyType Type => PyType.EllipsisType;
}

/// <summary>A cell of a closure (<c>MAKE_CELL</c>, <c>LOAD_DEREF</c>); null contents means unbound.</summary>
public sealed class PyCell : PyObject
{
    public PyCell(PyObject? contents) => Contents = contents;
    public PyObject? Contents;
    public override PyType Type => PyType.CellType;
}
