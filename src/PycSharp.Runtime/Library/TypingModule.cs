using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// typing (Lib/typing.py) as programs use it at run time: the special forms (Any, Optional, Union, ClassVar ...),
/// the aliases of the containers and ABCs (List, Dict, Iterable ...) and what subscribing them gives, with
/// CPython's reprs; TypeVar, Generic, Protocol, NewType, cast, overload, get_origin/get_args, get_type_hints.
/// </summary>
internal static partial class TypingModule
{
    internal static readonly PyType SpecialFormType = Kind("_SpecialForm");
    internal static readonly PyType SpecialGenericAliasType = Kind("_SpecialGenericAlias");
    internal static readonly PyType GenericAliasType = Kind("_GenericAlias");
    internal static readonly PyType UnionGenericAliasType = Kind("_UnionGenericAlias");
    internal static readonly PyType CallableGenericAliasType = Kind("_CallableGenericAlias");
    internal static readonly PyType LiteralGenericAliasType = Kind("_LiteralGenericAlias");
    internal static readonly PyType CallableType = Kind("_CallableType");
    internal static readonly PyType TupleType = Kind("_TupleType");
    internal static readonly PyType ForwardRefType = Kind("ForwardRef");
    internal static readonly PyType NewTypeType = Kind("NewType");

    internal static readonly PyTypingForm ClassVar = new("ClassVar"), Final = new("Final"), Optional = new("Optional"),
        Union = new("Union"), Literal = new("Literal"), NoReturn = new("NoReturn"), Never = new("Never"), Self = new("Self"),
        TypeAlias = new("TypeAlias"), LiteralString = new("LiteralString"), TypeGuard = new("TypeGuard"),
        Required = new("Required"), NotRequired = new("NotRequired"), Unpack = new("Unpack"), Concatenate = new("Concatenate");

    /// <summary>typing.Any (3.11+ a class with metaclass _AnyMeta).</summary>
    internal static readonly PyType AnyMeta = MakeAnyMeta();
    internal static readonly PyType Any = MakeAny();

    /// <summary>Stand-ins for the collections.abc classes the ABC aliases point at, each with its structural check.</summary>
    private static readonly Dictionary<string, (PyType Type, Func<PyObject, bool> Check)> s_abc = [];

    private static PyType Kind(string name)
    {
        var t = new PyType(name, PyType.ObjectType) { Module = "typing", IsBaseType = false };
        t.ComputeMro();
        return t;
    }

    /// <summary>_is_classvar (Lib/dataclasses.py): ClassVar itself or ClassVar[...].</summary>
    internal static bool IsClassVar(PyObject? o) =>
        ReferenceEquals(o, ClassVar) || (o is PyTypingAlias { Args: not null } a && ReferenceEquals(a.Origin, ClassVar));

    static TypingModule()
    {
        SetupForm();
        foreach (var t in new[] { SpecialGenericAliasType, GenericAliasType, UnionGenericAliasType, CallableGenericAliasType, LiteralGenericAliasType, CallableType, TupleType })
            SetupAlias(t);
        ForwardRefType.Repr = o => PyStr.Of($"ForwardRef({Ops.ReprText(((PyForwardRef)o).Arg)})");
        TypeSetup.Getter(ForwardRefType, "__forward_arg__", o => ((PyForwardRef)o).Arg);
        ForwardRefType.Compare = (a, b, op) => op is CompareOp.Eq or CompareOp.Ne && b is PyForwardRef fb
            ? PyBool.Of(Ops.Eq(((PyForwardRef)a).Arg, fb.Arg) == (op == CompareOp.Eq)) : Ops.NotImplemented;
        ForwardRefType.Hash = o => Ops.Hash(((PyForwardRef)o).Arg);
        SetupNewType();
    }

    public static PyModule Create(PyRuntime rt)
    {
        var m = new PyModule("typing");
        m.Set("TYPE_CHECKING", PyBool.False);
        m.Set("Any", Any);
        foreach (var form in new[] { ClassVar, Final, Optional, Union, Literal, NoReturn, Never, Self, TypeAlias, LiteralString, TypeGuard, Required, NotRequired, Unpack, Concatenate })
            m.Set(form.Name, form);
        // Lib/typing.py: _alias(origin, nparams, inst=..., name=...); -1 parameters means variadic.
        (string Name, PyType Origin, int Params, bool Inst)[] builtinAliases =
        [
            ("List", PyType.ListType, 1, false), ("Dict", PyType.DictType, 2, false), ("Set", PyType.SetType, 1, false),
            ("FrozenSet", PyType.FrozenSetType, 1, false), ("Type", PyType.TypeType, 1, false),
        ];
        foreach (var (name, origin, n, inst) in builtinAliases)
            m.Set(name, new PyTypingAlias(SpecialGenericAliasType, name, origin, null) { NParams = n, Inst = inst });
        m.Set("Tuple", new PyTypingAlias(TupleType, "Tuple", PyType.TupleType, null) { NParams = -1, Inst = false });
        m.Set("Callable", new PyTypingAlias(CallableType, "Callable", Abc("Callable").Type, null) { NParams = 2 });
        (string Name, int Params)[] abcAliases =
        [
            ("Hashable", 0), ("Awaitable", 1), ("Coroutine", 3), ("AsyncIterable", 1), ("AsyncIterator", 1), ("Iterable", 1),
            ("Iterator", 1), ("Reversible", 1), ("Sized", 0), ("Container", 1), ("Collection", 1), ("AbstractSet", 1),
            ("MutableSet", 1), ("Mapping", 2), ("MutableMapping", 2), ("Sequence", 1), ("MutableSequence", 1),
            ("Generator", 3), ("AsyncGenerator", 2), ("MappingView", 1), ("KeysView", 1), ("ItemsView", 2), ("ValuesView", 1),
        ];
        foreach (var (name, n) in abcAliases)
        {
            // typing names Set's ABC AbstractSet; the origin is collections.abc.Set.
            var origin = Abc(name == "AbstractSet" ? "Set" : name).Type;
            var alias = new PyTypingAlias(SpecialGenericAliasType, name, origin, null) { NParams = n };
            m.Set(name, name is "Hashable" or "Sized" ? origin : alias);
        }
        // The collections aliases; the origins stand in for collections.deque and the rest.
        foreach (var (name, origin, n) in new[] { ("Deque", "deque", 1), ("DefaultDict", "defaultdict", 2), ("OrderedDict", "OrderedDict", 2), ("Counter", "Counter", 1), ("ChainMap", "ChainMap", 2) })
            m.Set(name, new PyTypingAlias(SpecialGenericAliasType, name, Abc(origin, "collections").Type, null) { NParams = n });
        m.Set("Text", PyType.StrType);
        m.Set("Generic", PyType.GenericType);
        m.Set("TypeVar", PyType.TypeVarType);
        m.Set("ParamSpec", PyType.ParamSpecType);
        m.Set("TypeVarTuple", PyType.TypeVarTupleType);
        m.Set("ForwardRef", ForwardRefType);
        m.Set("NewType", NewTypeType);
        m.Set("AnyStr", new PyTypeParam(TypeParamKind.TypeVar, PyStr.Of("AnyStr")) { Variance = TypeParamVariance.Invariant, Constraints = PyTuple.Of(PyType.BytesType, PyType.StrType) });
        var ns = new PyDict();
        ns.SetStr("__module__", PyStr.Of("typing"));
        ns.SetStr("_is_protocol", PyBool.True);
        m.Set("Protocol", PyType.CreateClass(PyType.TypeType, "Protocol", [PyType.GenericType], ns));
        BuiltinModules.Def(m, "cast", (a, k) => Positional("cast", a, k, ["typ", "val"])[1]);
        BuiltinModules.Def(m, "assert_type", (a, k) => Positional("assert_type", a, k, ["val", "typ"])[0]);
        foreach (var name in new[] { "overload", "final", "no_type_check", "runtime_checkable", "type_check_only" })
        {
            var decorator = name;
            BuiltinModules.Def(m, name, (a, k) =>
            {
                var f = Positional(decorator, a, k, [decorator == "runtime_checkable" ? "cls" : decorator == "overload" ? "func" : "f"])[0];
                if (decorator == "final")
                    TrySet(f, "__final__", PyBool.True);
                return f;
            });
        }
        BuiltinModules.Def(m, "get_overloads", (a, k) => new PyList());
        BuiltinModules.Def(m, "get_origin", (a, k) => Origin(Positional("get_origin", a, k, ["tp"])[0]));
        BuiltinModules.Def(m, "get_args", (a, k) => GetArgs(Positional("get_args", a, k, ["tp"])[0]));
        BuiltinModules.Def(m, "get_type_hints", GetTypeHints);
        BuiltinModules.Def(m, "reveal_type", (a, k) =>
        {
            var obj = Positional("reveal_type", a, k, ["obj"])[0];
            PyRuntime.Current.Stderr.Write($"Runtime type is '{obj.Type.Name}'\n");
            return obj;
        });
        return m;
    }

    private static void TrySet(PyObject o, string name, PyObject value)
    {
        try
        {
            Ops.SetAttr(o, name, value);
        }
        catch (PyException e) when (Err.Matches(e, PyType.AttributeError) || Err.Matches(e, PyType.TypeError))
        {
        }
    }

    /// <summary>Exactly these positional-or-keyword parameters, with CPython's messages for a Python function.</summary>
    private static PyObject[] Positional(string name, ReadOnlySpan<PyObject> a, PyTuple? k, string[] names) =>
        new NativeSignature(name, names, [], new PyObject?[names.Length]).Bind(a, k);

    private static (PyType Type, Func<PyObject, bool> Check) Abc(string name, string module = "collections.abc")
    {
        lock (s_abc)
        {
            if (s_abc.TryGetValue(name, out var found))
                return found;
            var t = new PyType(name, PyType.ObjectType) { Module = module };
            t.ComputeMro();
            bool Has(PyObject o, params string[] methods) => methods.All(n => o.Type.Lookup(n) is { } v && v is not PyNone);
            Func<PyObject, bool> check = name switch
            {
                "Iterable" => o => Has(o, "__iter__"),
                "Iterator" => o => Has(o, "__iter__", "__next__"),
                "Reversible" => o => Has(o, "__reversed__", "__iter__"),
                "Sized" => o => Has(o, "__len__"),
                "Container" => o => Has(o, "__contains__"),
                "Collection" => o => Has(o, "__len__", "__iter__", "__contains__"),
                "Hashable" => o => Has(o, "__hash__"),
                "Callable" => Ops.IsCallable,
                "Awaitable" => o => Has(o, "__await__"),
                "AsyncIterable" => o => Has(o, "__aiter__"),
                "AsyncIterator" => o => Has(o, "__aiter__", "__anext__"),
                "Mapping" => o => o is PyDict || o is PyMappingProxy,
                "MutableMapping" => o => o is PyDict,
                "Sequence" => o => o is PyList or PyTuple or PyStr or PyBytes or PyRange,
                "MutableSequence" => o => o is PyList,
                "Set" => o => o is PySet,
                "MutableSet" => o => o is PySet && o.Type.IsSubtypeOf(PyType.SetType),
                "Generator" => o => o is PyGenerator,
                _ => o => false,
            };
            s_abc[name] = (t, check);
            return s_abc[name];
        }
    }

    /// <summary>isinstance(obj, origin) for an alias's origin, with the structural checks of the ABC stand-ins.</summary>
    private static bool OriginInstance(PyObject origin, PyObject obj)
    {
        if (origin is PyType t && t.Module == "collections.abc")
        {
            lock (s_abc)
                if (s_abc.TryGetValue(t.Name, out var abc) && abc.Type == t)
                    return abc.Check(obj);
        }
        return BuiltinFunctions.IsInstance(obj, origin);
    }

    /// <summary>_type_repr: classes by (module-qualified) name, ... as "...", functions by name, else repr.</summary>
    internal static string TypeRepr(PyObject o) => o switch
    {
        PyType t => (t.TypeDict.GetStr("__module__") as PyStr)?.Value is { } mod && t.IsHeapType
            ? (mod == "builtins" ? t.QualName : mod + "." + t.QualName)
            : t.Module == "builtins" ? t.QualName : t.Module + "." + t.QualName,
        PyEllipsis => "...",
        PyFunction f => Ops.StrText(f.Name),
        PyList l => "[" + string.Join(", ", l.AsSpan().ToArray().Select(TypeRepr)) + "]",
        _ => Ops.ReprText(o),
    };

    private static PyTuple AsTuple(PyObject item) => item as PyTuple ?? PyTuple.Of(item);

    /// <summary>_type_check / _type_convert: None is NoneType, a string is a forward reference.</summary>
    private static PyObject Convert(PyObject arg) => arg switch
    {
        PyNone => PyType.NoneType,
        PyStr s => new PyForwardRef(s),
        _ => arg,
    };

    private static PyObject SingleType(PyTypingForm form, PyObject item)
    {
        if (item is PyTuple t && t.Count != 1)
            throw Err.Type($"typing.{form.Name} accepts only single type. Got {Ops.StrText(item)}.");
        return Convert(item is PyTuple one ? one[0] : item);
    }

    /// <summary>Union[...]: flattened, None as NoneType, duplicates dropped, one member is itself (_UnionGenericAlias).</summary>
    internal static PyObject MakeUnion(IEnumerable<PyObject> parameters)
    {
        var members = new List<PyObject>();
        foreach (var p0 in parameters)
        {
            var p = Convert(p0);
            IEnumerable<PyObject> items = p is PyTypingAlias { Args: not null } u && ReferenceEquals(u.Origin, Union) ? u.Args.Items
                : p is PyUnion pu ? pu.Args.Items : [p];
            foreach (var item in items)
                if (!members.Any(x => Ops.Eq(x, item)))
                    members.Add(item);
        }
        if (members.Count == 0)
            throw Err.Type("Cannot take a Union of no types.");
        return members.Count == 1 ? members[0] : new PyTypingAlias(UnionGenericAliasType, null, Union, PyTuple.Of(members.ToArray()));
    }

    private static void SetupForm()
    {
        var t = SpecialFormType;
        t.Repr = o => PyStr.Of("typing." + ((PyTypingForm)o).Name);
        t.GetItem = (o, item) =>
        {
            var form = (PyTypingForm)o;
            switch (form.Name)
            {
                case "Union":
                    if (item is PyTuple { Count: 0 })
                        throw Err.Type("Cannot take a Union of no types.");
                    return MakeUnion(AsTuple(item).Items);
                case "Optional":
                    if (item is PyTuple { Count: not 1 })
                        throw Err.Type($"typing.Optional requires a single type. Got {Ops.StrText(item)}.");
                    return MakeUnion([item is PyTuple one ? one[0] : item, PyNone.Instance]);
                case "Literal":
                    var values = new List<PyObject>();
                    foreach (var v in AsTuple(item).Items)
                        if (!values.Any(x => x.Type == v.Type && Ops.Eq(x, v)))
                            values.Add(v);
                    return new PyTypingAlias(LiteralGenericAliasType, null, form, PyTuple.Of(values.ToArray()));
                case "ClassVar" or "Final" or "TypeGuard" or "Required" or "NotRequired" or "Unpack":
                    return new PyTypingAlias(GenericAliasType, null, form, PyTuple.Of(SingleType(form, item)));
                case "Concatenate":
                    return new PyTypingAlias(GenericAliasType, null, form, PyTuple.Of(AsTuple(item).Items.Select(Convert).ToArray()));
                default:
                    throw Err.Type($"{Ops.ReprText(o)} is not subscriptable");
            }
        };
        t.Call = (o, a, k) => throw Err.Type($"Cannot instantiate {Ops.ReprText(o)}");
        t.Num[(int)NumOp.Or] = OrSlot;
        t.Hash = o => Ops.Hash(PyStr.Of(((PyTypingForm)o).Name));
        TypeSetup.Getter(t, "_name", o => PyStr.Of(((PyTypingForm)o).Name));
        TypeSetup.Method(t, "__instancecheck__", (self, a, k) => throw Err.Type($"{Ops.ReprText(self)} cannot be used with isinstance()"));
        TypeSetup.Method(t, "__subclasscheck__", (self, a, k) => throw Err.Type($"{Ops.ReprText(self)} cannot be used with issubclass()"));
    }

    private static PyObject OrSlot(PyObject a, PyObject b) => MakeUnion([a, b]);

    private static PyType MakeAnyMeta()
    {
        var meta = new PyType("_AnyMeta", PyType.TypeType) { Module = "typing" };
        meta.ComputeMro();
        meta.Repr = o => ReferenceEquals(o, Any) ? PyStr.Of("typing.Any") : PyType.TypeType.Repr!(o);
        TypeSetup.Method(meta, "__instancecheck__", (self, a, k) =>
            ReferenceEquals(self, Any) ? throw Err.Type("typing.Any cannot be used with isinstance()") : PyBool.Of(a[0].Type.IsSubtypeOf((PyType)self)));
        return meta;
    }

    private static PyType MakeAny()
    {
        var any = new PyType("Any", PyType.ObjectType, metatype: AnyMeta) { Module = "typing" };
        any.ComputeMro();
        any.New = (type, a, k) => ReferenceEquals(type, Any) ? throw Err.Type("Any cannot be instantiated") : PyType.ObjectType.New!(type, a, k);
        any.Num[(int)NumOp.Or] = OrSlot;
        return any;
    }

    private static void SetupAlias(PyType t)
    {
        t.Repr = o => PyStr.Of(AliasRepr((PyTypingAlias)o));
        t.GetItem = (o, item) => Subscript((PyTypingAlias)o, item);
        t.Call = (o, a, k) =>
        {
            var alias = (PyTypingAlias)o;
            if (!alias.Inst)
                throw Err.Type($"Type {alias.Name} cannot be instantiated; use {((alias.Origin as PyType)?.Name ?? Ops.ReprText(alias.Origin))}() instead");
            var result = Ops.Call(alias.Origin, a, k);
            TrySet(result, "__orig_class__", alias);
            return result;
        };
        t.Compare = (a, b, op) =>
        {
            if (op is not (CompareOp.Eq or CompareOp.Ne) || b is not PyTypingAlias y)
                return Ops.NotImplemented;
            var x = (PyTypingAlias)a;
            bool eq;
            if (x.Args is null || y.Args is null)
                eq = ReferenceEquals(x, y);
            else if (ReferenceEquals(x.Origin, Union) && ReferenceEquals(y.Origin, Union))
                eq = x.Args.Items.All(p => y.Args.Items.Any(q => Ops.Eq(p, q))) && y.Args.Items.All(q => x.Args.Items.Any(p => Ops.Eq(p, q)));
            else
                eq = Ops.Eq(x.Origin, y.Origin) && Ops.Eq(x.Args, y.Args);
            return PyBool.Of(eq == (op == CompareOp.Eq));
        };
        t.Hash = o =>
        {
            var alias = (PyTypingAlias)o;
            if (alias.Args is null)
                return Ops.Hash(alias.Origin) ^ 0x5a5a;
            if (ReferenceEquals(alias.Origin, Union))
                return alias.Args.Items.Aggregate(0x1234L, (h, a) => h ^ Ops.Hash(a));
            return Ops.Hash(alias.Origin) ^ Ops.Hash(alias.Args);
        };
        t.Num[(int)NumOp.Or] = OrSlot;
        TypeSetup.Getter(t, "__origin__", o => ((PyTypingAlias)o).Origin);
        TypeSetup.Getter(t, "__args__", o => ((PyTypingAlias)o).Args ?? throw Err.Attribute(o, PyStr.Intern("__args__")));
        TypeSetup.Getter(t, "__parameters__", o => PyTuple.Of(Parameters((PyTypingAlias)o).ToArray()));
        TypeSetup.Getter(t, "_name", o => ((PyTypingAlias)o).Name is { } n ? PyStr.Of(n) : PyNone.Instance);
        TypeSetup.Getter(t, "__module__", o => PyStr.Of("typing"));
        TypeSetup.Method(t, "__instancecheck__", (self, a, k) =>
        {
            var alias = (PyTypingAlias)self;
            if (alias.Args is not null)
                throw Err.Type("Subscripted generics cannot be used with class and instance checks");
            return PyBool.Of(OriginInstance(alias.Origin, a[0]));
        });
        TypeSetup.Method(t, "__subclasscheck__", (self, a, k) =>
        {
            var alias = (PyTypingAlias)self;
            if (alias.Args is not null)
                throw Err.Type("Subscripted generics cannot be used with class and instance checks");
            return PyBool.Of(BuiltinFunctions.IsSubclass(a[0], alias.Origin));
        });
        // _BaseGenericAlias.__mro_entries__: the origin, then Generic unless a later base brings it.
        TypeSetup.Method(t, "__mro_entries__", (self, a, k) =>
        {
            var alias = (PyTypingAlias)self;
            var bases = Ops.ToArray(a[0]);
            var result = new List<PyObject>();
            if (alias.Origin is PyType && !bases.Contains(alias.Origin))
                result.Add(alias.Origin);
            int i = Array.IndexOf(bases, self);
            bool later = bases.Skip(i + 1).Any(b => b is PyTypingAlias || b is PyGenericAlias || (b is PyType bt && bt.IsSubtypeOf(PyType.GenericType)));
            if (!later && !result.Any(r => r is PyType rt && rt.IsSubtypeOf(PyType.GenericType)))
                result.Add(PyType.GenericType);
            return PyTuple.Of(result.ToArray());
        });
    }

    private static string AliasRepr(PyTypingAlias a)
    {
        if (a.Args is null)
            return "typing." + a.Name;
        if (ReferenceEquals(a.Origin, Union))
        {
            if (a.Args.Count == 2 && (ReferenceEquals(a.Args[0], PyType.NoneType) || ReferenceEquals(a.Args[1], PyType.NoneType)))
                return $"typing.Optional[{TypeRepr(ReferenceEquals(a.Args[0], PyType.NoneType) ? a.Args[1] : a.Args[0])}]";
            return "typing.Union[" + string.Join(", ", a.Args.Items.Select(TypeRepr)) + "]";
        }
        var name = a.Name is { } n ? "typing." + n : TypeRepr(a.Origin);
        if (a.Type == CallableGenericAliasType && !(a.Args.Count == 2 && a.Args[0] is PyEllipsis))
        {
            var parameters = a.Args.Items[..^1];
            return $"{name}[[{string.Join(", ", parameters.Select(TypeRepr))}], {TypeRepr(a.Args[a.Args.Count - 1])}]";
        }
        var args = a.Args.Count == 0 ? "()" : string.Join(", ", a.Args.Items.Select(TypeRepr));
        return $"{name}[{args}]";
    }

    /// <summary>The type variables among the arguments, each once, in order (_collect_parameters).</summary>
    private static List<PyObject> Parameters(PyTypingAlias a)
    {
        var found = new List<PyObject>();
        foreach (var arg in a.Args?.Items ?? [])
        {
            IEnumerable<PyObject> inner = arg is PyTypeParam ? [arg] : arg is PyTypingAlias sub ? Parameters(sub)
                : arg is PyGenericAlias g ? Ops.ToArray(Ops.GetAttr(g, "__parameters__")) : [];
            foreach (var p in inner)
                if (!found.Contains(p))
                    found.Add(p);
        }
        return found;
    }

    private static PyObject Subscript(PyTypingAlias alias, PyObject item)
    {
        if (alias.Args is not null)
            return Substitute(alias, AsTuple(item));
        if (alias.Type == TupleType)
        {
            var items = item is PyTuple { Count: 0 } ? [] : AsTuple(item).Items.Select(Convert).ToArray();
            return new PyTypingAlias(GenericAliasType, "Tuple", alias.Origin, PyTuple.Of(items)) { Inst = false };
        }
        if (alias.Type == CallableType)
        {
            if (item is not PyTuple { Count: 2 } pair)
                throw Err.Type("Callable must be used as Callable[[arg, ...], result].");
            PyObject[] args = pair[0] switch
            {
                PyEllipsis => [PyEllipsis.Instance],
                PyList list => list.AsSpan().ToArray().Select(Convert).ToArray(),
                _ => [Convert(pair[0])],
            };
            return new PyTypingAlias(CallableGenericAliasType, "Callable", alias.Origin, PyTuple.Of([.. args, Convert(pair[1])]));
        }
        var parameters = AsTuple(item).Items.Select(Convert).ToArray();
        if (alias.NParams >= 0 && parameters.Length != alias.NParams)
        {
            string many = parameters.Length > alias.NParams ? "many" : "few";
            throw Err.Type($"Too {many} arguments for typing.{alias.Name}; actual {parameters.Length}, expected {alias.NParams}");
        }
        return new PyTypingAlias(GenericAliasType, alias.Name, alias.Origin, PyTuple.Of(parameters)) { Inst = alias.Inst };
    }

    /// <summary>List[T][int]: the alias's type variables replaced by the arguments, in order.</summary>
    private static PyObject Substitute(PyTypingAlias alias, PyTuple args)
    {
        var parameters = Parameters(alias);
        if (parameters.Count == 0)
            throw Err.Type($"{AliasRepr(alias)} is not a generic class");
        if (parameters.Count != args.Count)
        {
            string many = args.Count > parameters.Count ? "many" : "few";
            throw Err.Type($"Too {many} arguments for {AliasRepr(alias)}; actual {args.Count}, expected {parameters.Count}");
        }
        PyObject Replace(PyObject o)
        {
            int i = parameters.IndexOf(o);
            if (i >= 0)
                return Convert(args[i]);
            if (o is PyTypingAlias { Args: not null } inner)
                return ReferenceEquals(inner.Origin, Union) ? MakeUnion(inner.Args.Items.Select(Replace))
                    : new PyTypingAlias(inner.Type, inner.Name, inner.Origin, PyTuple.Of(inner.Args.Items.Select(Replace).ToArray())) { Inst = inner.Inst };
            return o;
        }
        return Replace(alias);
    }

    private static PyObject Origin(PyObject tp) => tp switch
    {
        PyTypingAlias { Args: not null } a => a.Origin,
        PyTypingAlias a when a.Type == SpecialGenericAliasType || a.Type == TupleType || a.Type == CallableType => a.Origin,
        PyGenericAlias g => g.Origin,
        PyUnion => PyType.UnionType,
        PyType t when ReferenceEquals(t, PyType.GenericType) => t,
        _ => PyNone.Instance,
    };

    private static PyObject GetArgs(PyObject tp)
    {
        if (tp is PyTypingAlias { Args: { } args } a && a.Type != SpecialGenericAliasType)
        {
            if (a.Type == CallableGenericAliasType && !(args.Count == 2 && args[0] is PyEllipsis))
                return PyTuple.Of(PyList.Of(args.Items[..^1]), args[args.Count - 1]);
            return args;
        }
        if (tp is PyGenericAlias g)
            return g.Args;
        if (tp is PyUnion u)
            return u.Args;
        return PyTuple.Empty;
    }

    private static void SetupNewType()
    {
        var t = NewTypeType;
        t.New = (type, a, k) =>
        {
            var args = Positional("NewType", a, k, ["name", "tp"]);
            var nt = new PyNewType(args[0], args[1], VmThread.CurrentFrame?.Globals.GetStr("__name__") ?? PyStr.Of("__main__"));
            return nt;
        };
        t.Init = (self, a, k) => { };
        t.Repr = o => PyStr.Of($"{Ops.StrText(((PyNewType)o).Module)}.{Ops.StrText(((PyNewType)o).Name)}");
        t.Call = (o, a, k) => Positional(Ops.StrText(((PyNewType)o).Name), a, k, ["x"])[0];
        t.Num[(int)NumOp.Or] = OrSlot;
        TypeSetup.Getter(t, "__name__", o => ((PyNewType)o).Name);
        TypeSetup.Getter(t, "__qualname__", o => ((PyNewType)o).Name);
        TypeSetup.Getter(t, "__module__", o => ((PyNewType)o).Module);
        TypeSetup.Getter(t, "__supertype__", o => ((PyNewType)o).Supertype);
    }
}

/// <summary>A typing special form (typing._SpecialForm): Optional, Union, ClassVar ...; subscribed by name.</summary>
internal sealed class PyTypingForm(string name) : PyObject
{
    public readonly string Name = name;
    public override PyType Type => TypingModule.SpecialFormType;
}

/// <summary>
/// typing's generic aliases: unsubscribed (_SpecialGenericAlias List, Args null) or subscribed (_GenericAlias
/// List[int], _UnionGenericAlias, _CallableGenericAlias, _LiteralGenericAlias); Kind is the typing class it prints as.
/// </summary>
internal sealed class PyTypingAlias(PyType kind, string? name, PyObject origin, PyTuple? args) : PyObject
{
    public readonly string? Name = name;
    public readonly PyObject Origin = origin;
    public readonly PyTuple? Args = args;
    public int NParams = -1;
    public bool Inst = true;
    public override PyType Type => kind;
}

/// <summary>typing.ForwardRef: a string naming a type inside a subscription (List['Node']).</summary>
internal sealed class PyForwardRef(PyStr arg) : PyObject
{
    public readonly PyStr Arg = arg;
    public override PyType Type => TypingModule.ForwardRefType;
}

/// <summary>typing.NewType: a callable that returns its argument, printed as module.name.</summary>
internal sealed class PyNewType(PyObject name, PyObject supertype, PyObject module) : PyObject
{
    public readonly PyObject Name = name, Supertype = supertype, Module = module;
    public override PyType Type => TypingModule.NewTypeType;
}
