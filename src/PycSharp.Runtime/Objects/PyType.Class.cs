using PycSharp.Runtime.Interpreter;

namespace PycSharp.Runtime.Objects;

public sealed partial class PyType
{
    /// <summary>C3 linearization (Objects/typeobject.c mro_implementation).</summary>
    internal void ComputeMro()
    {
        if (Bases.Length == 0)
        {
            Mro = [this];
            return;
        }
        var seqs = new List<List<PyType>>();
        foreach (var b in Bases)
            seqs.Add([.. b.Mro]);
        seqs.Add([.. Bases]);
        var result = new List<PyType> { this };
        while (true)
        {
            seqs.RemoveAll(s => s.Count == 0);
            if (seqs.Count == 0)
                break;
            PyType? candidate = null;
            foreach (var s in seqs)
            {
                var head = s[0];
                if (!seqs.Any(o => o.IndexOf(head) > 0))
                {
                    candidate = head;
                    break;
                }
            }
            if (candidate is null)
            {
                var names = string.Join(", ", Bases.Select(b => b.Name));
                throw Err.Type($"Cannot create a consistent method resolution{Interpreter.PyRuntime.Current.Dialect.MroErrorBreak}order (MRO) for bases {names}");
            }
            result.Add(candidate);
            foreach (var s in seqs)
                if (s[0] == candidate)
                    s.RemoveAt(0);
        }
        Mro = result.ToArray();
    }

    /// <summary>Copies every slot this built-in type lacks from its base (after all built-ins are set up).</summary>
    internal void InheritMissingSlots()
    {
        var b = Base;
        if (b is null)
            return;
        Repr ??= b.Repr; Str ??= b.Str; Compare ??= b.Compare; GetAttr ??= b.GetAttr; SetAttr ??= b.SetAttr;
        Call ??= b.Call; Iter ??= b.Iter; Next ??= b.Next; Len ??= b.Len; GetItem ??= b.GetItem; SetItem ??= b.SetItem;
        Contains ??= b.Contains; Bool ??= b.Bool; DescrGet ??= b.DescrGet; DescrSet ??= b.DescrSet; New ??= b.New; Init ??= b.Init;
        if (!_hashSet)
            Hash ??= b.Hash;
        for (int i = 0; i < NumOps.Count; i++)
        {
            Num[i] ??= b.Num[i];
            InplaceNum[i] ??= b.InplaceNum[i];
        }
        Negative ??= b.Negative; Positive ??= b.Positive; Invert ??= b.Invert; Absolute ??= b.Absolute; Index ??= b.Index;
        Int ??= b.Int; Float ??= b.Float;
        Allocate ??= b.Allocate;
    }

    private bool _hashSet;

    /// <summary>Marks the type unhashable on purpose (list, dict, set), so it does not inherit object's hash.</summary>
    internal void SetUnhashable()
    {
        Hash = null;
        _hashSet = true;
        TypeDict.SetStr("__hash__", PyNone.Instance);
    }

    /// <summary>The most derived solid base among bases (Objects/typeobject.c best_base), or a layout conflict.</summary>
    private static PyType BestBase(PyType[] bases)
    {
        PyType? best = null;
        PyType? bestSolid = null;
        foreach (var b in bases)
        {
            if (!b.IsBaseType)
                throw Err.Type($"type '{b.Name}' is not an acceptable base type");
            var solid = b.SolidBase();
            if (bestSolid is null || solid.IsSubtypeOf(bestSolid))
            {
                bestSolid = solid;
                best = b;
            }
            else if (!bestSolid.IsSubtypeOf(solid))
            {
                throw Err.Type("multiple bases have instance lay-out conflict");
            }
        }
        return best!;
    }

    private PyType SolidBase()
    {
        var t = this;
        while (t.IsHeapType && t.SlotCount == 0 && t.Base is not null)
            t = t.Base;
        return t;
    }

    /// <summary>
    /// type_new_descriptors (Objects/typeobject.c): a class whose instances gain a dict or weak references that
    /// no base provides gets the __dict__ and __weakref__ getset descriptors.
    /// </summary>
    private static void AddDictAndWeakref(PyType type, bool slotsWithoutWeakref)
    {
        bool Inherited(string name) => type.Mro.Skip(1).Any(t => t.TypeDict.ContainsKey(PyStr.Intern(name)));
        if (type.HasDict && !Inherited("__dict__"))
        {
            type.TypeDict.SetStr("__dict__", new PyGetSetDescriptor(type, "__dict__", o => o.Dict ?? throw Err.Attribute(o, PyStr.Intern("__dict__")), (o, v) =>
            {
                if (v is null)
                    throw Err.Type("cannot delete __dict__");
                if (v is not PyDict d)
                    throw Err.Type($"__dict__ must be set to a dictionary, not a '{v.Type.Name}'");
                if (o is not PyInstance inst)
                    throw Err.Type("__dict__ cannot be replaced here");
                inst.SetDict(d);
            }));
        }
        if (!slotsWithoutWeakref && !Inherited("__weakref__"))
            type.TypeDict.SetStr("__weakref__", new PyGetSetDescriptor(type, "__weakref__", o => PyNone.Instance));
    }

    /// <summary>type.__new__(metatype, name, bases, namespace): a class statement's class (Objects/typeobject.c type_new).</summary>
    public static PyType CreateClass(PyType metatype, string name, PyType[] bases, PyDict ns, PyTuple? kwnames = null, ReadOnlySpan<PyObject> kwargs = default)
    {
        if (bases.Length == 0)
            bases = [ObjectType];
        var best = BestBase(bases);
        var type = new PyType(name, best, bases, metatype, heap: true);
        type.ComputeMro();
        type.Bases = bases;
        foreach (var (k, v) in ns.Items())
            type.TypeDict.SetItem(k, v);
        // type_new_set_module: a namespace without __module__ takes the calling frame's __name__.
        if (ns.GetStr("__module__") is null && Interpreter.VmThread.CurrentFrame?.Globals.GetStr("__name__") is { } caller)
            type.TypeDict.SetStr("__module__", caller);
        type.Module = (type.TypeDict.GetStr("__module__") as PyStr)?.Value ?? "builtins";
        if (ns.GetStr("__qualname__") is PyStr qn)
        {
            type.QualName = qn.Value;
            type.TypeDict.Remove(PyStr.Intern("__qualname__"));
        }
        if (ns.GetStr("__slots__") is { } slots)
        {
            var names = slots is PyStr s1 ? [s1] : Ops.ToList(slots).Cast<PyStr>().ToList();
            int index = best.SlotCount;
            foreach (var s in names)
            {
                if (s.Value == "__dict__")
                {
                    type.HasDict = true;
                    continue;
                }
                if (s.Value == "__weakref__")
                    continue;
                if (ns.TryGetValue(s, out _))
                    throw Err.Value($"'{s.Value}' in __slots__ conflicts with class variable");
                type.TypeDict.SetItem(s, new PyMemberDescriptor(type, s.Value, index++));
            }
            type.SlotCount = index;
            if (!bases.Any(b => b.HasDict))
                type.HasDict = names.Any(n => n.Value == "__dict__");
        }
        else
        {
            type.HasDict = true;
        }
        AddDictAndWeakref(type, ns.GetStr("__slots__") is { } declared
            ? !(declared is PyStr one ? one.Value == "__weakref__" : Ops.ToList(declared).OfType<PyStr>().Any(n => n.Value == "__weakref__"))
            : false);
        // __eq__ without __hash__ makes instances unhashable.
        if (ns.GetStr("__eq__") is not null && ns.GetStr("__hash__") is null)
            type.TypeDict.SetStr("__hash__", PyNone.Instance);
        foreach (var special in new[] { "__new__" })
            if (type.TypeDict.GetStr(special) is PyFunction fn)
                type.TypeDict.SetStr(special, new PyStaticMethod(fn));
        foreach (var special in new[] { "__init_subclass__", "__class_getitem__" })
            if (type.TypeDict.GetStr(special) is PyFunction fn)
                type.TypeDict.SetStr(special, new PyClassMethod(fn));
        if (!type.TypeDict.ContainsKey(PyStr.Intern("__doc__")))
            type.TypeDict.SetStr("__doc__", PyNone.Instance);
        InvalidateCaches();
        type.FixupSlots();
        // __set_name__ on descriptors, then __init_subclass__ of the parent (type_new_set_names, type_new_init_subclass).
        foreach (var (k, v) in type.TypeDict.Items().ToList())
        {
            if (v.Type.Lookup("__set_name__") is { } setName)
                Ops.CallWithSelfDescriptor(setName, v, [type, k]);
        }
        if (ns.GetStr("__classcell__") is PyCell cell)
        {
            cell.Contents = type;
            type.TypeDict.Remove(PyStr.Intern("__classcell__"));
        }
        var sup = new PySuper(type, type, type);
        var initSub = Builtins.SuperMethods.FindInMro(sup, PyStr.Intern("__init_subclass__"));
        if (initSub is not null)
        {
            var bound = Ops.BindDescriptor(initSub, null, type);
            Ops.Call(bound, kwargs, kwnames);
        }
        return type;
    }

    /// <summary>Points every slot at the dunder method the class (or its MRO) defines (Objects/typeobject.c fixup_slot_dispatchers).</summary>
    internal void FixupSlots() => Builtins.SlotDispatch.Fixup(this);
}
