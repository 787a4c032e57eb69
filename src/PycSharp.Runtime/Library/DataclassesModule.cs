using System.Text.RegularExpressions;
using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// dataclasses (Lib/dataclasses.py): the dataclass decorator with field(), fields(), asdict(), astuple(), replace(),
/// is_dataclass(). CPython generates __init__, __repr__, __eq__ and the rest as Python source; here they are native
/// methods that bind arguments, compare and print exactly as the generated ones do.
/// </summary>
internal static partial class DataclassesModule
{
    private static readonly PyType s_missingType = Sentinel("_MISSING_TYPE");
    private static readonly PyType s_kwOnlyType = Sentinel("_KW_ONLY_TYPE");
    private static readonly PyType s_hasDefaultFactoryType = Sentinel("_HAS_DEFAULT_FACTORY_CLASS");
    private static readonly PyType s_fieldBaseType = Sentinel("_FIELD_BASE");
    internal static readonly PyObject Missing = new PyInstance(s_missingType);
    private static readonly PyObject s_kwOnly = new PyInstance(s_kwOnlyType);
    private static readonly PyObject s_hasDefaultFactory = new PyInstance(s_hasDefaultFactoryType);
    internal static readonly PyObject FieldKind = FieldMarker("_FIELD");
    internal static readonly PyObject ClassVarKind = FieldMarker("_FIELD_CLASSVAR");
    internal static readonly PyObject InitVarKind = FieldMarker("_FIELD_INITVAR");

    private static readonly string[] s_decoratorOptions = ["init", "repr", "eq", "order", "unsafe_hash", "frozen", "match_args", "kw_only", "slots", "weakref_slot"];

    [GeneratedRegex(@"^(?:\s*(\w+)\s*\.)?\s*(\w+)")]
    private static partial Regex ModuleIdentifier();

    private static PyType Sentinel(string name)
    {
        var t = new PyType(name, PyType.ObjectType) { Module = "dataclasses", HasDict = true };
        t.ComputeMro();
        return t;
    }

    private static PyObject FieldMarker(string name)
    {
        var marker = new PyInstance(s_fieldBaseType);
        marker.Dict!.SetStr("name", PyStr.Of(name));
        return marker;
    }

    static DataclassesModule()
    {
        // _HAS_DEFAULT_FACTORY_CLASS.__repr__ is what a signature shows for a default factory.
        s_hasDefaultFactoryType.Repr = _ => PyStr.Of("<factory>");
        s_kwOnlyType.Repr = o => PyStr.Of(TypeSetup.DefaultRepr(o));
        s_fieldBaseType.Repr = o => (PyStr)o.Dict!.GetStr("name")!;
    }

    public static PyModule Create(PyRuntime rt)
    {
        var m = new PyModule("dataclasses");
        var ns = new PyDict();
        ns.SetStr("__module__", PyStr.Of("dataclasses"));
        var frozenError = PyType.CreateClass(PyType.TypeType, "FrozenInstanceError", [PyType.AttributeError], ns);
        var state = new State(rt.Version.Minor, frozenError);
        m.Set("MISSING", Missing);
        m.Set("KW_ONLY", s_kwOnly);
        m.Set("Field", DcField.TypeObject);
        m.Set("FrozenInstanceError", frozenError);
        m.Set("InitVar", DcInitVar.TypeObject);
        BuiltinModules.Def(m, "field", (a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            if (pos.Length > 0)
                throw Err.Type($"field() takes 0 positional arguments but {pos.Length} were given");
            var f = new DcField(Args.Take(kwargs, "default") ?? Missing, Args.Take(kwargs, "default_factory") ?? Missing)
            {
                Init = Args.Take(kwargs, "init") ?? PyBool.True,
                Repr = Args.Take(kwargs, "repr") ?? PyBool.True,
                Hash = Args.Take(kwargs, "hash") ?? PyNone.Instance,
                Compare = Args.Take(kwargs, "compare") ?? PyBool.True,
                KwOnly = Args.Take(kwargs, "kw_only") ?? Missing,
            };
            var metadata = Args.Take(kwargs, "metadata") ?? PyNone.Instance;
            Args.NoMore("field", kwargs);
            // Field.__init__: metadata is a read-only view, empty when none is given.
            f.Metadata = metadata is PyNone ? new PyMappingProxy(new PyDict()) : metadata is PyDict d ? new PyMappingProxy(d) : metadata;
            if (f.Default != Missing && f.DefaultFactory != Missing)
                throw Err.Value("cannot specify both default and default_factory");
            return f;
        });
        BuiltinModules.Def(m, "dataclass", (a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            if (pos.Length > 1)
                throw Err.Type($"dataclass() takes from 0 to 1 positional arguments but {pos.Length} were given");
            var options = new Dictionary<string, bool>();
            foreach (var name in s_decoratorOptions)
            {
                if (name == "weakref_slot" && state.Minor < 11)
                    continue;
                var v = Args.Take(kwargs, name);
                options[name] = v is null ? name is "init" or "repr" or "eq" or "match_args" : Ops.IsTrue(v);
            }
            Args.NoMore("dataclass", kwargs);
            if (pos.Length == 1 && pos[0] is not PyNone)
                return ProcessClass(state, pos[0], options);
            return new PyBuiltinFunction("wrap", (x, kw) =>
            {
                Args.Exactly("wrap", x, kw, 1);
                return ProcessClass(state, x[0], options);
            }, "dataclasses");
        });
        BuiltinModules.Def(m, "fields", (a, k) =>
        {
            Args.Exactly("fields", a, k, 1);
            var all = Ops.TryGetAttr(a[0], "__dataclass_fields__") ?? throw Err.Type("must be called with a dataclass type or instance");
            return PyTuple.Of(FieldsOf(all).Where(f => f.FieldType == FieldKind).Cast<PyObject>().ToArray());
        });
        BuiltinModules.Def(m, "is_dataclass", (a, k) =>
        {
            Args.Exactly("is_dataclass", a, k, 1);
            var cls = a[0] as PyType ?? a[0].Type;
            return PyBool.Of(Ops.TryGetAttr(cls, "__dataclass_fields__") is not null);
        });
        BuiltinModules.Def(m, "asdict", (a, k) => Convert(a, k, "asdict", "dict_factory", PyType.DictType, asDict: true));
        BuiltinModules.Def(m, "astuple", (a, k) => Convert(a, k, "astuple", "tuple_factory", PyType.TupleType, asDict: false));
        BuiltinModules.Def(m, "replace", (a, k) =>
        {
            var pos = Args.Split(a, k, out var changes);
            if (pos.Length != 1)
                throw Err.Type($"replace() takes 1 positional argument but {pos.Length} were given");
            return Replace(pos[0], changes ?? []);
        });
        return m;
    }

    /// <summary>What one runtime's decorator needs: the version's rules and its FrozenInstanceError class.</summary>
    private sealed record State(int Minor, PyType FrozenError);

    private static IEnumerable<DcField> FieldsOf(PyObject dataclassFields) =>
        dataclassFields is PyDict d ? d.Items().Select(kv => kv.Value).OfType<DcField>() : [];

    private static bool IsDataclassInstance(PyObject o) =>
        o is not PyType && Ops.TryGetAttr(o.Type, "__dataclass_fields__") is not null;

    /// <summary>asdict / astuple and their recursive _asdict_inner / _astuple_inner.</summary>
    private static PyObject Convert(ReadOnlySpan<PyObject> a, PyTuple? k, string name, string factoryName, PyType defaultFactory, bool asDict)
    {
        var pos = Args.Split(a, k, out var kwargs);
        var factory = Args.Take(kwargs, factoryName) ?? defaultFactory;
        Args.NoMore(name, kwargs);
        if (pos.Length != 1)
            throw Err.Type($"{name}() takes 1 positional argument but {pos.Length} were given");
        if (!IsDataclassInstance(pos[0]))
            throw Err.Type($"{name}() should be called on dataclass instances");
        return Inner(pos[0], factory, asDict);
    }

    private static PyObject Inner(PyObject obj, PyObject factory, bool asDict)
    {
        if (IsDataclassInstance(obj))
        {
            var parts = new List<PyObject>();
            foreach (var f in FieldsOf(Ops.GetAttr(obj.Type, "__dataclass_fields__")).Where(f => f.FieldType == FieldKind))
            {
                var value = Inner(Ops.GetAttr(obj, (PyStr)f.Name), factory, asDict);
                parts.Add(asDict ? PyTuple.Of(f.Name, value) : value);
            }
            return Ops.Call(factory, PyList.Of(parts.ToArray()));
        }
        if (obj is PyTuple && Ops.TryGetAttr(obj, "_fields") is not null)
            return Ops.Call(obj.Type, Ops.ToArray(obj).Select(x => Inner(x, factory, asDict)).ToArray());
        if (obj is PyList or PyTuple)
            return Ops.Call(obj.Type, PyList.Of(Ops.ToArray(obj).Select(x => Inner(x, factory, asDict)).ToArray()));
        if (obj is PyDict d)
        {
            var pairs = d.Items().Select(kv => (PyObject)PyTuple.Of(Inner(kv.Key, factory, asDict), Inner(kv.Value, factory, asDict))).ToArray();
            return Ops.Call(obj.Type, PyList.Of(pairs));
        }
        // copy.deepcopy of what is left: atoms are their own copies; other objects are shared (no copy module).
        return obj;
    }

    private static PyObject Replace(PyObject obj, Dictionary<string, PyObject> changes)
    {
        if (!IsDataclassInstance(obj))
            throw Err.Type("replace() should be called on dataclass instances");
        foreach (var f in FieldsOf(Ops.GetAttr(obj.Type, "__dataclass_fields__")))
        {
            if (f.FieldType == ClassVarKind)
                continue;
            var name = ((PyStr)f.Name).Value;
            if (!Ops.IsTrue(f.Init))
            {
                if (changes.ContainsKey(name))
                    throw Err.Value($"field {name} is declared with init=False, it cannot be specified with replace()");
                continue;
            }
            if (!changes.ContainsKey(name))
            {
                if (f.FieldType == InitVarKind && f.Default == Missing)
                    throw Err.Value($"InitVar '{name}' must be specified with replace()");
                changes[name] = Ops.GetAttr(obj, name);
            }
        }
        var kwnames = new PyTuple(changes.Keys.Select(n => (PyObject)PyStr.Intern(n)).ToArray());
        return Ops.Call(obj.Type, changes.Values.ToArray(), kwnames);
    }

    private static PyObject ProcessClass(State state, PyObject target, Dictionary<string, bool> o)
    {
        // Lib/dataclasses.py reads cls.__module__ first, so a non-class fails there.
        var cls = target as PyType ?? throw Err.Attribute(target, PyStr.Intern("__module__"));
        var fields = new PyDict();
        var minor = state.Minor;
        Ops.SetAttr(cls, "__dataclass_params__", new DcParams(o, minor));
        bool anyFrozenBase = false, hasDataclassBases = false;
        for (int i = cls.Mro.Length - 1; i > 0; i--)
        {
            var b = cls.Mro[i];
            if (Ops.TryGetAttr(b, "__dataclass_fields__") is not PyDict baseFields)
                continue;
            hasDataclassBases = true;
            foreach (var f in FieldsOf(baseFields))
                fields.SetItem(f.Name, f);
            if (Ops.TryGetAttr(b, "__dataclass_params__") is DcParams p && p.Options["frozen"])
                anyFrozenBase = true;
        }
        var annotations = cls.TypeDict.GetStr("__annotations__") as PyDict ?? new PyDict();
        var clsFields = new List<DcField>();
        bool kwOnly = o["kw_only"], kwOnlySeen = false;
        foreach (var (nameObj, annotation) in annotations.Items())
        {
            var name = (PyStr)nameObj;
            if (ReferenceEquals(annotation, s_kwOnly) || (annotation is PyStr s && IsType(s.Value, cls, "dataclasses", x => ReferenceEquals(x, s_kwOnly))))
            {
                if (kwOnlySeen)
                    throw Err.Type($"'{name.Value}' is KW_ONLY, but KW_ONLY has already been specified");
                kwOnlySeen = true;
                kwOnly = true;
                continue;
            }
            clsFields.Add(GetField(cls, name, annotation, kwOnly));
        }
        foreach (var f in clsFields)
        {
            fields.SetItem(f.Name, f);
            if (Ops.TryGetAttr(cls, (PyStr)f.Name) is DcField)
            {
                if (f.Default == Missing)
                    Ops.SetAttr(cls, (PyStr)f.Name, null);
                else
                    Ops.SetAttr(cls, (PyStr)f.Name, f.Default);
            }
        }
        foreach (var (name, value) in cls.TypeDict.Items())
            if (value is DcField && !annotations.ContainsKey(name))
                throw Err.Type($"{Ops.ReprText(name)} is a field but has no type annotation");
        bool frozen = o["frozen"];
        if (hasDataclassBases)
        {
            if (anyFrozenBase && !frozen)
                throw Err.Type("cannot inherit non-frozen dataclass from a frozen one");
            if (!anyFrozenBase && frozen)
                throw Err.Type("cannot inherit frozen dataclass from a non-frozen one");
        }
        Ops.SetAttr(cls, "__dataclass_fields__", fields);
        var classHash = cls.TypeDict.GetStr("__hash__");
        bool hasExplicitHash = !(classHash is null || (classHash is PyNone && cls.TypeDict.GetStr("__eq__") is not null));
        if (o["order"] && !o["eq"])
            throw Err.Value("eq must be true if order is true");
        var all = FieldsOf(fields).ToList();
        var allInit = all.Where(f => f.FieldType == FieldKind || f.FieldType == InitVarKind).ToList();
        var stdInit = allInit.Where(f => !Ops.IsTrue(f.KwOnly)).ToList();
        var kwInit = allInit.Where(f => Ops.IsTrue(f.KwOnly)).ToList();
        var fieldList = all.Where(f => f.FieldType == FieldKind).ToList();
        if (o["init"])
            AddInit(state, cls, allInit, stdInit, kwInit, frozen);
        if (minor >= 13)
            SetNew(cls, "__replace__", Method(cls, "__replace__", (self, a, k) =>
            {
                var pos = Args.Split(a, k, out var changes);
                if (pos.Length > 0)
                    throw Err.Type($"__replace__() takes 1 positional argument but {pos.Length + 1} were given");
                return Replace(self, changes ?? []);
            }));
        if (o["repr"])
            AddRepr(cls, fieldList.Where(f => Ops.IsTrue(f.Repr)).ToList());
        var compared = fieldList.Where(f => Ops.IsTrue(f.Compare)).ToList();
        if (o["eq"])
            AddEq(cls, compared, minor);
        if (o["order"])
            AddOrder(cls, compared);
        if (frozen)
            AddFrozen(state, cls, fieldList);
        AddHash(cls, fieldList, o["unsafe_hash"], o["eq"], frozen, hasExplicitHash);
        if (Ops.TryGetAttr(cls, "__doc__") is not { } doc || !Ops.IsTrue(doc))
        {
            // A heap type's __doc__ lives in its dict.
            cls.TypeDict.SetStr("__doc__", PyStr.Of(cls.Name + TextSignature(cls, allInit)));
            PyType.InvalidateCaches();
        }
        if (o["match_args"])
            SetNew(cls, "__match_args__", PyTuple.Of(stdInit.Select(f => f.Name).ToArray()));
        if (o.TryGetValue("weakref_slot", out var weakrefSlot) && weakrefSlot && !o["slots"])
            throw Err.Type("weakref_slot is True but slots is False");
        return cls;
    }

    /// <summary>_get_field: the class attribute (a Field or a plain default) made into the field named by an annotation.</summary>
    private static DcField GetField(PyType cls, PyStr name, PyObject annotation, bool defaultKwOnly)
    {
        var value = Ops.TryGetAttr(cls, name) ?? Missing;
        DcField f;
        if (value is DcField existing)
        {
            f = existing;
        }
        else
        {
            if (value is PyMemberDescriptor)
                value = Missing;
            f = new DcField(value, Missing);
        }
        f.Name = name;
        f.FieldTypeAnnotation = annotation;
        f.FieldType = FieldKind;
        if (TypingModule.IsClassVar(annotation) || (annotation is PyStr s && IsType(s.Value, cls, "typing", TypingModule.IsClassVar)))
            f.FieldType = ClassVarKind;
        if (f.FieldType == FieldKind && (annotation is DcInitVar || ReferenceEquals(annotation, DcInitVar.TypeObject)
            || (annotation is PyStr s2 && IsType(s2.Value, cls, "dataclasses", x => x is DcInitVar || ReferenceEquals(x, DcInitVar.TypeObject)))))
            f.FieldType = InitVarKind;
        if (f.FieldType != FieldKind && f.DefaultFactory != Missing)
            throw Err.Type($"field {name.Value} cannot have a default factory");
        if (f.FieldType != ClassVarKind)
        {
            if (f.KwOnly == Missing)
                f.KwOnly = PyBool.Of(defaultKwOnly);
        }
        else if (f.KwOnly != Missing)
        {
            throw Err.Type($"field {name.Value} is a ClassVar but specifies kw_only");
        }
        // Lib/dataclasses.py: an unhashable default (list, dict, set) is taken to be mutable.
        if (f.FieldType == FieldKind && f.Default.Type.Lookup("__hash__") is PyNone)
            throw Err.Value($"mutable default {Ops.ReprText(f.Default.Type)} for field {name.Value} is not allowed: use default_factory");
        return f;
    }

    /// <summary>
    /// _is_type: a string annotation "X[...]" or "mod.X[...]" names the type when X, looked up in the class's module
    /// (or in the module that mod names there, when it is <paramref name="moduleName"/>), satisfies the predicate.
    /// </summary>
    private static bool IsType(string annotation, PyType cls, string moduleName, Func<PyObject?, bool> predicate)
    {
        var match = ModuleIdentifier().Match(annotation);
        if (!match.Success)
            return false;
        var modules = PyRuntime.Current.Modules;
        var clsModule = modules.GetStr(cls.Module) as PyModule;
        PyDict? ns = null;
        if (!match.Groups[1].Success)
            ns = clsModule?.ModuleDict;
        else if (clsModule?.ModuleDict.GetStr(match.Groups[1].Value) is { } named && ReferenceEquals(named, modules.GetStr(moduleName)))
            ns = ((PyModule)named).ModuleDict;
        return ns is not null && predicate(ns.GetStr(match.Groups[2].Value));
    }

    private static PyMethodDescriptor Method(PyType cls, string name, NativeMethod body) => new(cls, name, body);

    /// <summary>_set_new_attribute: only when the class body did not define the name itself.</summary>
    private static bool SetNew(PyType cls, string name, PyObject value)
    {
        if (cls.TypeDict.ContainsKey(PyStr.Intern(name)))
            return true;
        Ops.SetAttr(cls, name, value);
        return false;
    }

    private static void AddInit(State state, PyType cls, List<DcField> allInit, List<DcField> stdInit, List<DcField> kwInit, bool frozen)
    {
        DcField? seenDefault = null;
        foreach (var f in stdInit.Where(f => Ops.IsTrue(f.Init)))
        {
            if (f.Default != Missing || f.DefaultFactory != Missing)
                seenDefault = f;
            else if (seenDefault is not null)
                throw Err.Type(state.Minor >= 13
                    ? $"non-default argument '{((PyStr)f.Name).Value}' follows default argument '{((PyStr)seenDefault.Name).Value}'"
                    : $"non-default argument '{((PyStr)f.Name).Value}' follows default argument");
        }
        var std = stdInit.Where(f => Ops.IsTrue(f.Init)).ToList();
        var kw = kwInit.Where(f => Ops.IsTrue(f.Init)).ToList();
        PyObject? DefaultOf(DcField f) => f.DefaultFactory != Missing ? s_hasDefaultFactory : f.Default != Missing ? f.Default : null;
        var sig = new NativeSignature(cls.QualName + ".__init__",
            std.Select(f => ((PyStr)f.Name).Value).ToArray(), kw.Select(f => ((PyStr)f.Name).Value).ToArray(),
            std.Concat(kw).Select(DefaultOf).ToArray());
        var initParams = std.Concat(kw).ToList();
        bool hasPostInit = Ops.TryGetAttr(cls, "__post_init__") is not null;
        SetNew(cls, "__init__", Method(cls, "__init__", (self, a, k) =>
        {
            var values = sig.Bind(a, k);
            var initVars = new List<PyObject>();
            foreach (var f in allInit)
            {
                int index = initParams.IndexOf(f);
                PyObject? value;
                if (f.DefaultFactory != Missing)
                    value = index >= 0 && !ReferenceEquals(values[index], s_hasDefaultFactory) ? values[index] : Ops.Call(f.DefaultFactory);
                else if (index >= 0)
                    value = values[index];
                else
                    value = f.Default == Missing ? null : f.Default;
                if (f.FieldType == InitVarKind)
                {
                    if (index >= 0)
                        initVars.Add(values[index]);
                    continue;
                }
                if (value is null)
                    continue;
                if (frozen)
                    PyType.ObjectType.SetAttr!(self, (PyStr)f.Name, value);
                else
                    Ops.SetAttr(self, (PyStr)f.Name, value);
            }
            if (hasPostInit)
                Ops.Call(Ops.GetAttr(self, "__post_init__"), initVars.ToArray());
            return PyNone.Instance;
        }));
    }

    private static void AddRepr(PyType cls, List<DcField> shown) =>
        SetNew(cls, "__repr__", Method(cls, "__repr__", (self, a, k) =>
        {
            Args.Exactly("__repr__", a, k, 0);
            // reprlib.recursive_repr: an object already being printed on this thread prints as "...".
            return ContainerSetup.ReprGuarded(self, "...", () =>
                Ops.StrText(Ops.GetAttr(self.Type, "__qualname__")) + "(" +
                string.Join(", ", shown.Select(f => ((PyStr)f.Name).Value + "=" + Ops.ReprText(Ops.GetAttr(self, (PyStr)f.Name)))) + ")");
        }));

    private static PyObject[] Values(PyObject o, List<DcField> fields) =>
        fields.Select(f => Ops.GetAttr(o, (PyStr)f.Name)).ToArray();

    private static void AddEq(PyType cls, List<DcField> compared, int minor) =>
        SetNew(cls, "__eq__", Method(cls, "__eq__", (self, a, k) =>
        {
            Args.Exactly("__eq__", a, k, 1);
            var other = a[0];
            if (minor >= 13)
            {
                // 3.13: "self is other or" a chain of field comparisons joined by "and".
                if (ReferenceEquals(self, other))
                    return PyBool.True;
                if (!ReferenceEquals(other.Type, self.Type))
                    return Ops.NotImplemented;
                PyObject result = PyBool.True;
                foreach (var f in compared)
                {
                    result = Ops.RichCompare(Ops.GetAttr(self, (PyStr)f.Name), Ops.GetAttr(other, (PyStr)f.Name), CompareOp.Eq);
                    if (!Ops.IsTrue(result))
                        return result;
                }
                return result;
            }
            if (!ReferenceEquals(other.Type, self.Type))
                return Ops.NotImplemented;
            return Ops.RichCompare(PyTuple.Of(Values(self, compared)), PyTuple.Of(Values(other, compared)), CompareOp.Eq);
        }));

    private static void AddOrder(PyType cls, List<DcField> compared)
    {
        foreach (var (name, op) in new[] { ("__lt__", CompareOp.Lt), ("__le__", CompareOp.Le), ("__gt__", CompareOp.Gt), ("__ge__", CompareOp.Ge) })
        {
            var method = Method(cls, name, (self, a, k) =>
            {
                Args.Exactly(name, a, k, 1);
                var other = a[0];
                if (!ReferenceEquals(other.Type, self.Type))
                    return Ops.NotImplemented;
                return Ops.RichCompare(PyTuple.Of(Values(self, compared)), PyTuple.Of(Values(other, compared)), op);
            });
            if (SetNew(cls, name, method))
                throw Err.Type($"Cannot overwrite attribute {name} in class {cls.Name}. Consider using functools.total_ordering");
        }
    }

    /// <summary>_frozen_get_del_attr: assigning or deleting a field (or anything on the class itself) raises.</summary>
    private static void AddFrozen(State state, PyType cls, List<DcField> fieldList)
    {
        var names = fieldList.Select(f => ((PyStr)f.Name).Value).ToHashSet();
        PyObject Forward(PyObject self, string name, PyObject[] args)
        {
            var next = SuperMethods.FindInMro(new PySuper(cls, self, self.Type), PyStr.Intern(name))!;
            return Ops.CallWithSelfDescriptor(next, self, args);
        }
        void Check(PyObject self, PyObject name, string verb)
        {
            var text = name as PyStr;
            if (ReferenceEquals(self.Type, cls) || (text is not null && names.Contains(text.Value)))
                throw Err.New(state.FrozenError, $"cannot {verb} field {Ops.ReprText(name)}");
        }
        var setattr = Method(cls, "__setattr__", (self, a, k) =>
        {
            Args.Exactly("__setattr__", a, k, 2);
            Check(self, a[0], "assign to");
            return Forward(self, "__setattr__", [a[0], a[1]]);
        });
        var delattr = Method(cls, "__delattr__", (self, a, k) =>
        {
            Args.Exactly("__delattr__", a, k, 1);
            Check(self, a[0], "delete");
            return Forward(self, "__delattr__", [a[0]]);
        });
        if (SetNew(cls, "__setattr__", setattr))
            throw Err.Type($"Cannot overwrite attribute __setattr__ in class {cls.Name}");
        if (SetNew(cls, "__delattr__", delattr))
            throw Err.Type($"Cannot overwrite attribute __delattr__ in class {cls.Name}");
    }

    /// <summary>_hash_action: the table of Lib/dataclasses.py keyed by unsafe_hash, eq, frozen, explicit __hash__.</summary>
    private static void AddHash(PyType cls, List<DcField> fieldList, bool unsafeHash, bool eq, bool frozen, bool hasExplicitHash)
    {
        if (hasExplicitHash)
        {
            if (unsafeHash)
                throw Err.Type($"Cannot overwrite attribute __hash__ in class {cls.Name}");
            return;
        }
        if (!unsafeHash && (!eq || (eq && !frozen)))
        {
            if (eq)
                Ops.SetAttr(cls, "__hash__", PyNone.Instance);
            return;
        }
        var hashed = fieldList.Where(f => f.Hash is PyNone ? Ops.IsTrue(f.Compare) : Ops.IsTrue(f.Hash)).ToList();
        Ops.SetAttr(cls, "__hash__", Method(cls, "__hash__", (self, a, k) =>
        {
            Args.Exactly("__hash__", a, k, 0);
            return PyInt.Of(Ops.Hash(PyTuple.Of(Values(self, hashed))));
        }));
    }

    /// <summary>str(inspect.signature(cls)) without " -> None", for the generated __doc__.</summary>
    private static string TextSignature(PyType cls, List<DcField> allInit)
    {
        var parts = new List<string>();
        bool starred = false;
        foreach (var f in allInit.Where(f => Ops.IsTrue(f.Init)).OrderBy(f => Ops.IsTrue(f.KwOnly) ? 1 : 0))
        {
            if (Ops.IsTrue(f.KwOnly) && !starred)
            {
                parts.Add("*");
                starred = true;
            }
            var text = ((PyStr)f.Name).Value + ": " + FormatAnnotation(f.FieldTypeAnnotation);
            if (f.DefaultFactory != Missing)
                text += " = <factory>";
            else if (f.Default != Missing)
                text += " = " + Ops.ReprText(f.Default);
            parts.Add(text);
        }
        return "(" + string.Join(", ", parts) + ")";
    }

    /// <summary>inspect.formatannotation: classes by (module-qualified) name, anything else by repr.</summary>
    private static string FormatAnnotation(PyObject annotation) => annotation switch
    {
        PyType t => t.Module is "builtins" ? t.QualName : t.Module + "." + t.QualName,
        _ => Ops.ReprText(annotation).Replace("typing.", ""),
    };
}

/// <summary>dataclasses.Field (Lib/dataclasses.py): what field() returns and what __dataclass_fields__ holds.</summary>
internal sealed class DcField(PyObject defaultValue, PyObject defaultFactory) : PyObject
{
    public static readonly PyType TypeObject = Make();

    public PyObject Name = PyNone.Instance;
    public PyObject FieldTypeAnnotation = PyNone.Instance;
    public PyObject Default = defaultValue;
    public PyObject DefaultFactory = defaultFactory;
    public PyObject Init = PyBool.True, Repr = PyBool.True, Hash = PyNone.Instance, Compare = PyBool.True;
    public PyObject Metadata = new PyMappingProxy(new PyDict());
    public PyObject KwOnly = DataclassesModule.Missing;
    public PyObject FieldType = PyNone.Instance;

    public override PyType Type => TypeObject;

    private static PyType Make()
    {
        var t = new PyType("Field", PyType.ObjectType) { Module = "dataclasses" };
        t.ComputeMro();
        (string Name, Func<DcField, PyObject> Get, Action<DcField, PyObject> Set)[] attrs =
        [
            ("name", f => f.Name, (f, v) => f.Name = v),
            ("type", f => f.FieldTypeAnnotation, (f, v) => f.FieldTypeAnnotation = v),
            ("default", f => f.Default, (f, v) => f.Default = v),
            ("default_factory", f => f.DefaultFactory, (f, v) => f.DefaultFactory = v),
            ("init", f => f.Init, (f, v) => f.Init = v),
            ("repr", f => f.Repr, (f, v) => f.Repr = v),
            ("hash", f => f.Hash, (f, v) => f.Hash = v),
            ("compare", f => f.Compare, (f, v) => f.Compare = v),
            ("metadata", f => f.Metadata, (f, v) => f.Metadata = v),
            ("kw_only", f => f.KwOnly, (f, v) => f.KwOnly = v),
            ("_field_type", f => f.FieldType, (f, v) => f.FieldType = v),
        ];
        foreach (var (name, get, set) in attrs)
            TypeSetup.Getter(t, name, o => get((DcField)o), (o, v) => set((DcField)o, v ?? throw Err.Attribute(o, PyStr.Intern(name))));
        t.Repr = o => PyStr.Of("Field(" + string.Join(",", attrs.Select(a => a.Name + "=" + Ops.ReprText(a.Get((DcField)o)))) + ")");
        // Field.__set_name__ passes the call on to a default that is a descriptor with __set_name__.
        TypeSetup.Method(t, "__set_name__", (self, a, k) =>
        {
            var d = ((DcField)self).Default;
            if (d.Type.Lookup("__set_name__") is { } setName)
                Ops.CallWithSelfDescriptor(setName, d, a);
            return PyNone.Instance;
        });
        return t;
    }
}

/// <summary>dataclasses.InitVar: InitVar[int] marks a pseudo-field passed to __init__ and __post_init__ only.</summary>
internal sealed class DcInitVar(PyObject type) : PyObject
{
    public static readonly PyType TypeObject = Make();
    public readonly PyObject InnerType = type;
    public override PyType Type => TypeObject;

    private static PyType Make()
    {
        var t = new PyType("InitVar", PyType.ObjectType) { Module = "dataclasses" };
        t.ComputeMro();
        t.New = (type, a, k) =>
        {
            Args.Exactly("InitVar", a, k, 1);
            return new DcInitVar(a[0]);
        };
        t.Repr = o =>
        {
            var inner = ((DcInitVar)o).InnerType;
            var name = inner is PyType ty ? ty.Name : Ops.ReprText(inner);
            return PyStr.Of($"dataclasses.InitVar[{name}]");
        };
        TypeSetup.Getter(t, "type", o => ((DcInitVar)o).InnerType);
        TypeSetup.ClassMethod(t, "__class_getitem__", (cls, a, k) => new DcInitVar(a[0]));
        return t;
    }
}

/// <summary>_DataclassParams: the decorator's options, as __dataclass_params__ (3.11 shows six of them).</summary>
internal sealed class DcParams(Dictionary<string, bool> options, int minor) : PyObject
{
    public static readonly PyType TypeObject = Make();
    public readonly Dictionary<string, bool> Options = options;
    public readonly int Minor = minor;
    public override PyType Type => TypeObject;

    private static PyType Make()
    {
        var t = new PyType("_DataclassParams", PyType.ObjectType) { Module = "dataclasses" };
        t.ComputeMro();
        t.Repr = o =>
        {
            var p = (DcParams)o;
            var shown = p.Minor >= 12 ? p.Options.Keys : p.Options.Keys.Take(6);
            return PyStr.Of("_DataclassParams(" + string.Join(",", shown.Select(k => k + "=" + (p.Options[k] ? "True" : "False"))) + ")");
        };
        t.GetAttr = (o, name) => ((DcParams)o).Options.TryGetValue(name.Value, out var v) ? PyBool.Of(v) : Ops.GenericGetAttr(o, name);
        return t;
    }
}
