namespace PycSharp.Runtime.Objects;

/// <summary>
/// A type object: name, bases, MRO, attribute dictionary and the slots that carry its behaviour
/// (Objects/typeobject.c). Built-in types fill the slots with C# code and get their Python-visible dunder methods
/// generated from them; classes defined in Python get slots that call their dunder methods (slot_* functions).
/// </summary>
public sealed partial class PyType : PyObject
{
    private PyType? _metatype;

    public PyType(string name, PyType? @base, PyType[]? bases = null, PyType? metatype = null, bool heap = false)
    {
        Name = name;
        QualName = name;
        Base = @base;
        Bases = bases ?? (@base is null ? [] : [@base]);
        _metatype = metatype;
        IsHeapType = heap;
        TypeDict = new PyDict();
        Mro = [this];
        if (@base is not null)
            InheritFrom(@base);
    }

    public override PyType Type => _metatype ?? TypeType;
    internal void SetMetatype(PyType metatype) => _metatype = metatype;

    public string Name { get; set; }
    public string QualName { get; set; }
    public string Module { get; set; } = "builtins";

    /// <summary>The solid base: the built-in type whose C# class instances of this type are.</summary>
    public PyType? Base { get; private set; }
    public PyType[] Bases { get; internal set; }
    public PyType[] Mro { get; internal set; }
    public PyDict TypeDict { get; }
    public override PyDict? Dict => TypeDict;

    /// <summary>Defined by a class statement (attributes may be set) rather than built in.</summary>
    public bool IsHeapType { get; }
    public bool IsBaseType { get; init; } = true;
    public bool HasDict { get; internal set; }
    public int SlotCount { get; internal set; }

    /// <summary>Creates the C# object for an instance of a class derived from this (built-in) type.</summary>
    internal Func<PyType, PyObject>? Allocate { get; set; }

    // ---- slots (tp_*, nb_*, sq_*, mp_*): null where the type has none ----
    public Func<PyObject, PyStr>? Repr;
    public Func<PyObject, PyStr>? Str;
    public Func<PyObject, long>? Hash;
    public Func<PyObject, PyObject, CompareOp, PyObject>? Compare;
    public Func<PyObject, PyStr, PyObject?>? GetAttr;
    public Action<PyObject, PyStr, PyObject?>? SetAttr;
    public CallSlot? Call;
    public Func<PyObject, PyObject>? Iter;
    public Func<PyObject, PyObject?>? Next;
    public Func<PyObject, long>? Len;
    public Func<PyObject, PyObject, PyObject>? GetItem;
    public Action<PyObject, PyObject, PyObject?>? SetItem;
    public Func<PyObject, PyObject, bool>? Contains;
    public Func<PyObject, bool>? Bool;
    public Func<PyObject, PyObject?, PyObject, PyObject>? DescrGet;
    public Action<PyObject, PyObject, PyObject?>? DescrSet;
    public NewSlot? New;
    public InitSlot? Init;
    public readonly BinarySlot?[] Num = new BinarySlot?[NumOps.Count];
    public readonly BinarySlot?[] InplaceNum = new BinarySlot?[NumOps.Count];
    public Func<PyObject, PyObject>? Negative;
    public Func<PyObject, PyObject>? Positive;
    public Func<PyObject, PyObject>? Invert;
    public Func<PyObject, PyObject>? Absolute;
    public Func<PyObject, PyObject>? Index;
    public Func<PyObject, PyObject>? Int;
    public Func<PyObject, PyObject>? Float;

    private void InheritFrom(PyType b)
    {
        Repr = b.Repr; Str = b.Str; Hash = b.Hash; Compare = b.Compare; GetAttr = b.GetAttr; SetAttr = b.SetAttr;
        Call = b.Call; Iter = b.Iter; Next = b.Next; Len = b.Len; GetItem = b.GetItem; SetItem = b.SetItem;
        Contains = b.Contains; Bool = b.Bool; DescrGet = b.DescrGet; DescrSet = b.DescrSet; New = b.New; Init = b.Init;
        Array.Copy(b.Num, Num, NumOps.Count);
        Array.Copy(b.InplaceNum, InplaceNum, NumOps.Count);
        Negative = b.Negative; Positive = b.Positive; Invert = b.Invert; Absolute = b.Absolute; Index = b.Index;
        Int = b.Int; Float = b.Float;
        Allocate = b.Allocate;
        HasDict = b.HasDict;
        SlotCount = b.SlotCount;
    }

    public bool IsSubtypeOf(PyType other)
    {
        if (ReferenceEquals(this, other))
            return true;
        foreach (var t in Mro)
            if (ReferenceEquals(t, other))
                return true;
        return false;
    }

    // ---- attribute lookup along the MRO, cached (the type attribute cache of Objects/typeobject.c) ----
    private static int s_globalVersion;
    // Direct-mapped by the name's hash, hit on the very same (interned) name object: names in code objects and
    // attribute names are interned, so a hit costs one array read and one reference compare. An entry is one
    // immutable object, written with one store: the built-in types are shared by VMs running on other threads.
    private const int CacheSize = 64;
    private sealed record CacheEntry(PyStr Name, PyObject? Value, int Version);
    private CacheEntry?[]? _cache;

    /// <summary>Called whenever any type's dictionary or bases change: every cache becomes stale.</summary>
    internal static void InvalidateCaches() => Interlocked.Increment(ref s_globalVersion);

    /// <summary>Changes whenever a lookup could find something else: what the interpreter's attribute caches
    /// compare with (CPython's type version tags, one for all types here).</summary>
    internal static int CacheVersion => Volatile.Read(ref s_globalVersion);

    public PyObject? Lookup(PyStr name)
    {
        int slot = (int)name.HashValue & (CacheSize - 1);
        var cache = _cache ??= new CacheEntry?[CacheSize];
        int version = Volatile.Read(ref s_globalVersion);
        if (cache[slot] is { } e && ReferenceEquals(e.Name, name) && e.Version == version)
            return e.Value;
        PyObject? found = null;
        foreach (var t in Mro)
        {
            if (t.TypeDict.TryGetStr(name, out var v))
            {
                found = v;
                break;
            }
        }
        cache[slot] = new CacheEntry(name, found, version);
        return found;
    }

    public PyObject? Lookup(string name) => Lookup(PyStr.Intern(name));

    public string FullName => Module is "builtins" ? QualName : Module + "." + QualName;
}
