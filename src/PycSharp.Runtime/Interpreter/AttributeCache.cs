using System.Runtime.CompilerServices;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Interpreter;

/// <summary>
/// Inline caches of LOAD_ATTR, LOAD_ATTR's method form and STORE_ATTR on instances of classes written in Python
/// (CPython 3.12's LOAD_ATTR_WITH_HINT, LOAD_ATTR_METHOD_WITH_VALUES and STORE_ATTR_WITH_HINT, Python/bytecodes.c).
/// An entry remembers the class it saw and the type-cache version (<see cref="PyType.CacheVersion"/>, which moves
/// whenever any class's dictionary or bases change), plus where the answer was: the entry index of the name in the
/// instance dict, or the function the class provides. It is used only while the object's class is that class and
/// nothing changed; the dict hint is checked against the very name object. Anything else takes the generic path
/// (<see cref="Ops.GetAttr(PyObject, PyStr)"/>, <see cref="Ops.GetMethod"/>, <see cref="Ops.SetAttr(PyObject, PyStr, PyObject?)"/>)
/// and refreshes the entry when the case is one of these.
/// </summary>
internal sealed class AttributeCache
{
    // Up to this many classes per instruction, as a site often sees a few subclasses of one base (self.x in a
    // base-class method); the oldest entry makes way for a new class.
    private const int Ways = 4;

    private struct Entry
    {
        public PyType? Class;
        public int Version;
        public int Hint;
        public PyObject? Method;
    }

    private readonly Entry[] _entries = new Entry[Ways];
    private int _next;

    private static AttributeCache Of(PyCodeObject code, int at) =>
        (code.AttributeCaches ??= new AttributeCache?[code.Code.Length])[at] ??= new AttributeCache();

    /// <summary>The entry for this object's class, <paramref name="found"/> when it is still valid; a null
    /// reference when there is none (read it only when found).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref Entry Find(PyCodeObject code, int at, PyInstance o, out bool found)
    {
        if (code.AttributeCaches?[at] is { } c)
        {
            var type = o.ClassType;
            var entries = c._entries;
            for (int i = 0; i < entries.Length; i++)
            {
                ref var e = ref entries[i];
                if (ReferenceEquals(e.Class, type))
                {
                    found = e.Version == PyType.CacheVersion;
                    return ref e;
                }
            }
        }
        found = false;
        return ref Unsafe.NullRef<Entry>();
    }

    /// <summary>LOAD_ATTR (not the method form).</summary>
    public static PyObject Load(PyCodeObject code, int at, PyObject o, PyStr name)
    {
        if (o.GetType() != typeof(PyInstance))
            return Ops.GetAttr(o, name);
        var inst = Unsafe.As<PyInstance>(o);
        ref var e = ref Find(code, at, inst, out bool found);
        if (found && e.Method is null && inst.InstanceDict is { } dict && dict.TryGetAtHint(e.Hint, name, out var v))
            return v;
        int version = PyType.CacheVersion;
        var result = Ops.GetAttr(o, name);
        var type = inst.ClassType;
        // Cached only when the instance dict answers: no data descriptor of the class comes first.
        if (ReferenceEquals(type.GetAttr, Ops.s_genericGetAttr) && (type.Lookup(name) is not { } descr || descr.Type.DescrSet is null)
            && inst.InstanceDict is { } d && d.IndexOfStr(name) is >= 0 and int hint)
            Of(code, at).Fill(type, version, hint, null);
        return result;
    }

    /// <summary>LOAD_ATTR's method form (LOAD_METHOD): true and the class's function when the call needs
    /// <paramref name="o"/> prepended, as <see cref="Ops.GetMethod"/>.</summary>
    public static bool Method(PyCodeObject code, int at, PyObject o, PyStr name, out PyObject result)
    {
        if (o.GetType() == typeof(PyInstance))
        {
            var inst = Unsafe.As<PyInstance>(o);
            ref var e = ref Find(code, at, inst, out bool found);
            // The function is found only if the instance dict does not shadow it.
            if (found && e.Method is { } m && (inst.InstanceDict is not { } dict || dict.IndexOfStr(name) < 0))
            {
                result = m;
                return true;
            }
            int version = PyType.CacheVersion;
            if (Ops.GetMethod(o, name, out result))
            {
                if (result is PyFunction)
                    Of(code, at).Fill(inst.ClassType, version, 0, result);
                return true;
            }
            return false;
        }
        return Ops.GetMethod(o, name, out result);
    }

    /// <summary>STORE_ATTR.</summary>
    public static void Store(PyCodeObject code, int at, PyObject o, PyStr name, PyObject value)
    {
        if (o.GetType() != typeof(PyInstance))
        {
            Ops.SetAttr(o, name, value);
            return;
        }
        var inst = Unsafe.As<PyInstance>(o);
        ref var e = ref Find(code, at, inst, out bool found);
        if (found && e.Method is null && inst.InstanceDict is { } dict && dict.TrySetAtHint(e.Hint, name, value))
            return;
        int version = PyType.CacheVersion;
        Ops.SetAttr(o, name, value);
        var type = inst.ClassType;
        // Cached only when the value went to the instance dict: no data descriptor of the class took it.
        if (ReferenceEquals(type.SetAttr, Ops.s_genericSetAttr) && (type.Lookup(name) is not { } descr || descr.Type.DescrSet is null)
            && inst.InstanceDict is { } d && d.IndexOfStr(name) is >= 0 and int hint)
            Of(code, at).Fill(type, version, hint, null);
    }

    private void Fill(PyType type, int version, int hint, PyObject? method)
    {
        int slot = -1;
        for (int i = 0; i < _entries.Length; i++)
        {
            if (ReferenceEquals(_entries[i].Class, type))
            {
                slot = i;
                break;
            }
        }
        if (slot < 0)
        {
            slot = _next;
            _next = (_next + 1) % Ways;
        }
        _entries[slot] = new Entry { Class = type, Version = version, Hint = hint, Method = method };
    }
}
