using System.Numerics;
using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// enum (Lib/enum.py): the EnumType metaclass (EnumMeta), Enum, ReprEnum, IntEnum, StrEnum, Flag, IntFlag, auto
/// and unique. A class statement with an enum base runs EnumType.__new__ here: the class body's plain names become
/// members, instances of the new class made once, then looked up by value (Color(1)) or name (Color['RED']).
/// </summary>
internal static class EnumModule
{
    private static readonly PyStr s_name = PyStr.Intern("_name_"), s_value = PyStr.Intern("_value_");
    private static readonly PyType s_autoType = MakeAuto();
    private static readonly PyObject s_autoNull = MakeAutoNull();

    /// <summary>One runtime's enum classes (they are classes of that runtime, like CPython's Python-level ones).</summary>
    private sealed class State
    {
        public required int Minor;
        public required PyType Meta;
        public PyType Enum = null!, ReprEnum = null!, Flag = null!, StrEnum = null!;
    }

    public static PyModule Create(PyRuntime rt)
    {
        var m = new PyModule("enum");
        var meta = new PyType("EnumType", PyType.TypeType) { Module = "enum" };
        meta.ComputeMro();
        var s = new State { Minor = rt.Version.Minor, Meta = meta };
        SetupMeta(s);
        s.Enum = Base(s, "Enum", [PyType.ObjectType]);
        SetupEnum(s);
        s.ReprEnum = Base(s, "ReprEnum", [s.Enum]);
        var intEnum = Base(s, "IntEnum", [PyType.IntType, s.ReprEnum]);
        s.StrEnum = Base(s, "StrEnum", [PyType.StrType, s.ReprEnum]);
        s.Flag = Base(s, "Flag", [s.Enum]);
        SetupFlag(s);
        var intFlag = Base(s, "IntFlag", [PyType.IntType, s.ReprEnum, s.Flag]);
        // Lib/enum.py IntFlag: __or__ = Flag.__or__ and the rest, ahead of int's in the MRO.
        foreach (var name in new[] { "__or__", "__ror__", "__and__", "__rand__", "__xor__", "__rxor__", "__invert__" })
            intFlag.TypeDict.SetStr(name, s.Flag.TypeDict.GetStr(name)!);
        PyType.InvalidateCaches();
        intFlag.FixupSlots();
        m.Set("EnumType", meta);
        m.Set("EnumMeta", meta);
        m.Set("Enum", s.Enum);
        m.Set("ReprEnum", s.ReprEnum);
        m.Set("IntEnum", intEnum);
        m.Set("StrEnum", s.StrEnum);
        m.Set("Flag", s.Flag);
        m.Set("IntFlag", intFlag);
        m.Set("auto", s_autoType);
        BuiltinModules.Def(m, "unique", (a, k) =>
        {
            Args.Exactly("unique", a, k, 1);
            var cls = a[0];
            var map = (PyDict)Ops.GetAttr(cls, "_member_map_");
            var duplicates = map.Items().Where(kv => !Ops.Eq(kv.Key, Ops.GetAttr(kv.Value, s_name)))
                .Select(kv => $"{Ops.StrText(kv.Key)} -> {Ops.StrText(Ops.GetAttr(kv.Value, s_name))}").ToList();
            if (duplicates.Count > 0)
                throw Err.Value($"duplicate values found in {Ops.ReprText(cls)}: {string.Join(", ", duplicates)}");
            return cls;
        });
        return m;
    }

    /// <summary>The base enum classes: made by type.__new__ with the metaclass, so they have no members.</summary>
    private static PyType Base(State s, string name, PyType[] bases)
    {
        var ns = new PyDict();
        ns.SetStr("__module__", PyStr.Of("enum"));
        ns.SetStr("__qualname__", PyStr.Of(name));
        InitClassState(ns);
        var cls = PyType.CreateClass(s.Meta, name, bases, ns);
        cls.TypeDict.SetStr("_member_type_", MemberType(s, cls));
        if (s.Enum is not null)
            UseEnumMethods(s, cls, ns);
        return cls;
    }

    private static void InitClassState(PyDict ns)
    {
        ns.SetStr("_member_names_", new PyList());
        ns.SetStr("_member_map_", new PyDict());
        ns.SetStr("_value2member_map_", new PyDict());
    }

    private static PyObject MakeAutoNull()
    {
        var t = new PyType("_auto_null", PyType.ObjectType) { Module = "enum" };
        t.ComputeMro();
        t.Repr = _ => PyStr.Of("_auto_null");
        return new PyInstance(t);
    }

    /// <summary>enum.auto: a placeholder whose value _generate_next_value_ fills in at class creation.</summary>
    private static PyType MakeAuto()
    {
        var t = new PyType("auto", PyType.ObjectType) { Module = "enum", HasDict = true };
        t.ComputeMro();
        t.Allocate = type => new PyInstance(type);
        t.New = (type, a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            var value = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "value") ?? s_autoNull;
            Args.NoMore("auto", kwargs);
            var o = new PyInstance(type);
            o.Dict!.SetStr("value", value);
            return o;
        };
        t.Init = (self, a, k) => { };
        t.Repr = o => PyStr.Of($"auto({Ops.ReprText(o.Dict!.GetStr("value")!)})");
        return t;
    }

    private static bool IsEnumClass(State s, PyType t) => t.Type.IsSubtypeOf(s.Meta);

    private static PyDict MemberMap(PyType cls) => cls.TypeDict.GetStr("_member_map_") as PyDict ?? new PyDict();

    private static PyList MemberNames(PyType cls) => cls.TypeDict.GetStr("_member_names_") as PyList ?? new PyList();

    private static PyObject NameOf(PyObject member) => member.Dict?.GetStr("_name_") ?? PyNone.Instance;

    private static PyObject ValueOf(PyObject member) => member.Dict?.GetStr("_value_") ?? PyNone.Instance;

    /// <summary>_find_data_type_: the first non-enum built-in type among the bases' MROs (int for IntEnum), else object.</summary>
    private static PyType MemberType(State s, PyType cls)
    {
        foreach (var t in cls.Mro.Skip(1))
        {
            if (IsEnumClass(s, t))
            {
                if (t.TypeDict.GetStr("_member_type_") is PyType mt && mt != PyType.ObjectType)
                    return mt;
                continue;
            }
            if (t != PyType.ObjectType && (!t.IsHeapType || t.TypeDict.ContainsKey(PyStr.Intern("__new__"))))
                return t;
        }
        return PyType.ObjectType;
    }

    private static bool IsDescriptor(PyObject o) =>
        o.Type.Lookup("__get__") is not null || o.Type.Lookup("__set__") is not null || o.Type.Lookup("__delete__") is not null;

    private static bool IsDunder(string n) => n.Length > 4 && n.StartsWith("__", StringComparison.Ordinal) && n.EndsWith("__", StringComparison.Ordinal) && n[2] != '_' && n[^3] != '_';

    private static bool IsSunder(string n) => n.Length > 2 && n[0] == '_' && n[^1] == '_' && n[1] != '_' && n[^2] != '_';

    private static bool IsPrivate(string cls, string n) =>
        n.StartsWith("_" + cls.TrimStart('_') + "__", StringComparison.Ordinal) && !n.EndsWith("__", StringComparison.Ordinal);

    private static void SetupMeta(State s)
    {
        var meta = s.Meta;
        meta.New = (mt, args, kw) => NewEnumClass(s, mt, args, kw);
        meta.Call = (callable, args, kw) => CallEnum(s, (PyType)callable, args, kw);
        meta.Repr = o =>
        {
            var cls = (PyType)o;
            return PyStr.Of(cls.IsSubtypeOf(s.Flag ?? PyType.NoneType) ? $"<flag '{cls.Name}'>" : $"<enum '{cls.Name}'>");
        };
        meta.Iter = o => Ops.GetIter(PyList.Of(MemberNames((PyType)o).AsSpan().ToArray().Select(n => MemberMap((PyType)o).GetOrNull(n)!).ToArray()));
        meta.Len = o => MemberNames((PyType)o).Count;
        meta.Bool = o => true;
        meta.GetItem = (o, key) => MemberMap((PyType)o).GetOrNull(key) ?? throw Err.Key(key);
        meta.Contains = (o, value) =>
        {
            var cls = (PyType)o;
            if (value.Type.IsSubtypeOf(cls))
                return MemberMap(cls).ContainsKey(NameOf(value));
            // Lib/enum.py 3.12: a plain value is in the class when a member has it; 3.11 refused non-members.
            if (s.Minor < 12)
                throw Err.Type($"unsupported operand type(s) for 'in': '{value.Type.Name}' and '{cls.Type.Name}'");
            return MemberMap(cls).Items().Any(kv => Ops.Eq(ValueOf(kv.Value), value));
        };
        var typeSetAttr = PyType.TypeType.SetAttr!;
        meta.SetAttr = (o, name, value) =>
        {
            var cls = (PyType)o;
            if (MemberMap(cls).ContainsKey(name))
                throw value is null
                    ? Err.New(PyType.AttributeError, $"'{cls.Name}' cannot delete member '{name.Value}'.")
                    : Err.New(PyType.AttributeError, $"cannot reassign member '{name.Value}'");
            typeSetAttr(o, name, value);
        };
        TypeSetup.Getter(meta, "__members__", o => MemberMap((PyType)o).Copy());
        TypeSetup.Method(meta, "__reversed__", (self, a, k) =>
            Ops.GetIter(PyList.Of(MemberNames((PyType)self).AsSpan().ToArray().Reverse().Select(n => MemberMap((PyType)self).GetOrNull(n)!).ToArray())));
    }

    /// <summary>EnumType.__new__: the class from type.__new__, then one member per plain name of the body.</summary>
    private static PyObject NewEnumClass(State s, PyType meta, ReadOnlySpan<PyObject> args, PyTuple? kw)
    {
        var pos = Args.Split(args, kw, out var kwargs);
        if (pos.Length != 3 || pos[0] is not PyStr name || pos[1] is not PyTuple basesTuple || pos[2] is not PyDict body)
            return PyType.TypeType.New!(meta, args, kw);
        var bases = basesTuple.Items.Select(b => b as PyType ?? throw Err.Type("bases must be types")).ToArray();
        if (bases.Length > 0 && !IsEnumClass(s, bases[^1]))
            throw Err.Type("new enumerations should be created as `EnumName([mixin_type, ...] [data_type,] enum_type)`");
        foreach (var b in bases)
            foreach (var t in b.Mro)
                if (IsEnumClass(s, t) && MemberNames(t).Count > 0)
                    throw Err.Type($"<enum '{name.Value}'> cannot extend {Ops.ReprText(t)}");
        var ns = body.Copy();
        var ignore = ns.GetStr("_ignore_");
        if (ignore is not null)
        {
            var names = ignore is PyStr text ? text.Value.Replace(',', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries) : Ops.ToArray(ignore).Select(Ops.StrText).ToArray();
            foreach (var n in names)
                ns.Remove(PyStr.Intern(n));
            ns.Remove(PyStr.Intern("_ignore_"));
        }
        // The body's own __new__ makes the members (saved as _new_member_); the class keeps Enum's lookup.
        var newMember = ns.GetStr("__new__");
        if (newMember is not null)
        {
            ns.Remove(PyStr.Intern("__new__"));
            ns.SetStr("_new_member_", newMember is PyFunction f ? new PyStaticMethod(f) : newMember);
        }
        var memberNames = new List<PyStr>();
        foreach (var (key, value) in ns.Items())
        {
            var n = ((PyStr)key).Value;
            if (IsDunder(n) || IsSunder(n) || IsPrivate(name.Value, n) || IsDescriptor(value))
                continue;
            memberNames.Add((PyStr)key);
        }
        InitClassState(ns);
        PyTuple? restNames = null;
        PyObject[] restValues = [];
        if (kwargs is { Count: > 0 })
        {
            restNames = new PyTuple(kwargs.Keys.Select(k => (PyObject)PyStr.Intern(k)).ToArray());
            restValues = kwargs.Values.ToArray();
        }
        var cls = PyType.CreateClass(TypeSetup.CalculateMetaclass(meta, bases), name.Value, bases, ns, restNames, restValues);
        var memberType = MemberType(s, cls);
        cls.TypeDict.SetStr("_member_type_", memberType);
        UseEnumMethods(s, cls, body);
        bool isFlag = cls.IsSubtypeOf(s.Flag);
        var lastValues = new List<PyObject>();
        int count = 0;
        foreach (var memberName in memberNames)
        {
            var value = ns.GetOrNull(memberName)!;
            if (value.Type == s_autoType)
            {
                var auto = value.Dict!.GetStr("value")!;
                if (ReferenceEquals(auto, s_autoNull))
                {
                    auto = NextValue(s, cls, memberName, count, lastValues, isFlag);
                    value.Dict!.SetStr("value", auto);
                }
                value = auto;
            }
            lastValues.Add(value);
            AddMember(s, cls, memberType, memberName, value, count++, isFlag);
        }
        if (isFlag)
        {
            BigInteger mask = 0;
            foreach (var (_, member) in MemberMap(cls).Items())
                if (ValueOf(member) is PyInt iv)
                    mask |= iv.Value;
            cls.TypeDict.SetStr("_flag_mask_", PyInt.Of(mask));
        }
        PyType.InvalidateCaches();
        return cls;
    }

    /// <summary>
    /// EnumType.__new__: __repr__, __str__, __format__ and __reduce_ex__ that a data type (int) or object would
    /// supply are replaced by Enum's (which leave str() and format() to the data type for ReprEnum classes).
    /// </summary>
    private static void UseEnumMethods(State s, PyType cls, PyDict body)
    {
        var memberType = (PyType)cls.TypeDict.GetStr("_member_type_")!;
        foreach (var name in new[] { "__repr__", "__str__", "__format__", "__reduce_ex__" })
        {
            if (body.GetStr(name) is not null)
                continue;
            var found = cls.Lookup(name);
            if (ReferenceEquals(found, memberType.Lookup(name)) || ReferenceEquals(found, PyType.ObjectType.Lookup(name)))
                cls.TypeDict.SetStr(name, s.Enum.TypeDict.GetStr(name)!);
        }
        PyType.InvalidateCaches();
        cls.FixupSlots();
    }

    /// <summary>_generate_next_value_: the class's own (a plain function in an enum body), else the default rules.</summary>
    private static PyObject NextValue(State s, PyType cls, PyStr name, int count, List<PyObject> lastValues, bool isFlag)
    {
        foreach (var t in cls.Mro)
        {
            if (t == s.Enum || t == s.Flag || t == s.StrEnum)
                break;
            if (t.TypeDict.GetStr("_generate_next_value_") is { } custom)
            {
                var fn = custom is PyStaticMethod sm ? sm.Function : custom;
                return Ops.Call(fn, [name, PyInt.One, PyInt.Of(count), PyList.Of(lastValues.ToArray())]);
            }
        }
        if (cls.IsSubtypeOf(s.StrEnum))
            return PyStr.Of(name.Value.ToLowerInvariant());
        if (lastValues.Count == 0)
            return PyInt.One;
        if (isFlag)
        {
            var last = lastValues.Max(v => v is PyInt i ? i.Value : throw Err.Type($"invalid flag value {Ops.ReprText(v)}"));
            return PyInt.Of(BigInteger.One << (int)(last.IsZero ? 0 : last.GetBitLength()));
        }
        PyObject lastValue;
        if (s.Minor >= 13)
        {
            lastValue = lastValues[^1];
        }
        else
        {
            var sorted = PyList.Of(lastValues.ToArray());
            try
            {
                Ops.Call(Ops.GetAttr(sorted, "sort"), []);
            }
            catch (PyException e) when (Err.Matches(e, PyType.TypeError))
            {
                throw Err.Type("unable to sort non-numeric values");
            }
            lastValue = sorted[sorted.Count - 1];
        }
        try
        {
            return Ops.Add(lastValue, PyInt.One);
        }
        catch (PyException e) when (Err.Matches(e, PyType.TypeError))
        {
            throw Err.Type($"unable to increment {Ops.ReprText(lastValue)}");
        }
    }

    /// <summary>_proto_member.__set_name__: one member made and registered, or an alias of an earlier one.</summary>
    private static void AddMember(State s, PyType cls, PyType memberType, PyStr name, PyObject value, int order, bool isFlag)
    {
        var args = value is PyTuple t && memberType != PyType.TupleType ? t.Items : [value];
        PyObject member;
        var custom = cls.Lookup("_new_member_");
        if (custom is not null)
            member = Ops.Call(Ops.BindDescriptor(custom, null, cls), [cls, .. args]);
        else if (memberType == PyType.ObjectType)
            member = new PyInstance(cls);
        else
            member = memberType.New!(cls, args, null);
        var dict = member.Dict ?? throw Err.Type($"enum member of {cls.Name} cannot hold attributes");
        if (dict.GetStr("_value_") is null)
            dict.SetItem(s_value, memberType == PyType.ObjectType ? value : Ops.Call(memberType, args));
        var memberValue = dict.GetStr("_value_")!;
        var map = MemberMap(cls);
        var v2m = (PyDict)cls.TypeDict.GetStr("_value2member_map_")!;
        // An equal value makes this name an alias of the first member that had it.
        PyObject? existing = null;
        foreach (var (_, other) in map.Items())
        {
            if (Ops.Eq(ValueOf(other), memberValue))
            {
                existing = other;
                break;
            }
        }
        if (existing is not null)
        {
            map.SetItem(name, existing);
            cls.TypeDict.SetItem(name, existing);
            return;
        }
        dict.SetItem(s_name, name);
        dict.SetStr("__objclass__", cls);
        dict.SetStr("_sort_order_", PyInt.Of(order));
        if (cls.Lookup("__init__") is PyFunction init)
            Eval.CallFunction(init, member, args, null);
        // Flag: only single-bit values are canonical members (iterated); others are named aliases.
        bool canonical = !isFlag || (memberValue is PyInt iv && !iv.Value.IsZero && iv.Value.IsPowerOfTwo);
        if (canonical)
            MemberNames(cls).Append(name);
        map.SetItem(name, member);
        cls.TypeDict.SetItem(name, member);
        try
        {
            v2m.SetItem(memberValue, member);
        }
        catch (PyException e) when (Err.Matches(e, PyType.TypeError))
        {
            // An unhashable value is found by the linear search of the lookup.
        }
    }

    /// <summary>EnumType.__call__: Color(value) finds a member; Enum('Name', names) is the functional API.</summary>
    private static PyObject CallEnum(State s, PyType cls, ReadOnlySpan<PyObject> args, PyTuple? kw)
    {
        var pos = Args.Split(args, kw, out var kwargs);
        if (pos.Length == 0 && kwargs is null)
            throw Err.Type("EnumType.__call__() missing 1 required positional argument: 'value'");
        if (pos.Length >= 2 || kwargs is not null)
        {
            var names = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "names");
            var value = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "value") ?? throw Err.Type("EnumType.__call__() missing 1 required positional argument: 'value'");
            if (names is null)
                return Lookup(s, cls, value);
            return Functional(s, cls, value, names, Args.Take(kwargs, "module"), Args.Take(kwargs, "start") ?? PyInt.One);
        }
        return Lookup(s, cls, pos[0]);
    }

    private static PyObject Lookup(State s, PyType cls, PyObject value)
    {
        if (value.Type == cls)
            return value;
        var v2m = cls.TypeDict.GetStr("_value2member_map_") as PyDict;
        try
        {
            if (v2m?.GetOrNull(value) is { } hit)
                return hit;
        }
        catch (PyException e) when (Err.Matches(e, PyType.TypeError))
        {
        }
        foreach (var (_, member) in MemberMap(cls).Items())
            if (Ops.Eq(ValueOf(member), value))
                return member;
        var missing = cls.Lookup("_missing_");
        if (missing is not null)
        {
            var result = Ops.Call(Ops.BindDescriptor(missing, null, cls), [value]);
            if (result.Type.IsSubtypeOf(cls))
                return result;
            if (result is not PyNone)
                throw Err.Type($"error in {cls.QualName}._missing_: returned {Ops.ReprText(result)} instead of None or a valid member");
        }
        else if (cls.IsSubtypeOf(s.Flag) && value is PyInt flagValue)
        {
            return FlagPseudoMember(s, cls, flagValue);
        }
        throw Err.Value($"{Ops.ReprText(value)} is not a valid {cls.QualName}");
    }

    private static PyObject Functional(State s, PyType cls, PyObject className, PyObject names, PyObject? module, PyObject start)
    {
        var ns = new PyDict();
        var items = new List<(PyObject, PyObject)>();
        if (names is PyStr text)
            names = PyList.Of(text.Value.Replace(',', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => (PyObject)PyStr.Of(n)).ToArray());
        if (names is PyDict d)
        {
            items.AddRange(d.Items().Select(kv => (kv.Key, kv.Value)));
        }
        else
        {
            var list = Ops.ToArray(names);
            var next = start;
            foreach (var item in list)
            {
                if (item is PyStr)
                {
                    items.Add((item, next));
                    next = Ops.Add(next, PyInt.One);
                }
                else
                {
                    var pair = Ops.ToArray(item);
                    items.Add((pair[0], pair[1]));
                }
            }
        }
        foreach (var (k, v) in items)
            ns.SetItem(k, v);
        ns.SetStr("__module__", module ?? VmThread.CurrentFrame?.Globals.GetStr("__name__") ?? PyStr.Of("__main__"));
        ns.SetStr("__qualname__", className);
        return NewEnumClass(s, cls.Type, [className, PyTuple.Of(cls), ns], null);
    }

    private static bool IsReprEnum(State s, PyObject member) => member.Type.IsSubtypeOf(s.ReprEnum);

    private static string ClassName(PyObject member) => member.Type.Name;

    private static void SetupEnum(State s)
    {
        var e = s.Enum;
        Method(e, "__repr__", (self, a, k) =>
        {
            var name = NameOf(self);
            var value = Ops.ReprText(ValueOf(self));
            return PyStr.Of(name is PyNone ? $"<{ClassName(self)}: {value}>" : $"<{ClassName(self)}.{Ops.StrText(name)}: {value}>");
        });
        Method(e, "__str__", (self, a, k) =>
        {
            // ReprEnum (IntEnum, StrEnum, IntFlag) leaves str() to the data type.
            if (IsReprEnum(s, self))
                return Ops.Str(ValueOf(self));
            var name = NameOf(self);
            return PyStr.Of(name is PyNone ? $"{ClassName(self)}({Ops.ReprText(ValueOf(self))})" : $"{ClassName(self)}.{Ops.StrText(name)}");
        });
        Method(e, "__format__", (self, a, k) =>
        {
            var spec = a.Length > 0 ? a[0] : PyStr.Empty;
            return BuiltinFunctions.Format(IsReprEnum(s, self) ? ValueOf(self) : Ops.Str(self), spec);
        });
        Method(e, "__hash__", (self, a, k) => PyInt.Of(Ops.Hash(NameOf(self))));
        Method(e, "__reduce_ex__", (self, a, k) => PyTuple.Of(self.Type, PyTuple.Of(ValueOf(self))));
        Method(e, "__copy__", (self, a, k) => self);
        Method(e, "__deepcopy__", (self, a, k) => self);
        e.TypeDict.SetStr("name", new PyProperty(new PyBuiltinFunction("name", (a, k) => NameOf(a[0]), "enum"), null, null, PyNone.Instance));
        e.TypeDict.SetStr("value", new PyProperty(new PyBuiltinFunction("value", (a, k) => ValueOf(a[0]), "enum"), null, null, PyNone.Instance));
        e.FixupSlots();
        PyType.InvalidateCaches();
    }

    private static void Method(PyType t, string name, NativeMethod body) => t.TypeDict.SetStr(name, new PyMethodDescriptor(t, name, body));

    private static BigInteger FlagValue(PyObject o) => ValueOf(o) is PyInt i ? i.Value : 0;

    /// <summary>The members of a flag value, single bits in definition order (_iter_member_by_def_).</summary>
    private static List<PyObject> FlagMembers(PyType cls, BigInteger value)
    {
        var result = new List<PyObject>();
        foreach (var n in MemberNames(cls).AsSpan())
        {
            var member = MemberMap(cls).GetOrNull(n)!;
            var v = FlagValue(member);
            if (!v.IsZero && (value & v) == v)
                result.Add(member);
        }
        return result;
    }

    /// <summary>Flag._missing_: a composite value becomes a pseudo-member named by its bits ("R|W"), kept for later lookups.</summary>
    private static PyObject FlagPseudoMember(State s, PyType cls, PyInt value)
    {
        var mask = cls.TypeDict.GetStr("_flag_mask_") is PyInt m ? m.Value : 0;
        var v = value.Value;
        bool keep = cls.Type.IsSubtypeOf(s.Meta) && cls.TypeDict.GetStr("_member_type_") == PyType.IntType;
        if (!keep && (v < 0 ? ((~v) & mask) != ~v : (v & ~mask) != 0))
        {
            int bits = (int)Math.Max(mask.GetBitLength(), v.GetBitLength());
            throw Err.Value($"{cls.QualName}({value.Value}) invalid value {value.Value}\n    given {BinText(v, bits)}\n  allowed {BinText(mask, bits)}");
        }
        if (v < 0)
            v = mask & v;
        var memberType = (PyType)cls.TypeDict.GetStr("_member_type_")!;
        PyObject pseudo = memberType == PyType.ObjectType ? new PyInstance(cls) : memberType.New!(cls, [PyInt.Of(v)], null);
        var members = FlagMembers(cls, v);
        var covered = members.Aggregate(BigInteger.Zero, (acc, mm) => acc | FlagValue(mm));
        PyObject name = members.Count == 0 || covered != v ? PyNone.Instance : PyStr.Of(string.Join("|", members.Select(mm => Ops.StrText(NameOf(mm)))));
        pseudo.Dict!.SetItem(s_value, PyInt.Of(v));
        pseudo.Dict!.SetItem(s_name, name);
        ((PyDict)cls.TypeDict.GetStr("_value2member_map_")!).SetItem(PyInt.Of(v), pseudo);
        return pseudo;
    }

    /// <summary>bin() padded as Lib/enum.py _numeric_repr_ shows it in the invalid-value message: "0b0 0111".</summary>
    private static string BinText(BigInteger v, int bits)
    {
        var digits = new string('0', bits) + (v.IsZero ? "" : ToBinary(BigInteger.Abs(v)));
        return "0b0 " + digits[^bits..];
    }

    private static string ToBinary(BigInteger v)
    {
        var sb = new System.Text.StringBuilder();
        while (v > 0)
        {
            sb.Insert(0, (v & 1) == 1 ? '1' : '0');
            v >>= 1;
        }
        return sb.ToString();
    }

    private static void SetupFlag(State s)
    {
        var f = s.Flag;
        PyObject Combine(PyObject self, PyObject other, Func<BigInteger, BigInteger, BigInteger> op)
        {
            BigInteger ov;
            if (other.Type.IsSubtypeOf(self.Type))
                ov = FlagValue(other);
            else if (other is PyInt oi && self is PyInt)
                ov = oi.Value;
            else
                return Ops.NotImplemented;
            return Lookup(s, self.Type, PyInt.Of(op(FlagValue(self), ov)));
        }
        foreach (var (name, op) in new (string, Func<BigInteger, BigInteger, BigInteger>)[] { ("or", (x, y) => x | y), ("and", (x, y) => x & y), ("xor", (x, y) => x ^ y) })
        {
            Method(f, $"__{name}__", (self, a, k) => Combine(self, a[0], op));
            Method(f, $"__r{name}__", (self, a, k) => Combine(self, a[0], op));
        }
        Method(f, "__invert__", (self, a, k) =>
        {
            var mask = self.Type.TypeDict.GetStr("_flag_mask_") is PyInt m ? m.Value : 0;
            return Lookup(s, self.Type, PyInt.Of(mask ^ FlagValue(self)));
        });
        Method(f, "__contains__", (self, a, k) =>
        {
            if (!a[0].Type.IsSubtypeOf(self.Type))
                throw Err.Type($"unsupported operand type(s) for 'in': '{a[0].Type.Name}' and '{self.Type.Name}'");
            var v = FlagValue(a[0]);
            return PyBool.Of((v & FlagValue(self)) == v);
        });
        Method(f, "__iter__", (self, a, k) => Ops.GetIter(PyList.Of(FlagMembers(self.Type, FlagValue(self)).ToArray())));
        Method(f, "__len__", (self, a, k) => PyInt.Of(FlagMembers(self.Type, FlagValue(self)).Count));
        Method(f, "__bool__", (self, a, k) => PyBool.Of(!FlagValue(self).IsZero));
        f.FixupSlots();
        PyType.InvalidateCaches();
    }
}
