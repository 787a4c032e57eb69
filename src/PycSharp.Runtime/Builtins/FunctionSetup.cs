using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>Functions, methods, descriptors, modules, cells, generators (Objects/funcobject.c, descrobject.c, ...).</summary>
internal static class FunctionSetup
{
    public static void Install()
    {
        var f = PyType.FunctionType;
        f.DescrGet = (d, obj, type) => obj is null ? d : new PyMethod(d, obj);
        f.Repr = o => PyStr.Of($"<function {((PyStr)((PyFunction)o).QualName).Value} at 0x{Identity.Of(o):x}>");
        TypeSetup.Getter(f, "__name__", o => ((PyFunction)o).Name, (o, v) => ((PyFunction)o).Name = v!);
        TypeSetup.Getter(f, "__qualname__", o => ((PyFunction)o).QualName, (o, v) => ((PyFunction)o).QualName = v!);
        TypeSetup.Getter(f, "__doc__", o => ((PyFunction)o).Doc, (o, v) => ((PyFunction)o).Doc = v ?? PyNone.Instance);
        TypeSetup.Getter(f, "__module__", o => ((PyFunction)o).Module ?? PyNone.Instance, (o, v) => ((PyFunction)o).Module = v);
        TypeSetup.Getter(f, "__defaults__", o => (PyObject?)((PyFunction)o).Defaults ?? PyNone.Instance, (o, v) => ((PyFunction)o).Defaults = v as PyTuple);
        TypeSetup.Getter(f, "__kwdefaults__", o => (PyObject?)((PyFunction)o).KwDefaults ?? PyNone.Instance, (o, v) => ((PyFunction)o).KwDefaults = v as PyDict);
        TypeSetup.Getter(f, "__code__", o => ((PyFunction)o).Code);
        TypeSetup.Getter(f, "__globals__", o => ((PyFunction)o).Globals);
        TypeSetup.Getter(f, "__dict__", o => o.Dict!);
        TypeSetup.Getter(f, "__closure__", o => ((PyFunction)o).Closure is { } c ? PyTuple.Of(c!) : PyNone.Instance);
        TypeSetup.Getter(f, "__annotations__", o =>
        {
            var fn = (PyFunction)o;
            if (fn.Annotations is PyTuple t)
            {
                var d = new PyDict();
                for (int i = 0; i + 1 < t.Count; i += 2)
                    d.SetItem(t[i], t[i + 1]);
                fn.Annotations = d;
            }
            return fn.Annotations ??= new PyDict();
        }, (o, v) => ((PyFunction)o).Annotations = v);

        var m = PyType.MethodType;
        m.Repr = o =>
        {
            var bm = (PyMethod)o;
            var name = Ops.TryGetAttr(bm.Function, "__qualname__") ?? Ops.TryGetAttr(bm.Function, "__name__") ?? PyStr.Of("?");
            return PyStr.Of($"<bound method {Ops.StrText(name)} of {Ops.ReprText(bm.Self)}>");
        };
        m.GetAttr = (o, name) => Ops.GenericGetAttr(o, name) ?? Ops.TryGetAttr(((PyMethod)o).Function, name);
        m.Compare = (a, b, op) => op is CompareOp.Eq or CompareOp.Ne && b is PyMethod mb
            ? PyBool.Of((ReferenceEquals(((PyMethod)a).Self, mb.Self) && Ops.Eq(((PyMethod)a).Function, mb.Function)) == (op == CompareOp.Eq)) : Ops.NotImplemented;
        m.Hash = o => Ops.Hash(((PyMethod)o).Function) ^ Identity.Of(((PyMethod)o).Self);
        TypeSetup.Getter(m, "__func__", o => ((PyMethod)o).Function);
        TypeSetup.Getter(m, "__self__", o => ((PyMethod)o).Self);

        var bf = PyType.BuiltinFunctionType;
        bf.Repr = o => o switch
        {
            PyBuiltinFunction b => PyStr.Of($"<built-in function {b.Name}>"),
            PyBuiltinMethod bm => PyStr.Of($"<built-in method {bm.Descriptor.Name} of {bm.Self.Type.Name} object at 0x{Identity.Of(bm.Self):x}>"),
            _ => PyStr.Of("<built-in function>"),
        };
        TypeSetup.Getter(bf, "__name__", o => PyStr.Of(o is PyBuiltinFunction b ? b.Name : ((PyBuiltinMethod)o).Descriptor.Name));
        TypeSetup.Getter(bf, "__qualname__", o => PyStr.Of(o is PyBuiltinFunction b ? b.Name : ((PyBuiltinMethod)o).Self.Type.Name + "." + ((PyBuiltinMethod)o).Descriptor.Name));
        TypeSetup.Getter(bf, "__self__", o => o is PyBuiltinMethod bm ? bm.Self : PyNone.Instance);
        TypeSetup.Getter(bf, "__module__", o => o is PyBuiltinFunction { ModuleName: { } mn } ? PyStr.Of(mn) : PyNone.Instance);

        var md = PyType.MethodDescriptorType;
        md.DescrGet = (d, obj, type) => obj is null ? d : new PyBuiltinMethod(obj, (PyMethodDescriptor)d);
        md.Repr = o => PyStr.Of($"<method '{((PyMethodDescriptor)o).Name}' of '{((PyMethodDescriptor)o).Owner.Name}' objects>");
        TypeSetup.Getter(md, "__name__", o => PyStr.Of(((PyMethodDescriptor)o).Name));
        // descr_get_qualname (Objects/descrobject.c): the owner type's __qualname__, then the name.
        TypeSetup.Getter(md, "__qualname__", o => PyStr.Of(((PyMethodDescriptor)o).Owner.QualName + "." + ((PyMethodDescriptor)o).Name));

        var wd = PyType.WrapperDescriptorType;
        wd.DescrGet = (d, obj, type) => obj is null ? d : new PyBuiltinMethod(obj, new PyMethodDescriptor(((PySlotWrapper)d).Owner, ((PySlotWrapper)d).Name, ((PySlotWrapper)d).Body));
        wd.Call = (c, args, kw) =>
        {
            var w = (PySlotWrapper)c;
            if (args.Length == 0)
                throw Err.Type($"descriptor '{w.Name}' of '{w.Owner.Name}' object needs an argument");
            Ops.CheckDescriptorSelf(w.Owner, w.Name, args[0]);
            return w.Body(args[0], args[1..], kw);
        };
        wd.Repr = o => PyStr.Of($"<slot wrapper '{((PySlotWrapper)o).Name}' of '{((PySlotWrapper)o).Owner.Name}' objects>");

        var sm = PyType.StaticMethodType;
        sm.DescrGet = (d, obj, type) => ((PyStaticMethod)d).Function;
        sm.New = (type, args, kw) => new PyStaticMethod(args[0]);
        sm.Init = (self, args, kw) => { };
        sm.Call = (c, args, kw) => Ops.Call(((PyStaticMethod)c).Function, args, kw);
        TypeSetup.Getter(sm, "__func__", o => ((PyStaticMethod)o).Function);
        sm.GetAttr = (o, name) => Ops.GenericGetAttr(o, name) ?? Ops.TryGetAttr(((PyStaticMethod)o).Function, name);

        var cm = PyType.ClassMethodType;
        cm.DescrGet = (d, obj, type) => new PyMethod(((PyClassMethod)d).Function, type);
        cm.New = (type, args, kw) => new PyClassMethod(args[0]);
        cm.Init = (self, args, kw) => { };
        TypeSetup.Getter(cm, "__func__", o => ((PyClassMethod)o).Function);
        cm.GetAttr = (o, name) => Ops.GenericGetAttr(o, name) ?? Ops.TryGetAttr(((PyClassMethod)o).Function, name);

        PropertyInstall(PyType.PropertyType);

        var mem = PyType.MemberDescriptorType;
        mem.DescrGet = (d, obj, type) =>
        {
            var m2 = (PyMemberDescriptor)d;
            if (obj is null)
                return d;
            return ((PyInstance)obj).Slots![m2.Index] ?? throw Err.New(PyType.AttributeError, $"'{obj.Type.Name}' object has no attribute '{m2.Name}'");
        };
        mem.DescrSet = (d, obj, v) =>
        {
            var m2 = (PyMemberDescriptor)d;
            var slots = ((PyInstance)obj).Slots!;
            if (v is null && slots[m2.Index] is null)
                throw Err.New(PyType.AttributeError, $"'{obj.Type.Name}' object has no attribute '{m2.Name}'");
            slots[m2.Index] = v;
        };
        mem.Repr = o => PyStr.Of($"<member '{((PyMemberDescriptor)o).Name}' of '{((PyMemberDescriptor)o).Owner.Name}' objects>");

        var gs = PyType.GetSetDescriptorType;
        gs.DescrGet = (d, obj, type) => obj is null ? d : ((PyGetSetDescriptor)d).Get(obj);
        gs.DescrSet = (d, obj, v) =>
        {
            var g = (PyGetSetDescriptor)d;
            if (g.Set is null)
                throw Err.New(PyType.AttributeError, $"attribute '{g.Name}' of '{g.Owner.Name}' objects is not writable");
            g.Set(obj, v);
        };
        gs.Repr = o => PyStr.Of($"<attribute '{((PyGetSetDescriptor)o).Name}' of '{((PyGetSetDescriptor)o).Owner.Name}' objects>");

        var mod = PyType.ModuleType;
        mod.Repr = o => PyStr.Of($"<module '{((PyModule)o).Name}'>");
        mod.GetAttr = (o, name) =>
        {
            var r = Ops.GenericGetAttr(o, name);
            if (r is not null)
                return r;
            if (((PyModule)o).ModuleDict.GetStr("__getattr__") is { } ga)
                return Ops.Call(ga, name);
            return null;
        };
        mod.New = (type, args, kw) => new PyModule(((PyStr)args[0]).Value);
        mod.Init = (self, args, kw) => { };
        TypeSetup.Getter(mod, "__dict__", o => ((PyModule)o).ModuleDict);

        PyType.CellType.Repr = o => PyStr.Of($"<cell at 0x{Identity.Of(o):x}: {(((PyCell)o).Contents is { } c ? $"{c.Type.Name} object at 0x{Identity.Of(c):x}" : "empty")}>");
        TypeSetup.Getter(PyType.CellType, "cell_contents", o => ((PyCell)o).Contents ?? throw Err.Value("Cell is empty"));
        PyType.CodeType.Repr = o => PyStr.Of($"<code object {((PyCodeObject)o).Name.Value} at 0x{Identity.Of(o):x}, file \"{((PyCodeObject)o).Filename}\", line {((PyCodeObject)o).FirstLineNo}>");
        TypeSetup.Getter(PyType.CodeType, "co_name", o => ((PyCodeObject)o).Name);
        TypeSetup.Getter(PyType.CodeType, "co_qualname", o => ((PyCodeObject)o).QualName);
        TypeSetup.Getter(PyType.CodeType, "co_filename", o => PyStr.Of(((PyCodeObject)o).Filename));
        TypeSetup.Getter(PyType.CodeType, "co_firstlineno", o => PyInt.Of(((PyCodeObject)o).FirstLineNo));
        TypeSetup.Getter(PyType.CodeType, "co_argcount", o => PyInt.Of(((PyCodeObject)o).ArgCount));
        TypeSetup.Getter(PyType.CodeType, "co_varnames", o => PyTuple.Of(((PyCodeObject)o).VarNames.ToArray<PyObject>()));
        TypeSetup.Getter(PyType.CodeType, "co_flags", o => PyInt.Of(((PyCodeObject)o).Flags));
        TypeSetup.Getter(PyType.CodeType, "co_posonlyargcount", o => PyInt.Of(((PyCodeObject)o).PosOnlyArgCount));
        TypeSetup.Getter(PyType.CodeType, "co_kwonlyargcount", o => PyInt.Of(((PyCodeObject)o).KwOnlyArgCount));
        TypeSetup.Getter(PyType.CodeType, "co_nlocals", o => PyInt.Of(((PyCodeObject)o).VarNames.Length));
        TypeSetup.Getter(PyType.CodeType, "co_stacksize", o => PyInt.Of(((PyCodeObject)o).StackSize));
        TypeSetup.Getter(PyType.CodeType, "co_cellvars", o => PyTuple.Of(((PyCodeObject)o).CellNames.ToArray<PyObject>()));
        TypeSetup.Getter(PyType.CodeType, "co_freevars", o => PyTuple.Of(((PyCodeObject)o).FreeNames.ToArray<PyObject>()));
        TypeSetup.Getter(PyType.CodeType, "co_names", o => PyTuple.Of(((PyCodeObject)o).Names.ToArray<PyObject>()));
        TypeSetup.Getter(PyType.CodeType, "co_consts", o => PyTuple.Of(((PyCodeObject)o).Consts.ToArray<PyObject>()));
        TypeSetup.Getter(PyType.CodeType, "co_code", o => new PyBytes(((PyCodeObject)o).Source.Code.Value.ToArray()));

        GeneratorInstall();
        SuperMethods.Install(PyType.SuperType);
    }

    private static void PropertyInstall(PyType p)
    {
        p.New = (type, args, kw) => new PyProperty(null, null, null, null);
        p.Init = (self, args, kw) =>
        {
            var pos = Args.Split(args, kw, out var kwargs);
            var prop = (PyProperty)self;
            var fget = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "fget");
            var fset = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "fset");
            var fdel = pos.Length > 2 ? pos[2] : Args.Take(kwargs, "fdel");
            var doc = pos.Length > 3 ? pos[3] : Args.Take(kwargs, "doc");
            prop.Getter = fget is PyNone ? null : fget;
            prop.Setter = fset is PyNone ? null : fset;
            prop.Deleter = fdel is PyNone ? null : fdel;
            prop.Doc = doc is not null and not PyNone ? doc : prop.Getter is not null ? Ops.TryGetAttr(prop.Getter, "__doc__") : null;
        };
        p.DescrGet = (d, obj, type) =>
        {
            var prop = (PyProperty)d;
            if (obj is null)
                return d;
            if (prop.Getter is null)
                throw PropertyMissing(prop, obj, "getter");
            return Ops.Call(prop.Getter, obj);
        };
        p.DescrSet = (d, obj, v) =>
        {
            var prop = (PyProperty)d;
            var fn = v is null ? prop.Deleter : prop.Setter;
            if (fn is null)
                throw PropertyMissing(prop, obj, v is null ? "deleter" : "setter");
            if (v is null)
                Ops.Call(fn, obj);
            else
                Ops.Call(fn, [obj, v]);
        };
        PyObject Copy(PyObject self, PyObject? g, PyObject? s, PyObject? d)
        {
            var old = (PyProperty)self;
            var np = (PyProperty)Ops.Call(self.Type, [g ?? PyNone.Instance, s ?? PyNone.Instance, d ?? PyNone.Instance, old.Doc ?? PyNone.Instance]);
            np.Name = old.Name;
            return np;
        }
        TypeSetup.Method(p, "getter", (self, a, k) => Copy(self, a[0], ((PyProperty)self).Setter, ((PyProperty)self).Deleter));
        TypeSetup.Method(p, "setter", (self, a, k) => Copy(self, ((PyProperty)self).Getter, a[0], ((PyProperty)self).Deleter));
        TypeSetup.Method(p, "deleter", (self, a, k) => Copy(self, ((PyProperty)self).Getter, ((PyProperty)self).Setter, a[0]));
        TypeSetup.Method(p, "__set_name__", (self, a, k) => { ((PyProperty)self).Name = a[1]; return PyNone.Instance; });
        TypeSetup.Getter(p, "fget", o => ((PyProperty)o).Getter ?? PyNone.Instance);
        TypeSetup.Getter(p, "fset", o => ((PyProperty)o).Setter ?? PyNone.Instance);
        TypeSetup.Getter(p, "fdel", o => ((PyProperty)o).Deleter ?? PyNone.Instance);
        TypeSetup.Getter(p, "__doc__", o => ((PyProperty)o).Doc ?? PyNone.Instance);
        p.Allocate = type => new PyPropertySub(type);
    }

    private static void GeneratorInstall()
    {
        foreach (var t in new[] { PyType.GeneratorType, PyType.CoroutineType, PyType.AsyncGeneratorType })
        {
            var kind = t.Name;
            t.Repr = o => PyStr.Of($"<{kind} object {((PyGenerator)o).QualName.Value} at 0x{Identity.Of(o):x}>");
            TypeSetup.Getter(t, "__name__", o => ((PyGenerator)o).Name);
            TypeSetup.Getter(t, "__qualname__", o => ((PyGenerator)o).QualName);
        }
        foreach (var t in new[] { PyType.GeneratorType, PyType.CoroutineType })
        {
            TypeSetup.Method(t, "send", (self, a, k) => ((PyGenerator)self).Send(OneArg("send", a, k)));
            TypeSetup.Method(t, "throw", (self, a, k) => ((PyGenerator)self).Throw(Thrown(a, k)));
            TypeSetup.Method(t, "close", (self, a, k) => { ((PyGenerator)self).Close(); return PyNone.Instance; });
        }
        var g = PyType.GeneratorType;
        g.Iter = o => o;
        g.Next = o => ((PyGenerator)o).Next();
        TypeSetup.Getter(g, "gi_running", o => PyBool.Of(((PyGenerator)o).Running));
        var c = PyType.CoroutineType;
        TypeSetup.Method(c, "__await__", (self, a, k) => new PyCoroutineWrapper((PyGenerator)self));
        TypeSetup.Getter(c, "cr_running", o => PyBool.Of(((PyGenerator)o).Running));
        PyCoroutineWrapper.TypeObject.Iter = o => o;
        PyCoroutineWrapper.TypeObject.Next = o => ((PyCoroutineWrapper)o).Coroutine.Next();
        TypeSetup.Method(PyCoroutineWrapper.TypeObject, "send", (self, a, k) => ((PyCoroutineWrapper)self).Coroutine.Send(OneArg("send", a, k)));
        TypeSetup.Method(PyCoroutineWrapper.TypeObject, "throw", (self, a, k) => ((PyCoroutineWrapper)self).Coroutine.Throw(Thrown(a, k)));
        TypeSetup.Method(PyCoroutineWrapper.TypeObject, "close", (self, a, k) => { ((PyCoroutineWrapper)self).Coroutine.Close(); return PyNone.Instance; });
        AsyncGeneratorInstall();
    }

    /// <summary>Async generators and their awaitables (Objects/genobject.c async_gen_as_async, async_gen_methods).</summary>
    private static void AsyncGeneratorInstall()
    {
        var ag = PyType.AsyncGeneratorType;
        TypeSetup.Method(ag, "__aiter__", (self, a, k) => self);
        TypeSetup.Method(ag, "__anext__", (self, a, k) => new PyAsyncGenASend((PyGenerator)self, null));
        TypeSetup.Method(ag, "asend", (self, a, k) => new PyAsyncGenASend((PyGenerator)self, OneArg("asend", a, k)));
        TypeSetup.Method(ag, "athrow", (self, a, k) =>
        {
            Args.NoKeywords("athrow", k);
            var args = a.ToArray();
            return new PyAsyncGenAThrow((PyGenerator)self, () => Thrown(args, null, "athrow"));
        });
        TypeSetup.Method(ag, "aclose", (self, a, k) => new PyAsyncGenAThrow((PyGenerator)self, null));
        TypeSetup.Getter(ag, "ag_running", o => PyBool.Of(((PyGenerator)o).Running));
        foreach (var t in new[] { PyType.AsyncGenASendType, PyType.AsyncGenAThrowType })
        {
            t.Iter = o => o;
            t.Next = o =>
            {
                try
                {
                    return ((PyAsyncGenAwaitable)o).Send(PyNone.Instance);
                }
                catch (PyException e) when (Err.Matches(e, PyType.StopIteration))
                {
                    return null;
                }
            };
            TypeSetup.Method(t, "__await__", (self, a, k) => self);
            TypeSetup.Method(t, "send", (self, a, k) => ((PyAsyncGenAwaitable)self).Send(OneArg("send", a, k)));
            TypeSetup.Method(t, "throw", (self, a, k) => ((PyAsyncGenAwaitable)self).Throw(Thrown(a, k)));
            TypeSetup.Method(t, "close", (self, a, k) => { ((PyAsyncGenAwaitable)self).Close(); return PyNone.Instance; });
        }
    }

    private static PyObject OneArg(string name, ReadOnlySpan<PyObject> a, PyTuple? k)
    {
        Args.Exactly(name, a, k, 1);
        return a[0];
    }

    /// <summary>throw(type[, value[, tb]]) or throw(exc): the exception to raise (Objects/genobject.c _gen_throw).</summary>
    private static PyBaseException Thrown(ReadOnlySpan<PyObject> a, PyTuple? k, string name = "throw")
    {
        Args.Range(name, a, k, 1, 3);
        var typ = a[0];
        if (typ is PyType t && t.IsSubtypeOf(PyType.BaseException))
        {
            if (a.Length > 1 && a[1] is PyBaseException v)
                return v;
            return (PyBaseException)(a.Length > 1 && a[1] is not PyNone ? Ops.Call(t, a[1]) : Ops.Call(t));
        }
        if (typ is PyBaseException e)
        {
            if (a.Length > 1 && a[1] is not PyNone)
                throw Err.Type("instance exception may not have a separate value");
            return e;
        }
        throw Err.Type($"exceptions must be classes or instances deriving from BaseException, not {typ.Type.Name}");
    }

    /// <summary>property_descr_get/property_descr_set without the function (Objects/descrobject.c): the name is
    /// the one __set_name__ gave, or in 3.13 the getter's.</summary>
    private static PyException PropertyMissing(PyProperty prop, PyObject obj, string what)
    {
        var name = prop.Name;
        if (name is null && prop.Getter is not null && Interpreter.PyRuntime.Current.Dialect.PropertyNameFromGetter)
            name = Ops.TryGetAttr(prop.Getter, "__name__");
        string owner = Ops.ReprText(PyStr.Of(obj.Type.QualName));
        return Err.New(PyType.AttributeError, name is not null
            ? $"property {Ops.ReprText(name)} of {owner} object has no {what}"
            : $"property of {owner} object has no {what}");
    }
}

internal sealed class PyPropertySub(PyType type) : PyProperty(null, null, null, null)
{
    private readonly PyDict? _dict = type.HasDict ? new PyDict() : null;
    public override PyType Type => type;
    public override PyDict? Dict => _dict;
}

/// <summary>The iterator coroutine.__await__() returns (Objects/genobject.c coroutine_wrapper).</summary>
internal sealed class PyCoroutineWrapper(PyGenerator coroutine) : PyObject
{
    public static readonly PyType TypeObject = new("coroutine_wrapper", PyType.ObjectType) { IsBaseType = false };
    public readonly PyGenerator Coroutine = coroutine;
    public override PyType Type => TypeObject;
}

/// <summary>super (Objects/typeobject.c super_getattro, super_init).</summary>
internal static class SuperMethods
{
    public static PySuper Make(PyType type, PyObject obj)
    {
        PyType objType;
        if (obj is PyType ot && ot.IsSubtypeOf(type))
            objType = ot;
        else if (obj.Type.IsSubtypeOf(type))
            objType = obj.Type;
        else
            throw Err.Type("super(type, obj): obj must be an instance or subtype of type");
        return new PySuper(type, obj, objType);
    }

    /// <summary>The attribute found after <c>ThisType</c> in the MRO of the object's type.</summary>
    public static PyObject? FindInMro(PySuper s, PyStr name)
    {
        var mro = (s.ObjType ?? s.ThisType).Mro;
        int i = Array.IndexOf(mro, s.ThisType);
        for (int k = i + 1; k < mro.Length; k++)
            if (mro[k].TypeDict.TryGetStr(name, out var v))
                return v;
        return null;
    }

    public static void Install(PyType t)
    {
        t.Init = (self, args, kw) => { };
        t.New = (type, args, kw) =>
        {
            if (args.Length == 2)
                return Make((PyType)args[0], args[1]);
            if (args.Length == 1)
                return new PySuper((PyType)args[0], null, null);
            // Zero-argument form: __class__ cell and the first argument of the calling frame.
            var f = VmThread.CurrentFrame ?? throw Err.Runtime("super(): no current frame");
            var code = f.Code;
            if (code.ArgCount == 0)
                throw Err.Runtime("super(): no arguments");
            var first = f.Fast[0];
            if (first is PyCell cell0)
                first = cell0.Contents!;
            for (int i = 0; i < code.NLocalsPlus; i++)
            {
                if (code.LocalsPlusNames[i].Value == "__class__" && f.Fast[i] is PyCell cell)
                {
                    if (cell.Contents is not PyType ct)
                        throw Err.Runtime("super(): empty __class__ cell");
                    return Make(ct, first ?? throw Err.Runtime("super(): arg[0] deleted"));
                }
            }
            throw Err.Runtime("super(): __class__ cell not found");
        };
        t.Repr = o =>
        {
            var s = (PySuper)o;
            return PyStr.Of(s.ObjType is null ? $"<super: <class '{s.ThisType.Name}'>, NULL>" : $"<super: <class '{s.ThisType.Name}'>, <{s.ObjType.Name} object>>");
        };
        t.GetAttr = (o, name) =>
        {
            var s = (PySuper)o;
            if (s.ObjType is not null && name.Value != "__class__")
            {
                var r = FindInMro(s, name);
                if (r is not null)
                {
                    var get = r.Type.DescrGet;
                    return get is null ? r : get(r, ReferenceEquals(s.Obj, s.ObjType) ? null : s.Obj, s.ObjType);
                }
            }
            return Ops.GenericGetAttr(o, name);
        };
    }
}
