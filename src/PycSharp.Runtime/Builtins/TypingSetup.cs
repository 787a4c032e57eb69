using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>
/// The objects of type hints that exist at run time without importing typing: generic aliases (list[int]),
/// unions (int | None), and the PEP 695 type parameters, type aliases and Generic base (Objects/genericaliasobject.c,
/// unionobject.c, typevarobject.c).
/// </summary>
internal static class TypingSetup
{
    public static void Install()
    {
        GenericAlias(PyType.GenericAliasType);
        Union(PyType.UnionType);
        foreach (var t in new[] { PyType.TypeVarType, PyType.ParamSpecType, PyType.TypeVarTupleType })
            TypeParam(t);
        TypeAlias(PyType.TypeAliasType);
        Generic(PyType.GenericType);
        PyType.NoDefaultType.Repr = _ => PyStr.Of("typing.NoDefault");
        // Objects/*: the built-in containers are generic (Py_GenericAlias as __class_getitem__).
        foreach (var t in new[] { PyType.ListType, PyType.DictType, PyType.TupleType, PyType.SetType, PyType.FrozenSetType, PyType.TypeType, PyType.EnumerateType })
            TypeSetup.ClassMethod(t, "__class_getitem__", (cls, a, k) => new PyGenericAlias(cls, AsArgs(a[0])));
        PyType.TypeType.Num[(int)NumOp.Or] = UnionOr;
        // A function's PEP 695 parameters (SET_FUNCTION_TYPE_PARAMS), () when it has none.
        TypeSetup.Getter(PyType.FunctionType, "__type_params__",
            o => o.Dict!.GetStr("__type_params__") ?? PyTuple.Empty,
            (o, v) => o.Dict!.SetStr("__type_params__", v as PyTuple ?? throw Err.Type("__type_params__ must be set to a tuple")));
    }

    private static PyTuple AsArgs(PyObject item) => item as PyTuple ?? PyTuple.Of(item);

    /// <summary>ga_repr_item / union_repr_item: a class by its qualified name (module-qualified unless builtins).</summary>
    internal static string ReprItem(PyObject p)
    {
        switch (p)
        {
            case PyEllipsis:
                return "...";
            case PyGenericAlias or PyUnion:
                return Ops.ReprText(p);
            case PyType t:
                var module = t.IsHeapType ? (t.TypeDict.GetStr("__module__") as PyStr)?.Value : t.Module;
                return module is null or "builtins" ? t.QualName : module + "." + t.QualName;
            default:
                return Ops.ReprText(p);
        }
    }

    private static void GenericAlias(PyType t)
    {
        t.Repr = o =>
        {
            var ga = (PyGenericAlias)o;
            if (ga.Starred && ga.Origin is PyTypeParam)
                return PyStr.Of("*" + ReprItem(ga.Origin));
            var args = ga.Args.Count == 0 ? "()" : string.Join(", ", ga.Args.Items.Select(ReprItem));
            return PyStr.Of($"{(ga.Starred ? "*" : "")}{ReprItem(ga.Origin)}[{args}]");
        };
        TypeSetup.Getter(t, "__origin__", o => ((PyGenericAlias)o).Origin);
        TypeSetup.Getter(t, "__args__", o => ((PyGenericAlias)o).Args);
        TypeSetup.Getter(t, "__parameters__", o => Parameters(((PyGenericAlias)o).Args));
        // ga_getattro: what the alias lacks comes from its origin.
        t.GetAttr = (o, name) => Ops.GenericGetAttr(o, name) ?? Ops.TryGetAttr(((PyGenericAlias)o).Origin, name);
        // ga_call: the origin's instance, told which alias made it.
        t.Call = (o, args, kw) =>
        {
            var ga = (PyGenericAlias)o;
            var result = Ops.Call(ga.Origin, args, kw);
            try
            {
                Ops.SetAttr(result, PyStr.Intern("__orig_class__"), ga);
            }
            catch (PyException e) when (Err.Matches(e, PyType.AttributeError) || Err.Matches(e, PyType.TypeError))
            {
            }
            return result;
        };
        t.Compare = (a, b, op) =>
        {
            if (op is not (CompareOp.Eq or CompareOp.Ne) || b is not PyGenericAlias gb)
                return Ops.NotImplemented;
            var ga = (PyGenericAlias)a;
            bool eq = Ops.Eq(ga.Origin, gb.Origin) && Ops.Eq(ga.Args, gb.Args);
            return PyBool.Of(eq == (op == CompareOp.Eq));
        };
        t.Hash = o => Ops.Hash(((PyGenericAlias)o).Origin) ^ Ops.Hash(((PyGenericAlias)o).Args);
        t.Num[(int)NumOp.Or] = UnionOr;
        TypeSetup.Method(t, "__mro_entries__", (self, a, k) => PyTuple.Of(((PyGenericAlias)self).Origin));
        TypeSetup.Method(t, "__instancecheck__", (self, a, k) => throw Err.Type("isinstance() argument 2 cannot be a parameterized generic"));
        TypeSetup.Method(t, "__subclasscheck__", (self, a, k) => throw Err.Type("issubclass() argument 2 cannot be a parameterized generic"));
    }

    /// <summary>The type parameters among the arguments, each once, in order (_Py_make_parameters).</summary>
    private static PyTuple Parameters(PyTuple args)
    {
        var found = new List<PyObject>();
        foreach (var a in args.Items)
        {
            var inner = a is PyTypeParam ? [a] : a is PyGenericAlias g ? Parameters(g.Args).Items : a is PyUnion u ? Parameters(u.Args).Items : [];
            foreach (var p in inner)
                if (!found.Any(x => ReferenceEquals(x, p)))
                    found.Add(p);
        }
        return PyTuple.Of(found.ToArray());
    }

    private static void Union(PyType t)
    {
        t.Repr = o => PyStr.Of(string.Join(" | ", ((PyUnion)o).Args.Items.Select(a => ReferenceEquals(a, PyType.NoneType) ? "None" : ReprItem(a))));
        TypeSetup.Getter(t, "__args__", o => ((PyUnion)o).Args);
        TypeSetup.Getter(t, "__parameters__", o => Parameters(((PyUnion)o).Args));
        t.Compare = (a, b, op) =>
        {
            if (op is not (CompareOp.Eq or CompareOp.Ne) || b is not PyUnion ub)
                return Ops.NotImplemented;
            var ua = (PyUnion)a;
            bool eq = ua.Args.Items.All(x => ub.Args.Items.Any(y => Ops.Eq(x, y))) && ub.Args.Items.All(y => ua.Args.Items.Any(x => Ops.Eq(x, y)));
            return PyBool.Of(eq == (op == CompareOp.Eq));
        };
        t.Hash = o => ((PyUnion)o).Args.Items.Aggregate(0L, (h, a) => h ^ Ops.Hash(a));
        t.Num[(int)NumOp.Or] = UnionOr;
        TypeSetup.Method(t, "__instancecheck__", (self, a, k) =>
        {
            var o = a[0];
            return PyBool.Of(((PyUnion)self).Args.Items.Any(c => BuiltinFunctions.IsInstance(o, c)));
        });
        TypeSetup.Method(t, "__subclasscheck__", (self, a, k) =>
        {
            var o = a[0];
            return PyBool.Of(((PyUnion)self).Args.Items.Any(c => BuiltinFunctions.IsSubclass(o, c)));
        });
    }

    private static bool IsUnionable(PyObject o) =>
        o is PyNone or PyType or PyGenericAlias or PyUnion or PyTypeAlias or PyTypeParam;

    /// <summary>_Py_union_type_or: members flattened, duplicates dropped, None as NoneType; one member is itself.</summary>
    internal static PyObject UnionOr(PyObject a, PyObject b)
    {
        if (!IsUnionable(a) || !IsUnionable(b))
            return Ops.NotImplemented;
        var members = new List<PyObject>();
        foreach (var side in new[] { a, b })
        {
            var items = side is PyUnion u ? u.Args.Items : [side is PyNone ? PyType.NoneType : side];
            foreach (var m in items)
                if (!members.Any(x => ReferenceEquals(x, m) || (x is PyGenericAlias && Ops.Eq(x, m))))
                    members.Add(m);
        }
        return members.Count == 1 ? members[0] : new PyUnion(PyTuple.Of(members.ToArray()));
    }

    private static void TypeParam(PyType t)
    {
        // typevar_repr: PEP 695 parameters infer their variance and print bare; the others say "~", "+" or "-".
        t.Repr = o => ((PyTypeParam)o) switch
        {
            { Variance: TypeParamVariance.Invariant } p => PyStr.Of("~" + p.Name.Value),
            { Variance: TypeParamVariance.Covariant } p => PyStr.Of("+" + p.Name.Value),
            { Variance: TypeParamVariance.Contravariant } p => PyStr.Of("-" + p.Name.Value),
            var p => p.Name,
        };
        TypeSetup.Getter(t, "__name__", o => ((PyTypeParam)o).Name);
        TypeSetup.Getter(t, "__module__", o => PyStr.Of("typing"));
        TypeSetup.Getter(t, "__default__", o => ((PyTypeParam)o).GetDefault());
        TypeSetup.Method(t, "has_default", (self, a, k) => PyBool.Of(((PyTypeParam)self).HasDefault));
        if (t == PyType.TypeVarType)
        {
            t.New = NewTypeVar;
            t.Init = (self, a, k) => { };
            TypeSetup.Getter(t, "__bound__", o => ((PyTypeParam)o).GetBound());
            TypeSetup.Getter(t, "__constraints__", o => ((PyTypeParam)o).GetConstraints());
        }
        // typevartuple_iter: *Ts unpacks to the one starred form.
        if (t == PyType.TypeVarTupleType)
            t.Iter = o => new PyArrayIterator([new PyGenericAlias(o, PyTuple.Empty, starred: true)], PyType.TupleIteratorType);
        if (t != PyType.TypeVarTupleType)
        {
            TypeSetup.Getter(t, "__covariant__", o => PyBool.Of(((PyTypeParam)o).Variance == TypeParamVariance.Covariant));
            TypeSetup.Getter(t, "__contravariant__", o => PyBool.Of(((PyTypeParam)o).Variance == TypeParamVariance.Contravariant));
            TypeSetup.Getter(t, "__infer_variance__", o => PyBool.Of(((PyTypeParam)o).Variance == TypeParamVariance.Infer));
            t.Num[(int)NumOp.Or] = UnionOr;
        }
    }

    /// <summary>typing.TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False, infer_variance=False, default=...) (Objects/typevarobject.c typevar_new_impl).</summary>
    private static PyObject NewTypeVar(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kw)
    {
        var pos = Args.Split(args, kw, out var kwargs);
        var name = (pos.Length > 0 ? pos[0] : Args.Take(kwargs, "name")) as PyStr ?? throw Err.Type("TypeVar() argument 'name' must be str");
        var bound = Args.Take(kwargs, "bound");
        bool covariant = Args.Take(kwargs, "covariant") is { } c && Ops.IsTrue(c);
        bool contravariant = Args.Take(kwargs, "contravariant") is { } cv && Ops.IsTrue(cv);
        bool infer = Args.Take(kwargs, "infer_variance") is { } iv && Ops.IsTrue(iv);
        var @default = Args.Take(kwargs, "default");
        Args.NoMore("TypeVar", kwargs);
        if (covariant && contravariant)
            throw Err.Value("Bivariant type variables are not supported.");
        if (infer && (covariant || contravariant))
            throw Err.Value("Variance cannot be specified with infer_variance.");
        var constraints = pos.Length > 1 ? pos[1..].ToArray() : [];
        if (constraints.Length == 1)
            throw Err.Type("A single constraint is not allowed");
        if (constraints.Length > 0 && bound is not null and not PyNone)
            throw Err.Type("Constraints cannot be combined with bound=...");
        return new PyTypeParam(TypeParamKind.TypeVar, name)
        {
            Variance = infer ? TypeParamVariance.Infer : covariant ? TypeParamVariance.Covariant : contravariant ? TypeParamVariance.Contravariant : TypeParamVariance.Invariant,
            Bound = bound is null or PyNone ? PyNone.Instance : bound is PyStr s ? new Library.PyForwardRef(s) : bound,
            Constraints = PyTuple.Of(constraints),
            Default = @default,
        };
    }

    private static void TypeAlias(PyType t)
    {
        t.Repr = o => ((PyTypeAlias)o).Name;
        TypeSetup.Getter(t, "__name__", o => ((PyTypeAlias)o).Name);
        TypeSetup.Getter(t, "__qualname__", o => ((PyTypeAlias)o).Name);
        TypeSetup.Getter(t, "__module__", o => ((PyTypeAlias)o).Module);
        TypeSetup.Getter(t, "__type_params__", o => ((PyTypeAlias)o).TypeParams);
        TypeSetup.Getter(t, "__parameters__", o => ((PyTypeAlias)o).TypeParams);
        TypeSetup.Getter(t, "__value__", o => ((PyTypeAlias)o).Value);
        t.GetItem = (o, key) =>
        {
            var alias = (PyTypeAlias)o;
            if (alias.TypeParams.Count == 0)
                throw Err.Type("Only generic type aliases are subscriptable");
            return new PyGenericAlias(alias, AsArgs(key));
        };
        t.Num[(int)NumOp.Or] = UnionOr;
    }

    private static void Generic(PyType t)
    {
        // Generic.__init_subclass__ (Lib/typing.py): __parameters__ are the type variables of __orig_bases__.
        TypeSetup.ClassMethod(t, "__init_subclass__", (cls, a, k) =>
        {
            var type = (PyType)cls;
            var found = new List<PyObject>();
            if (type.TypeDict.GetStr("__orig_bases__") is PyTuple origBases)
            {
                foreach (var b in origBases.Items)
                    foreach (var p in Ops.TryGetAttr(b, "__parameters__") is PyTuple ps ? ps.Items : [])
                        if (!found.Contains(p))
                            found.Add(p);
            }
            type.TypeDict.SetStr("__parameters__", PyTuple.Of(found.ToArray()));
            return PyNone.Instance;
        });
        // typing.Generic.__class_getitem__: Generic[T, ...] as a base; Cls[X, ...] with missing arguments taken
        // from the parameters' defaults (PEP 696, 3.13).
        TypeSetup.ClassMethod(t, "__class_getitem__", (cls, a, k) =>
        {
            var args = AsArgs(a[0]);
            if (ReferenceEquals(cls, PyType.GenericType))
            {
                if (args.Items.Any(p => p is not PyTypeParam))
                    throw Err.Type("Parameters to Generic[...] must all be type variables or parameter specification variables.");
                return new PyGenericAlias(cls, args);
            }
            var parameters = Ops.TryGetAttr(cls, "__type_params__") as PyTuple ?? PyTuple.Empty;
            var filled = args.Items.ToList();
            for (int i = filled.Count; i < parameters.Count && parameters[i] is PyTypeParam { HasDefault: true } p; i++)
                filled.Add(p.GetDefault());
            if (parameters.Count > 0 && filled.Count != parameters.Count && !parameters.Items.Any(p => p is PyTypeParam { Kind: TypeParamKind.TypeVarTuple }))
            {
                string many = filled.Count > parameters.Count ? "many" : "few";
                throw Err.Type($"Too {many} arguments for {Ops.ReprText(cls)}; actual {args.Count}, expected {parameters.Count}");
            }
            return new PyGenericAlias(cls, PyTuple.Of(filled.ToArray()));
        });
    }

    /// <summary>CALL_INTRINSIC_1 7-11 (Include/internal/pycore_intrinsics.h): the type-parameter intrinsics.</summary>
    public static PyObject? Intrinsic1(Frame f, int which, PyObject v) => which switch
    {
        7 => new PyTypeParam(TypeParamKind.TypeVar, (PyStr)v),
        8 => new PyTypeParam(TypeParamKind.ParamSpec, (PyStr)v),
        9 => new PyTypeParam(TypeParamKind.TypeVarTuple, (PyStr)v),
        10 => new PyGenericAlias(PyType.GenericType, AsArgs(v)),
        11 => MakeTypeAlias(f, (PyTuple)v),
        _ => null,
    };

    private static PyTypeAlias MakeTypeAlias(Frame f, PyTuple args) =>
        new((PyStr)args[0], args[1] as PyTuple ?? PyTuple.Empty, args[2], f.Globals.GetStr("__name__") ?? PyNone.Instance);

    /// <summary>CALL_INTRINSIC_2 2-5: bound, constraints, a function's type parameters, a default (3.13).</summary>
    public static PyObject? Intrinsic2(int which, PyObject a, PyObject b)
    {
        switch (which)
        {
            case 2:
                return new PyTypeParam(TypeParamKind.TypeVar, (PyStr)a) { EvaluateBound = b };
            case 3:
                return new PyTypeParam(TypeParamKind.TypeVar, (PyStr)a) { EvaluateConstraints = b };
            case 4:
                Ops.SetAttr(a, PyStr.Intern("__type_params__"), b);
                return a;
            case 5:
                ((PyTypeParam)a).EvaluateDefault = b;
                return a;
            default:
                return null;
        }
    }
}
