using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

internal static partial class TypeSetup
{
    internal static readonly List<WeakReference<PyType>> HeapTypes = [];

    private static void TypeTypeSetup(PyType t)
    {
        t.Repr = o =>
        {
            var type = (PyType)o;
            return PyStr.Of(type.Module is "builtins" ? $"<class '{type.QualName}'>" : $"<class '{type.Module}.{type.QualName}'>");
        };
        t.Call = (callable, args, kw) =>
        {
            var type = (PyType)callable;
            if (ReferenceEquals(type, PyType.TypeType) && args.Length == 1 && kw is null or { Count: 0 })
                return args[0].Type;
            var newSlot = type.New ?? throw Err.Type($"cannot create '{type.FullName}' instances");
            var obj = newSlot(type, args, kw);
            if (obj.Type.IsSubtypeOf(type) && obj.Type.Init is { } init)
                init(obj, args, kw);
            return obj;
        };
        t.New = (meta, args, kw) =>
        {
            if (args.Length == 1 && kw is null or { Count: 0 } && ReferenceEquals(meta, PyType.TypeType))
                return args[0].Type;
            var pos = Args.Split(args, kw, out var kwargs);
            if (pos.Length != 3)
                throw Err.Type("type() takes 1 or 3 arguments");
            var name = pos[0] as PyStr ?? throw Err.Type($"type.__new__() argument 1 must be str, not {pos[0].Type.Name}");
            var bases = (pos[1] as PyTuple ?? throw Err.Type($"type.__new__() argument 2 must be tuple, not {pos[1].Type.Name}"))
                .Items.Select(b => b as PyType ?? throw Err.Type("bases must be types")).ToArray();
            var ns = pos[2] as PyDict ?? throw Err.Type($"type.__new__() argument 3 must be dict, not {pos[2].Type.Name}");
            var winner = CalculateMetaclass(meta, bases);
            if (!ReferenceEquals(winner, meta) && winner.New != meta.New)
                return winner.New!(winner, args, kw);
            PyTuple? restNames = null;
            PyObject[] restValues = [];
            if (kwargs is { Count: > 0 })
            {
                restNames = new PyTuple(kwargs.Keys.Select(k => (PyObject)PyStr.Intern(k)).ToArray());
                restValues = kwargs.Values.ToArray();
            }
            var type = PyType.CreateClass(winner, name.Value, bases, ns, restNames, restValues);
            lock (HeapTypes)
                HeapTypes.Add(new WeakReference<PyType>(type));
            return type;
        };
        t.Init = (self, args, kw) => { };
        t.GetAttr = TypeGetAttr;
        t.SetAttr = (o, name, value) =>
        {
            var type = (PyType)o;
            var metaDescr = type.Type.Lookup(name);
            if (metaDescr?.Type.DescrSet is { } set)
            {
                set(metaDescr, type, value);
                return;
            }
            if (!type.IsHeapType)
                throw Err.Type($"cannot set '{name.Value}' attribute of immutable type '{type.Name}'");
            if (value is null)
            {
                if (!type.TypeDict.Remove(name))
                    throw Err.Attribute(type, name);
            }
            else
            {
                type.TypeDict.SetItem(name, value);
            }
            PyType.InvalidateCaches();
            if (name.Value.StartsWith("__", StringComparison.Ordinal))
                RefixAll();
        };
        Getter(t, "__name__", o => PyStr.Of(((PyType)o).Name), (o, v) => ((PyType)o).Name = ((PyStr)v!).Value);
        Getter(t, "__qualname__", o => PyStr.Of(((PyType)o).QualName), (o, v) => ((PyType)o).QualName = ((PyStr)v!).Value);
        Getter(t, "__module__", o => ((PyType)o).TypeDict.GetStr("__module__") ?? PyStr.Of(((PyType)o).Module),
            (o, v) => ((PyType)o).TypeDict.SetStr("__module__", v!));
        Getter(t, "__bases__", o => PyTuple.Of(((PyType)o).Bases.Cast<PyObject>().ToArray()));
        Getter(t, "__base__", o => (PyObject?)((PyType)o).Bases.FirstOrDefault() ?? PyNone.Instance);
        Getter(t, "__mro__", o => PyTuple.Of(((PyType)o).Mro.Cast<PyObject>().ToArray()));
        Getter(t, "__dict__", o => new PyMappingProxy(((PyType)o).TypeDict));
        Getter(t, "__doc__", o => ((PyType)o).TypeDict.GetStr("__doc__") ?? PyNone.Instance);
        Method(t, "mro", (self, a, k) => PyList.Of(((PyType)self).Mro.Cast<PyObject>().ToArray()));
        Method(t, "__subclasses__", (self, a, k) =>
        {
            var result = new PyList();
            lock (HeapTypes)
            {
                foreach (var w in HeapTypes)
                    if (w.TryGetTarget(out var h) && h.Bases.Contains((PyType)self))
                        result.Append(h);
            }
            return result;
        });
        Method(t, "__instancecheck__", (self, a, k) => PyBool.Of(a[0].Type.IsSubtypeOf((PyType)self)));
        Method(t, "__subclasscheck__", (self, a, k) => PyBool.Of(a[0] is PyType st && st.IsSubtypeOf((PyType)self)));
        ClassMethod(t, "__prepare__", (self, a, k) => new PyDict());
        Method(t, "__or__", (self, a, k) => PyNotImplemented.Instance);
    }

    private static void RefixAll()
    {
        lock (HeapTypes)
        {
            foreach (var w in HeapTypes)
                if (w.TryGetTarget(out var h))
                    h.FixupSlots();
        }
    }

    /// <summary>Objects/typeobject.c _PyType_CalculateMetaclass: the most derived metaclass of the bases.</summary>
    internal static PyType CalculateMetaclass(PyType meta, PyType[] bases)
    {
        var winner = meta;
        foreach (var b in bases)
        {
            var bt = b.Type;
            if (winner.IsSubtypeOf(bt))
                continue;
            if (bt.IsSubtypeOf(winner))
            {
                winner = bt;
                continue;
            }
            throw Err.Type("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
        }
        return winner;
    }

    /// <summary>type.__getattribute__ (Objects/typeobject.c type_getattro).</summary>
    private static PyObject? TypeGetAttr(PyObject o, PyStr name)
    {
        var type = (PyType)o;
        var meta = type.Type;
        var metaAttr = meta.Lookup(name);
        Func<PyObject, PyObject?, PyObject, PyObject>? metaGet = null;
        if (metaAttr is not null)
        {
            metaGet = metaAttr.Type.DescrGet;
            if (metaGet is not null && metaAttr.Type.DescrSet is not null)
                return metaGet(metaAttr, type, meta);
        }
        var attr = type.Lookup(name);
        if (attr is not null)
        {
            var get = attr.Type.DescrGet;
            return get is null ? attr : get(attr, null, type);
        }
        if (metaGet is not null)
            return metaGet(metaAttr!, type, meta);
        return metaAttr;
    }
}

/// <summary>A read-only view of a type's dict (type.__dict__).</summary>
public sealed class PyMappingProxy(PyDict dict) : PyObject
{
    public readonly PyDict Mapping = dict;
    public override PyType Type => PyType.MappingProxyType;
}
