using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;
using PycSharp.Runtime.Tracebacks.Syntax;

namespace PycSharp.Runtime.Library;

/// <summary>
/// collections (Lib/collections/__init__.py with Modules/_collectionsmodule.c and Objects/odictobject.c):
/// namedtuple, deque, Counter, OrderedDict and defaultdict, the dict ones being real dict subclasses.
/// </summary>
internal static class CollectionsModule
{
    public static PyModule Create(PyRuntime rt)
    {
        var m = new PyModule("collections");
        int minor = rt.Version.Minor;
        BuiltinModules.Def(m, "namedtuple", (a, k) => NamedTuple(a, k, minor));
        m.Set("deque", PyDeque.TypeObject);
        m.Set("defaultdict", PyDefaultDict.TypeObject);
        m.Set("OrderedDict", OrderedDictType.Value);
        m.Set("Counter", CounterType.Value);
        return m;
    }

    // ---- namedtuple ----

    private static List<string> FieldNames(PyObject fieldNames)
    {
        // Lib/collections/__init__.py: a string is split on commas and whitespace.
        if (fieldNames is PyStr s)
            return s.Value.Replace(',', ' ').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        return Ops.ToArray(fieldNames).Select(x => x is PyStr n ? n.Value : throw Err.Type("Type names and field names must be strings")).ToList();
    }

    private static bool IsIdentifier(string s) => StrCase.IsIdentifier(PyStr.Of(s).CodePoints());

    private static PyObject NamedTuple(ReadOnlySpan<PyObject> a, PyTuple? k, int minor)
    {
        var v = LibSupport.Bind("namedtuple", a, k, ["typename", "field_names", "rename", "defaults", "module"], 2, keywordOnlyFrom: 2);
        string typename = Ops.StrText(v[0]!);
        var fields = FieldNames(v[1]!);
        bool rename = v[2] is { } r && Ops.IsTrue(r);
        if (rename)
        {
            var seen = new HashSet<string>();
            for (int i = 0; i < fields.Count; i++)
            {
                var name = fields[i];
                if (!IsIdentifier(name) || PyParser.IsHardKeyword(name) || name.StartsWith('_') || seen.Contains(name))
                    fields[i] = "_" + i;
                seen.Add(name);
            }
        }
        foreach (var name in fields.Prepend(typename))
        {
            if (!IsIdentifier(name))
                throw Err.Value($"Type names and field names must be valid identifiers: {Ops.ReprText(PyStr.Of(name))}");
            if (PyParser.IsHardKeyword(name))
                throw Err.Value($"Type names and field names cannot be a keyword: {Ops.ReprText(PyStr.Of(name))}");
        }
        var unique = new HashSet<string>();
        foreach (var name in fields)
        {
            if (name.StartsWith('_') && !rename)
                throw Err.Value($"Field names cannot start with an underscore: {Ops.ReprText(PyStr.Of(name))}");
            if (!unique.Add(name))
                throw Err.Value($"Encountered duplicate field name: {Ops.ReprText(PyStr.Of(name))}");
        }
        PyObject[] defaults = [];
        var fieldDefaults = new PyDict();
        if (v[3] is { } d and not PyNone)
        {
            defaults = Ops.ToArray(d);
            if (defaults.Length > fields.Count)
                throw Err.Type("Got more default values than field names");
            for (int i = 0; i < defaults.Length; i++)
                fieldDefaults.SetStr(fields[fields.Count - defaults.Length + i], defaults[i]);
        }
        var fieldTuple = PyTuple.Of(fields.Select(f => (PyObject)PyStr.Intern(f)).ToArray());
        string argList = string.Join(", ", fields) + (fields.Count == 1 ? "," : "");
        int n = fields.Count;

        var ns = new PyDict();
        ns.SetStr("__doc__", PyStr.Of($"{typename}({argList})"));
        ns.SetStr("__slots__", PyTuple.Empty);
        ns.SetStr("_fields", fieldTuple);
        ns.SetStr("_field_defaults", fieldDefaults);
        ns.SetStr("__new__", new PyStaticMethod(new PyBuiltinFunction("__new__", (args, kw) =>
        {
            var values = BindFields(typename + ".__new__", fields, defaults, args, kw, out var cls);
            if (cls is not PyType type || !type.IsSubtypeOf(PyType.TupleType))
                throw Err.Type($"tuple.__new__(X): X is not a type object ({cls.Type.Name})");
            return PyTuple.Subclass(type, values);
        }, null)));
        ns.SetStr("_make", new PyClassMethod(new PyBuiltinFunction("_make", (args, kw) =>
        {
            Args.Exactly("_make", args, kw, 2);
            var items = Ops.ToArray(args[1]);
            if (items.Length != n)
                throw Err.Type($"Expected {n} arguments, got {items.Length}");
            return PyTuple.Subclass((PyType)args[0], items);
        }, null)));
        var replace = new PyMethodDescriptor(PyType.TupleType, "_replace", (self, args, kw) =>
        {
            var pos = Args.Split(args, kw, out var kwargs);
            if (pos.Length > 0)
                throw Err.Type($"{typename}._replace() takes 1 positional argument but {pos.Length + 1} were given");
            var items = ((PyTuple)self).Items;
            var values = new PyObject[Math.Min(n, items.Length)];
            for (int i = 0; i < values.Length; i++)
                values[i] = Args.Take(kwargs, fields[i]) ?? items[i];
            if (kwargs is { Count: > 0 })
            {
                var names = "[" + string.Join(", ", kwargs.Keys.Select(x => Ops.ReprText(PyStr.Of(x)))) + "]";
                // Lib/collections/__init__.py: a ValueError until 3.13 made it a TypeError.
                throw Err.New(minor >= 13 ? PyType.TypeError : PyType.ValueError, $"Got unexpected field names: {names}");
            }
            return Ops.Call(Ops.GetAttr(self, "_make"), PyList.Of(values));
        });
        ns.SetStr("_replace", replace);
        if (minor >= 13)
            ns.SetStr("__replace__", replace);
        ns.SetStr("__repr__", new PyMethodDescriptor(PyType.TupleType, "__repr__", (self, args, kw) =>
        {
            Args.Exactly("__repr__", args, kw, 0);
            var items = ((PyTuple)self).Items;
            if (items.Length != n)
                throw Err.Type(items.Length < n ? "not enough arguments for format string" : "not all arguments converted during string formatting");
            var parts = new string[n];
            for (int i = 0; i < n; i++)
                parts[i] = fields[i] + "=" + Ops.ReprText(items[i]);
            return PyStr.Of(self.Type.Name + "(" + string.Join(", ", parts) + ")");
        }));
        ns.SetStr("_asdict", new PyMethodDescriptor(PyType.TupleType, "_asdict", (self, args, kw) =>
        {
            Args.Exactly("_asdict", args, kw, 0);
            var dict = new PyDict();
            var names = Ops.ToArray(Ops.GetAttr(self, "_fields"));
            var items = ((PyTuple)self).Items;
            for (int i = 0; i < names.Length && i < items.Length; i++)
                dict.SetItem(names[i], items[i]);
            return dict;
        }));
        ns.SetStr("__getnewargs__", new PyMethodDescriptor(PyType.TupleType, "__getnewargs__", (self, args, kw) => PyTuple.Of(((PyTuple)self).Items)));
        ns.SetStr("__match_args__", fieldTuple);
        for (int i = 0; i < n; i++)
            ns.SetStr(fields[i], new PyTupleGetter(i, PyStr.Intern($"Alias for field number {i}")));
        string module = v[4] is { } mod and not PyNone ? Ops.StrText(mod)
            : (VmThread.CurrentFrame?.Globals.GetStr("__name__") as PyStr)?.Value ?? "__main__";
        ns.SetStr("__module__", PyStr.Of(module));
        ns.SetStr("__qualname__", PyStr.Of(typename));
        return PyType.CreateClass(PyType.TypeType, typename, [PyType.TupleType], ns);
    }

    /// <summary>The argument binding of the generated __new__(_cls, field, ...): a Python function's messages.</summary>
    private static PyObject[] BindFields(string qualname, List<string> fields, PyObject[] defaults, ReadOnlySpan<PyObject> args, PyTuple? kw, out PyObject cls)
    {
        var pos = Args.Split(args, kw, out var kwargs);
        if (pos.Length == 0)
            throw Err.Type($"{qualname}() missing 1 required positional argument: '_cls'");
        cls = pos[0];
        int n = fields.Count;
        if (pos.Length - 1 > n)
        {
            string takes = defaults.Length == 0 ? $"{n + 1}" : $"from {n + 1 - defaults.Length} to {n + 1}";
            throw Err.Type($"{qualname}() takes {takes} positional arguments but {pos.Length} were given");
        }
        var values = new PyObject?[n];
        for (int i = 1; i < pos.Length; i++)
            values[i - 1] = pos[i];
        if (kwargs is not null)
        {
            foreach (var (key, value) in kwargs)
            {
                int i = fields.IndexOf(key);
                if (i < 0)
                    throw Err.Type($"{qualname}() got an unexpected keyword argument '{key}'");
                if (values[i] is not null)
                    throw Err.Type($"{qualname}() got multiple values for argument '{key}'");
                values[i] = value;
            }
        }
        var missing = new List<string>();
        for (int i = 0; i < n; i++)
        {
            if (values[i] is null && i >= n - defaults.Length)
                values[i] = defaults[i - (n - defaults.Length)];
            if (values[i] is null)
                missing.Add("'" + fields[i] + "'");
        }
        if (missing.Count > 0)
        {
            string list = missing.Count switch
            {
                1 => missing[0],
                2 => missing[0] + " and " + missing[1],
                _ => string.Join(", ", missing.Take(missing.Count - 1)) + ", and " + missing[^1],
            };
            throw Err.Type($"{qualname}() missing {missing.Count} required positional argument{(missing.Count == 1 ? "" : "s")}: {list}");
        }
        return values!;
    }

    // ---- OrderedDict (Objects/odictobject.c) ----

    private static readonly Lazy<PyType> OrderedDictType = new(MakeOrderedDict);

    private static PyType MakeOrderedDict()
    {
        var t = new PyType("OrderedDict", PyType.DictType) { Module = "collections", HasDict = true };
        t.ComputeMro();
        t.Repr = o => ContainerSetup.ReprGuarded(o, "...", () =>
        {
            var d = (PyDict)o;
            string name = o.Type.Name;
            if (d.Count == 0)
                return name + "()";
            // odict_repr: 3.12 shows a dict, earlier versions a list of pairs.
            if (PyRuntime.Current.Version.Minor >= 12)
            {
                var copy = new PyDict();
                foreach (var (key, value) in d.Items())
                    copy.SetItem(key, value);
                return $"{name}({Ops.ReprText(copy)})";
            }
            var pairs = d.Items().Select(kv => (PyObject)PyTuple.Of(kv.Key, kv.Value)).ToArray();
            return $"{name}({Ops.ReprText(PyList.Of(pairs))})";
        });
        t.Compare = (a, b, op) =>
        {
            var r = PyType.DictType.Compare!(a, b, op);
            // odict_richcompare: two OrderedDicts are equal only in the same order.
            if (op is CompareOp.Eq or CompareOp.Ne && b.Type.IsSubtypeOf(t) && r is PyBool eq && eq == PyBool.Of(op == CompareOp.Eq) && op == CompareOp.Eq)
            {
                var ka = ((PyDict)a).KeysArray();
                var kb = ((PyDict)b).KeysArray();
                for (int i = 0; i < ka.Length; i++)
                {
                    if (!Ops.RichCompareBool(ka[i], kb[i], CompareOp.Eq))
                        return PyBool.False;
                }
            }
            else if (op == CompareOp.Ne && b.Type.IsSubtypeOf(t) && r == PyBool.False)
            {
                var ka = ((PyDict)a).KeysArray();
                var kb = ((PyDict)b).KeysArray();
                for (int i = 0; i < ka.Length; i++)
                {
                    if (!Ops.RichCompareBool(ka[i], kb[i], CompareOp.Eq))
                        return PyBool.True;
                }
            }
            return r;
        };
        // Objects/odictobject.c: keys(), values() and items() are views of the dict view subtypes odict_*.
        foreach (var (name, kind, viewBase) in new[] { ("keys", DictIterKind.Keys, PyType.DictKeysType), ("values", DictIterKind.Values, PyType.DictValuesType), ("items", DictIterKind.Items, PyType.DictItemsType) })
        {
            var view = new PyType("odict_" + name, viewBase) { Module = "collections", IsBaseType = false };
            view.ComputeMro();
            TypeSetup.Finish(view);
            TypeSetup.Method(t, name, (self, a, k) =>
            {
                Args.Exactly(name, a, k, 0);
                return new PyDictView((PyDict)self, kind, view);
            });
        }
        TypeSetup.Method(t, "move_to_end", (self, a, k) =>
        {
            var v = LibSupport.Bind("move_to_end", a, k, ["key", "last"], 1);
            var d = (PyDict)self;
            bool last = v[1] is not { } l || Ops.IsTrue(l);
            if (!d.Remove(v[0]!, out var value))
                throw Err.Key(v[0]!);
            if (last)
            {
                d.SetItem(v[0]!, value);
            }
            else
            {
                var rest = d.Items().ToList();
                d.Clear();
                d.SetItem(v[0]!, value);
                foreach (var (key, val) in rest)
                    d.SetItem(key, val);
            }
            return PyNone.Instance;
        });
        TypeSetup.Method(t, "popitem", (self, a, k) =>
        {
            var v = LibSupport.Bind("popitem", a, k, ["last"], 0);
            var d = (PyDict)self;
            if (d.Count == 0)
                throw Err.New(PyType.KeyError, "dictionary is empty");
            bool last = v[0] is not { } l || Ops.IsTrue(l);
            var keys = d.KeysArray();
            var key = last ? keys[^1] : keys[0];
            d.Remove(key, out var value);
            return PyTuple.Of(key, value);
        });
        TypeSetup.Method(t, "copy", (self, a, k) => Ops.Call(self.Type, self));
        TypeSetup.Method(t, "__copy__", (self, a, k) => Ops.Call(self.Type, self));
        t.Num[(int)NumOp.Or] = (a, b) =>
        {
            if (a is not PyDict || b is not PyDict)
                return Ops.NotImplemented;
            // odict_or: the copy is of whichever operand is the OrderedDict.
            var self = a.Type.IsSubtypeOf(t) ? a : b;
            var r = (PyDict)Ops.Call(self.Type, a);
            ContainerSetup.Update(r, [b], null);
            return r;
        };
        return TypeSetup.Finish(t);
    }

    // ---- Counter (a Python class in Lib/collections/__init__.py) ----

    private static readonly Lazy<PyType> CounterType = new(MakeCounter);

    private static bool IsMapping(PyObject o) => o is PyDict or PyMappingProxy;

    private static PyObject DictGet(PyObject self, PyObject key) => ((PyDict)self).GetOrNull(key) ?? PyInt.Zero;

    /// <summary>Lib/collections/__init__.py _count_elements (the C helper in _collections).</summary>
    private static void CountElements(PyObject self, PyObject iterable)
    {
        var it = Ops.GetIter(iterable);
        while (Ops.Next(it) is { } x)
            Ops.SetItem(self, x, Ops.Add(DictGet(self, x), PyInt.One));
    }

    private static PyType MakeCounter()
    {
        var t = new PyType("Counter", PyType.DictType) { Module = "collections", HasDict = true };
        t.ComputeMro();
        t.Init = (self, a, k) =>
        {
            var pos = Args.Split(a, k, out _);
            if (pos.Length > 1)
                throw Err.Type($"Counter.__init__() takes from 1 to 2 positional arguments but {pos.Length + 1} were given");
            Ops.Call(Ops.GetAttr(self, "update"), a, k);
        };
        TypeSetup.Method(t, "__missing__", (self, a, k) =>
        {
            Args.Exactly("__missing__", a, k, 1);
            return PyInt.Zero;
        });
        TypeSetup.Method(t, "total", (self, a, k) =>
        {
            PyObject sum = PyInt.Zero;
            foreach (var (_, value) in ((PyDict)self).Items().ToList())
                sum = Ops.Add(sum, value);
            return sum;
        });
        TypeSetup.Method(t, "most_common", (self, a, k) =>
        {
            var v = LibSupport.Bind("most_common", a, k, ["n"], 0);
            var sorted = MostCommon(self);
            if (v[0] is null or PyNone)
                return sorted;
            long n = Ops.IndexLong(v[0]!);
            var items = sorted.ToArray();
            return PyList.Of(items.Take((int)Math.Clamp(n, 0, items.Length)).ToArray());
        });
        TypeSetup.Method(t, "elements", (self, a, k) =>
        {
            // chain.from_iterable(starmap(repeat, self.items())): the counts are read as the items are reached.
            return new PyLibIterator(ItertoolsModule.ChainType, Elements(((PyDict)self).Items().ToList()));
        });
        TypeSetup.ClassMethod(t, "fromkeys", (cls, a, k) =>
            throw Err.New(PyType.NotImplementedError, "Counter.fromkeys() is undefined.  Use Counter(iterable) instead."));
        TypeSetup.Method(t, "update", (self, a, k) => UpdateOrSubtract(self, a, k, "update", false));
        TypeSetup.Method(t, "subtract", (self, a, k) => UpdateOrSubtract(self, a, k, "subtract", true));
        TypeSetup.Method(t, "copy", (self, a, k) => Ops.Call(self.Type, self));
        TypeSetup.Method(t, "__delitem__", (self, a, k) =>
        {
            Args.Exactly("__delitem__", a, k, 1);
            if (((PyDict)self).ContainsKey(a[0]))
                PyType.DictType.SetItem!(self, a[0], null);
            return PyNone.Instance;
        });
        t.SetItem = (o, key, value) =>
        {
            if (value is null)
            {
                if (((PyDict)o).ContainsKey(key))
                    PyType.DictType.SetItem!(o, key, null);
                return;
            }
            ((PyDict)o).SetItem(key, value);
        };
        t.Repr = o =>
        {
            if (((PyDict)o).Count == 0)
                return PyStr.Of(o.Type.Name + "()");
            PyDict d;
            try
            {
                d = new PyDict();
                foreach (var pair in Ops.ToArray(Ops.Call(Ops.GetAttr(o, "most_common"))))
                    d.SetItem(Ops.GetItem(pair, PyInt.Zero), Ops.GetItem(pair, PyInt.One));
            }
            catch (PyException e) when (Err.Matches(e, PyType.TypeError))
            {
                d = ((PyDict)o).Copy();
            }
            return PyStr.Of($"{o.Type.Name}({Ops.ReprText(d)})");
        };
        // The multiset operators: results are plain Counters keeping positive counts.
        BinarySlot Op(Func<PyObject, PyObject, PyObject?> combine, Func<PyObject, PyObject?> onlyOther) => (a, b) =>
        {
            if (!a.Type.IsSubtypeOf(t) || !b.Type.IsSubtypeOf(t))
                return Ops.NotImplemented;
            var result = PyDict.Subclass(t);
            foreach (var (elem, count) in ((PyDict)a).Items().ToList())
            {
                if (combine(count, Ops.GetItem(b, elem)) is { } c && Ops.RichCompareBool(c, PyInt.Zero, CompareOp.Gt))
                    result.SetItem(elem, c);
            }
            foreach (var (elem, count) in ((PyDict)b).Items().ToList())
            {
                if (!((PyDict)a).ContainsKey(elem) && onlyOther(count) is { } c)
                    result.SetItem(elem, c);
            }
            return result;
        };
        PyObject? Positive(PyObject c) => Ops.RichCompareBool(c, PyInt.Zero, CompareOp.Gt) ? c : null;
        t.Num[(int)NumOp.Add] = Op(Ops.Add, Positive);
        t.Num[(int)NumOp.Subtract] = Op(Ops.Subtract, c => Ops.RichCompareBool(c, PyInt.Zero, CompareOp.Lt) ? Ops.Subtract(PyInt.Zero, c) : null);
        t.Num[(int)NumOp.Or] = Op((c, o) => Ops.RichCompareBool(c, o, CompareOp.Lt) ? o : c, Positive);
        t.Num[(int)NumOp.And] = Op((c, o) => Ops.RichCompareBool(c, o, CompareOp.Lt) ? c : o, _ => null);
        PyObject Unary(PyObject self, bool negate)
        {
            var result = PyDict.Subclass(t);
            foreach (var (elem, count) in ((PyDict)self).Items().ToList())
            {
                if (!negate && Ops.RichCompareBool(count, PyInt.Zero, CompareOp.Gt))
                    result.SetItem(elem, count);
                else if (negate && Ops.RichCompareBool(count, PyInt.Zero, CompareOp.Lt))
                    result.SetItem(elem, Ops.Subtract(PyInt.Zero, count));
            }
            return result;
        }
        t.Positive = o => Unary(o, false);
        t.Negative = o => Unary(o, true);
        BinarySlot InPlace(Action<PyObject, PyObject, PyObject> apply) => (a, b) =>
        {
            if (!b.Type.IsSubtypeOf(t))
                return Ops.NotImplemented;
            foreach (var (elem, count) in ((PyDict)b).Items().ToList())
                apply(a, elem, count);
            KeepPositive(a);
            return a;
        };
        t.InplaceNum[(int)NumOp.Add] = InPlace((self, e, c) => Ops.SetItem(self, e, Ops.Add(Ops.GetItem(self, e), c)));
        t.InplaceNum[(int)NumOp.Subtract] = InPlace((self, e, c) => Ops.SetItem(self, e, Ops.Subtract(Ops.GetItem(self, e), c)));
        t.InplaceNum[(int)NumOp.Or] = InPlace((self, e, c) =>
        {
            if (Ops.RichCompareBool(c, Ops.GetItem(self, e), CompareOp.Gt))
                Ops.SetItem(self, e, c);
        });
        t.InplaceNum[(int)NumOp.And] = (a, b) =>
        {
            if (!b.Type.IsSubtypeOf(t))
                return Ops.NotImplemented;
            foreach (var (elem, count) in ((PyDict)a).Items().ToList())
            {
                var other = Ops.GetItem(b, elem);
                if (Ops.RichCompareBool(other, count, CompareOp.Lt))
                    Ops.SetItem(a, elem, other);
            }
            KeepPositive(a);
            return a;
        };
        // Lib/collections/__init__.py (3.10+): missing counts are zero in the comparisons.
        bool All(PyObject a, PyObject b, CompareOp op) =>
            new[] { a, b }.All(c => Ops.ToArray(c).All(e => Ops.RichCompareBool(Ops.GetItem(a, e), Ops.GetItem(b, e), op)));
        t.Compare = (a, b, op) =>
        {
            if (!b.Type.IsSubtypeOf(t))
                return Ops.NotImplemented;
            return PyBool.Of(op switch
            {
                CompareOp.Eq => All(a, b, CompareOp.Eq),
                CompareOp.Ne => !All(a, b, CompareOp.Eq),
                CompareOp.Le => All(a, b, CompareOp.Le),
                CompareOp.Lt => All(a, b, CompareOp.Le) && !All(a, b, CompareOp.Eq),
                CompareOp.Ge => All(a, b, CompareOp.Ge),
                _ => All(a, b, CompareOp.Ge) && !All(a, b, CompareOp.Eq),
            });
        };
        TypeSetup.Finish(t);
        t.SetUnhashable();
        return t;
    }

    private static IEnumerator<PyObject> Elements(List<KeyValuePair<PyObject, PyObject>> items)
    {
        foreach (var (elem, count) in items)
        {
            for (long i = Ops.IndexLong(count); i > 0; i--)
                yield return elem;
        }
    }

    private static void KeepPositive(PyObject self)
    {
        foreach (var (elem, count) in ((PyDict)self).Items().ToList())
        {
            if (!Ops.RichCompareBool(count, PyInt.Zero, CompareOp.Gt))
                Ops.DelItem(self, elem);
        }
    }

    /// <summary>Counter.most_common(): sorted(self.items(), key=itemgetter(1), reverse=True), through list.sort.</summary>
    private static PyList MostCommon(PyObject self)
    {
        var items = PyList.Of(((PyDict)self).Items().Select(kv => (PyObject)PyTuple.Of(kv.Key, kv.Value)).ToArray());
        var key = new PyBuiltinFunction("itemgetter", (a, k) => ((PyTuple)a[0])[1], null);
        Ops.Call(Ops.GetAttr(items, "sort"), [key, PyBool.True], PyTuple.Of(PyStr.Intern("key"), PyStr.Intern("reverse")));
        return items;
    }

    private static PyObject UpdateOrSubtract(PyObject self, ReadOnlySpan<PyObject> a, PyTuple? k, string name, bool subtract)
    {
        var pos = Args.Split(a, k, out var kwargs);
        if (pos.Length > 1)
            throw Err.Type($"Counter.{name}() takes from 1 to 2 positional arguments but {pos.Length + 1} were given");
        if (pos.Length == 1 && pos[0] is not PyNone)
        {
            var iterable = pos[0];
            if (IsMapping(iterable))
            {
                foreach (var pair in Ops.ToArray(Ops.Call(Ops.GetAttr(iterable, "items"))))
                {
                    var items = Ops.ToArray(pair);
                    var current = DictGet(self, items[0]);
                    Ops.SetItem(self, items[0], subtract ? Ops.Subtract(current, items[1]) : Ops.Add(items[1], current));
                }
            }
            else if (subtract)
            {
                var it = Ops.GetIter(iterable);
                while (Ops.Next(it) is { } x)
                    Ops.SetItem(self, x, Ops.Subtract(DictGet(self, x), PyInt.One));
            }
            else
            {
                CountElements(self, iterable);
            }
        }
        if (kwargs is { Count: > 0 })
        {
            var d = new PyDict();
            foreach (var (key, value) in kwargs)
                d.SetStr(key, value);
            Ops.Call(Ops.GetAttr(self, name), d);
        }
        return PyNone.Instance;
    }
}

/// <summary>collections.defaultdict (Modules/_collectionsmodule.c defdict): a missing key gets default_factory().</summary>
internal sealed class PyDefaultDict(PyType type) : PyDict
{
    public static readonly PyType TypeObject = Make();

    private readonly PyDict? _dict = type.HasDict ? new PyDict() : null;
    public PyObject Factory = PyNone.Instance;

    public override PyType Type => type;
    public override PyDict? Dict => _dict;

    private static PyType Make()
    {
        var t = new PyType("defaultdict", PyType.DictType) { Module = "collections" };
        t.ComputeMro();
        t.Allocate = type => new PyDefaultDict(type);
        t.New = (type, a, k) => new PyDefaultDict(type);
        t.Init = (self, a, k) =>
        {
            var dd = (PyDefaultDict)self;
            var pos = Args.Split(a, k, out _);
            if (pos.Length > 0)
            {
                if (pos[0] is not PyNone && !Ops.IsCallable(pos[0]))
                    throw Err.Type("first argument must be callable or None");
                dd.Factory = pos[0];
                PyType.DictType.Init!(self, a[1..], k);
            }
            else
            {
                PyType.DictType.Init!(self, a, k);
            }
        };
        TypeSetup.Method(t, "__missing__", (self, a, k) =>
        {
            Args.Exactly("__missing__", a, k, 1);
            var dd = (PyDefaultDict)self;
            if (dd.Factory is PyNone)
                throw Err.Key(a[0]);
            var value = Ops.Call(dd.Factory);
            Ops.SetItem(self, a[0], value);
            return value;
        });
        t.Repr = o =>
        {
            var dd = (PyDefaultDict)o;
            var body = PyType.DictType.Repr!(o).Value;
            var factory = dd.Factory is PyNone ? "None" : ContainerSetup.ReprGuarded(o, "...", () => Ops.ReprText(dd.Factory)).Value;
            return PyStr.Of($"{o.Type.Name}({factory}, {body})");
        };
        TypeSetup.Getter(t, "default_factory", o => ((PyDefaultDict)o).Factory, (o, v) => ((PyDefaultDict)o).Factory = v ?? PyNone.Instance);
        NativeMethod copy = (self, a, k) => Ops.Call(self.Type, [((PyDefaultDict)self).Factory, self]);
        TypeSetup.Method(t, "copy", copy);
        TypeSetup.Method(t, "__copy__", copy);
        t.Num[(int)NumOp.Or] = (a, b) =>
        {
            var (self, other) = a is PyDefaultDict ? (a, b) : (b, a);
            if (other is not PyDict)
                return Ops.NotImplemented;
            var r = (PyDict)Ops.Call(self.Type, [((PyDefaultDict)self).Factory, a]);
            ContainerSetup.Update(r, [b], null);
            return r;
        };
        return TypeSetup.Finish(t);
    }
}

/// <summary>_collections._tuplegetter: the read-only field descriptor of a namedtuple class.</summary>
internal sealed class PyTupleGetter(int index, PyObject doc) : PyObject
{
    public static readonly PyType TypeObject = Make();
    private PyObject _doc = doc;

    public override PyType Type => TypeObject;

    private static PyType Make()
    {
        var t = new PyType("_tuplegetter", PyType.ObjectType) { Module = "_collections", IsBaseType = false };
        t.ComputeMro();
        t.DescrGet = (self, obj, type) =>
        {
            var g = (PyTupleGetter)self;
            if (obj is null)
                return self;
            if (obj is not PyTuple tuple)
                throw Err.Type($"descriptor for index '{g._index}' for tuple subclasses doesn't apply to '{obj.Type.Name}' object");
            if (g._index >= tuple.Count)
                throw Err.Index("tuple index out of range");
            return tuple[g._index];
        };
        t.DescrSet = (self, obj, value) =>
            throw Err.New(PyType.AttributeError, value is null ? "can't delete attribute" : "can't set attribute");
        t.Repr = o => PyStr.Of($"_tuplegetter({((PyTupleGetter)o)._index}, {Ops.ReprText(((PyTupleGetter)o)._doc)})");
        TypeSetup.Getter(t, "__doc__", o => ((PyTupleGetter)o)._doc, (o, v) => ((PyTupleGetter)o)._doc = v ?? PyNone.Instance);
        return TypeSetup.Finish(t);
    }

    private readonly int _index = index;
}
