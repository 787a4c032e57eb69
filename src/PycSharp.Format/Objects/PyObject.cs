namespace PycSharp.Format.Objects;

/// <summary>
/// A constant decoded from marshal data: the immutable model of what CPython's <c>marshal.loads</c> returns.
/// </summary>
/// <remarks>
/// These are classes, not records, on purpose: marshal references (<c>FLAG_REF</c> and <c>'r'</c>) are about object
/// identity, exactly as in Python/marshal.c where <c>w_ref</c> keys its table by address. Two equal tuples read from
/// two places are two objects; one tuple reached twice through a reference is one object. Value equality would blur
/// that and make byte-exact rewriting impossible.
/// <para>
/// <see cref="MarshalType"/> keeps the type byte the object was read with (including the <c>FLAG_REF</c> bit), so
/// that writing it back reproduces the original bytes. Objects built in code leave it 0 and the writer chooses
/// the form CPython's own writer would use.
/// </para>
/// </remarks>
public abstract class PyObject
{
    private protected PyObject(byte marshalType) => MarshalType = marshalType;

    /// <summary>The marshal type byte as read (with <see cref="MarshalTypes.FlagRef"/>), or 0 if built in code.</summary>
    public byte MarshalType { get; }

    /// <summary>True if the object was read with <c>FLAG_REF</c> set, i.e. later data may refer back to it.</summary>
    public bool HasRefFlag => (MarshalType & MarshalTypes.FlagRef) != 0;

    /// <summary>The Python type name (<c>type(x).__name__</c>) of the object.</summary>
    public abstract string TypeName { get; }
}

/// <summary><c>None</c>.</summary>
public sealed class PyNone : PyObject
{
    public static readonly PyNone Instance = new(0);
    internal PyNone(byte marshalType) : base(marshalType) { }
    public override string TypeName => "NoneType";
    public override string ToString() => "None";
}

/// <summary><c>True</c> or <c>False</c>.</summary>
public sealed class PyBool : PyObject
{
    public static readonly PyBool True = new(true, 0);
    public static readonly PyBool False = new(false, 0);
    internal PyBool(bool value, byte marshalType) : base(marshalType) => Value = value;
    public bool Value { get; }
    public static PyBool Of(bool value) => value ? True : False;
    public override string TypeName => "bool";
    public override string ToString() => Value ? "True" : "False";
}

/// <summary><c>Ellipsis</c> (<c>...</c>).</summary>
public sealed class PyEllipsis : PyObject
{
    public static readonly PyEllipsis Instance = new(0);
    internal PyEllipsis(byte marshalType) : base(marshalType) { }
    public override string TypeName => "ellipsis";
    public override string ToString() => "Ellipsis";
}

/// <summary>The <c>StopIteration</c> class (marshal can carry it, type code 'S').</summary>
public sealed class PyStopIteration : PyObject
{
    public static readonly PyStopIteration Instance = new(0);
    internal PyStopIteration(byte marshalType) : base(marshalType) { }
    public override string TypeName => "type";
    public override string ToString() => "StopIteration";
}
