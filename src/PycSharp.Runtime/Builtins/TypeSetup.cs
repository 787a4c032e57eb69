using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>Installs the slots and methods of every built-in type, then the dunder wrappers that expose the slots.</summary>
internal static partial class TypeSetup
{
    public static void InstallAll()
    {
        ObjectSetup(PyType.ObjectType);
        TypeTypeSetup(PyType.TypeType);
        Singletons();
        NumberSetup.Install();
        StrSetup.Install();
        ContainerSetup.Install();
        FunctionSetup.Install();
        ExceptionSetup.Install();
        TypingSetup.Install();
        Codecs.Install();
        foreach (var f in typeof(PyType).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
        {
            if (f.GetValue(null) is PyType t && t != PyType.ObjectType)
                AddSlotWrappers(t);
        }
        AddSlotWrappers(PyType.ObjectType);
        // Base before derived: creation order of the statics follows the hierarchy.
        foreach (var f in typeof(PyType).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            if (f.GetValue(null) is PyType t)
                t.InheritMissingSlots();
        foreach (var t in PyType.ExceptionTypes)
            t.InheritMissingSlots();
    }

    /// <summary>
    /// Completes a built-in type created after start-up (the library modules' types): the dunder wrappers of the
    /// slots it sets itself, so Python subclasses and explicit calls such as Counter.__repr__ reach them.
    /// </summary>
    internal static PyType Finish(PyType t)
    {
        AddSlotWrappers(t);
        t.InheritMissingSlots();
        PyType.InvalidateCaches();
        return t;
    }

    public static void Method(PyType t, string name, NativeMethod body) =>
        t.TypeDict.SetStr(name, new PyMethodDescriptor(t, name, body));

    /// <summary>A class method of a builtin type: its body receives the class, so the self check is against type.</summary>
    public static void ClassMethod(PyType t, string name, NativeMethod body) =>
        t.TypeDict.SetStr(name, new PyClassMethod(new PyMethodDescriptor(PyType.TypeType, name, body)));

    public static void StaticMethod(PyType t, string name, NativeFunction body) =>
        t.TypeDict.SetStr(name, new PyStaticMethod(new PyBuiltinFunction(name, body, null)));

    public static void Getter(PyType t, string name, Func<PyObject, PyObject> get, Action<PyObject, PyObject?>? set = null) =>
        t.TypeDict.SetStr(name, new PyGetSetDescriptor(t, name, get, set));

    private static void Wrap(PyType t, string name, NativeMethod body)
    {
        var key = PyStr.Intern(name);
        if (!t.TypeDict.ContainsKey(key))
            t.TypeDict.SetItem(key, new PySlotWrapper(t, name, body));
    }

    /// <summary>Objects/typeobject.c add_operators: a wrapper per slot the type itself defines.</summary>
    private static void AddSlotWrappers(PyType t)
    {
        var b = t.Base;
        bool Own(Delegate? mine, Delegate? baseSlot) => mine is not null && (b is null || !ReferenceEquals(mine, baseSlot));
        if (Own(t.Repr, b?.Repr))
            Wrap(t, "__repr__", (self, a, k) => t.Repr!(self));
        if (Own(t.Str, b?.Str))
            Wrap(t, "__str__", (self, a, k) => t.Str!(self));
        if (Own(t.Hash, b?.Hash))
            Wrap(t, "__hash__", (self, a, k) => PyInt.Of(t.Hash!(self)));
        if (Own(t.Compare, b?.Compare))
        {
            string[] names = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
            for (int i = 0; i < names.Length; i++)
            {
                var op = (CompareOp)i;
                Wrap(t, names[i], (self, a, k) => t.Compare!(self, a[0], op));
            }
        }
        if (Own(t.GetAttr, b?.GetAttr))
            Wrap(t, "__getattribute__", (self, a, k) => t.GetAttr!(self, AttrName(a[0])) ?? throw Err.Attribute(self, AttrName(a[0])));
        if (Own(t.SetAttr, b?.SetAttr))
        {
            Wrap(t, "__setattr__", (self, a, k) => { t.SetAttr!(self, AttrName(a[0]), a[1]); return PyNone.Instance; });
            Wrap(t, "__delattr__", (self, a, k) => { t.SetAttr!(self, AttrName(a[0]), null); return PyNone.Instance; });
        }
        if (Own(t.Call, b?.Call))
            Wrap(t, "__call__", (self, a, k) => t.Call!(self, a, k));
        if (Own(t.Iter, b?.Iter))
            Wrap(t, "__iter__", (self, a, k) => t.Iter!(self));
        if (Own(t.Next, b?.Next))
            Wrap(t, "__next__", (self, a, k) => t.Next!(self) ?? throw Err.StopIteration());
        if (Own(t.Len, b?.Len))
            Wrap(t, "__len__", (self, a, k) => PyInt.Of(t.Len!(self)));
        if (Own(t.GetItem, b?.GetItem))
            Wrap(t, "__getitem__", (self, a, k) => t.GetItem!(self, a[0]));
        if (Own(t.SetItem, b?.SetItem))
        {
            Wrap(t, "__setitem__", (self, a, k) => { t.SetItem!(self, a[0], a[1]); return PyNone.Instance; });
            Wrap(t, "__delitem__", (self, a, k) => { t.SetItem!(self, a[0], null); return PyNone.Instance; });
        }
        if (Own(t.Contains, b?.Contains))
            Wrap(t, "__contains__", (self, a, k) => PyBool.Of(t.Contains!(self, a[0])));
        if (Own(t.Bool, b?.Bool))
            Wrap(t, "__bool__", (self, a, k) => PyBool.Of(t.Bool!(self)));
        if (Own(t.DescrGet, b?.DescrGet))
            Wrap(t, "__get__", (self, a, k) => t.DescrGet!(self, a[0] is PyNone ? null : a[0], a.Length > 1 ? a[1] : a[0].Type));
        if (Own(t.DescrSet, b?.DescrSet))
        {
            Wrap(t, "__set__", (self, a, k) => { t.DescrSet!(self, a[0], a[1]); return PyNone.Instance; });
            Wrap(t, "__delete__", (self, a, k) => { t.DescrSet!(self, a[0], null); return PyNone.Instance; });
        }
        if (Own(t.Init, b?.Init))
            Wrap(t, "__init__", (self, a, k) => { t.Init!(self, a, k); return PyNone.Instance; });
        if (Own(t.New, b?.New) && !t.TypeDict.ContainsKey(PyStr.Intern("__new__")))
        {
            t.TypeDict.SetStr("__new__", new PyStaticMethod(new PyBuiltinFunction("__new__", (a, k) =>
            {
                if (a.Length == 0 || a[0] is not PyType sub)
                    throw Err.Type($"{t.Name}.__new__(X): X is not a type object");
                if (!sub.IsSubtypeOf(t))
                    throw Err.Type($"{t.Name}.__new__({sub.Name}): {sub.Name} is not a subtype of {t.Name}");
                return t.New!(sub, a[1..], k);
            }, null) { Self = t }));
        }
        for (int i = 0; i < NumOps.Count; i++)
        {
            int op = i;
            if (Own(t.Num[i], b?.Num[i]))
            {
                Wrap(t, $"__{NumOps.Names[i]}__", (self, a, k) => t.Num[op]!(self, a[0]));
                Wrap(t, $"__r{NumOps.Names[i]}__", (self, a, k) => t.Num[op]!(a[0], self));
            }
            if (Own(t.InplaceNum[i], b?.InplaceNum[i]))
                Wrap(t, $"__i{NumOps.Names[i]}__", (self, a, k) => t.InplaceNum[op]!(self, a[0]));
        }
        if (Own(t.Negative, b?.Negative))
            Wrap(t, "__neg__", (self, a, k) => t.Negative!(self));
        if (Own(t.Positive, b?.Positive))
            Wrap(t, "__pos__", (self, a, k) => t.Positive!(self));
        if (Own(t.Invert, b?.Invert))
            Wrap(t, "__invert__", (self, a, k) => t.Invert!(self));
        if (Own(t.Absolute, b?.Absolute))
            Wrap(t, "__abs__", (self, a, k) => t.Absolute!(self));
        if (Own(t.Index, b?.Index))
            Wrap(t, "__index__", (self, a, k) => t.Index!(self));
        if (Own(t.Int, b?.Int))
            Wrap(t, "__int__", (self, a, k) => t.Int!(self));
        if (Own(t.Float, b?.Float))
            Wrap(t, "__float__", (self, a, k) => t.Float!(self));
    }

    private static PyStr AttrName(PyObject o) =>
        o as PyStr ?? throw Err.Type($"attribute name must be string, not '{o.Type.Name}'");

    internal static string DefaultRepr(PyObject o)
    {
        var t = o.Type;
        return $"<{t.FullName} object at 0x{Identity.Of(o):x}>";
    }

    private static void ObjectSetup(PyType t)
    {
        t.Repr = o => PyStr.Of(DefaultRepr(o));
        t.Str = o => o.Type.Repr!(o);
        t.Hash = o => Identity.Of(o) >> 4;
        t.Compare = (a, b, op) => op switch
        {
            CompareOp.Eq => ReferenceEquals(a, b) ? PyBool.True : Ops.NotImplemented,
            CompareOp.Ne => NotEqualFromEq(a, b),
            _ => Ops.NotImplemented,
        };
        t.GetAttr = Ops.s_genericGetAttr;
        t.SetAttr = Ops.s_genericSetAttr;
        t.Allocate = type => new PyInstance(type);
        // Objects/typeobject.c object_new / object_init: extra arguments are an error unless the other one is overridden.
        t.New = (type, args, kw) =>
        {
            if (args.Length > 0 || kw is { Count: > 0 })
            {
                if (type.New != PyType.ObjectType.New)
                    throw Err.Type("object.__new__() takes exactly one argument (the type to instantiate)");
                if (type.Init == PyType.ObjectType.Init)
                    throw Err.Type($"{type.Name}() takes no arguments");
            }
            if (type.Lookup("__abstractmethods__") is PyObject abs && abs is not PyNone && Ops.IsTrue(abs))
            {
                var names = string.Join(", ", Ops.ToList(abs).Select(x => "'" + Ops.StrText(x) + "'").Order(PyStr.TextOrder));
                int n = (int)Ops.Len(abs);
                throw Err.Type($"Can't instantiate abstract class {type.Name} without an implementation for abstract method{(n == 1 ? "" : "s")} {names}");
            }
            return type.Allocate!(type);
        };
        t.Init = (self, args, kw) =>
        {
            if (args.Length > 0 || kw is { Count: > 0 })
            {
                var type = self.Type;
                if (type.Init != PyType.ObjectType.Init)
                    throw Err.Type("object.__init__() takes exactly one argument (the instance to initialize)");
                if (type.New == PyType.ObjectType.New)
                    throw Err.Type($"{type.Name}() takes no arguments");
            }
        };
        Getter(t, "__class__", o => o.Type, (o, v) =>
        {
            if (v is not PyType nt || o is not PyInstance inst || !o.Type.IsHeapType || !nt.IsHeapType)
                throw Err.Type("__class__ assignment only supported for mutable types or ModuleType subclasses");
            inst.SetType(nt);
        });
        ClassMethod(t, "__init_subclass__", (self, a, k) =>
        {
            if (a.Length > 0 || k is { Count: > 0 })
                throw Err.Type($"{((PyType)self).Name}.__init_subclass__() takes no keyword arguments");
            return PyNone.Instance;
        });
        ClassMethod(t, "__subclasshook__", (self, a, k) => PyNotImplemented.Instance);
        Method(t, "__format__", (self, a, k) =>
        {
            var spec = (PyStr)a[0];
            if (spec.Value.Length > 0)
                throw Err.Type($"unsupported format string passed to {self.Type.Name}.__format__");
            return Ops.Str(self);
        });
        Method(t, "__dir__", (self, a, k) => BuiltinFunctions.Dir(self));
        Method(t, "__reduce_ex__", (self, a, k) => throw Err.Type($"cannot pickle '{self.Type.Name}' object"));
        Method(t, "__sizeof__", (self, a, k) => PyInt.Of(16));
        t.TypeDict.SetStr("__doc__", PyStr.Of("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n"));
    }

    private static PyObject NotEqualFromEq(PyObject a, PyObject b)
    {
        var eq = a.Type.Compare!(a, b, CompareOp.Eq);
        if (ReferenceEquals(eq, Ops.NotImplemented))
            return eq;
        return PyBool.Of(!Ops.IsTrue(eq));
    }

    private static void Singletons()
    {
        PyType.NoneType.Repr = _ => PyStr.Intern("None");
        PyType.NoneType.Bool = _ => false;
        PyType.NoneType.Hash = _ => 0xFCA86420L;
        PyType.NotImplementedType.Repr = _ => PyStr.Intern("NotImplemented");
        PyType.EllipsisType.Repr = _ => PyStr.Intern("Ellipsis");
        PyType.NoneType.New = (type, a, k) => a.Length == 0 ? PyNone.Instance : throw Err.Type("NoneType takes no arguments");
    }
}

/// <summary>Stable fake addresses for id() and default reprs and hashes (never printed by the corpus).</summary>
internal static class Identity
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PyObject, object> s_ids = new();
    private static long s_next = 0x7f0000001000;

    public static long Of(PyObject o) =>
        (long)s_ids.GetValue(o, _ => Interlocked.Add(ref s_next, 0x40));
}
