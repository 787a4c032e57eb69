using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>
/// Slots of classes defined in Python: each calls the class's dunder method (Objects/typeobject.c slot_* and
/// SLOT1BINFULL). A dunder that resolves to a built-in type's slot wrapper uses that C# slot directly.
/// </summary>
internal static class SlotDispatch
{
    private static readonly string[] s_forward = NumOps.Names.Select(n => $"__{n}__").ToArray();
    private static readonly string[] s_reflected = NumOps.Names.Select(n => $"__r{n}__").ToArray();
    private static readonly BinarySlot[] s_binary = Enumerable.Range(0, NumOps.Count).Select(MakeBinary).ToArray();
    private static readonly BinarySlot[] s_inplace = Enumerable.Range(0, NumOps.Count).Select(MakeInplace).ToArray();
    private static readonly string[] s_compareNames = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];

    private static PyObject? Find(PyType t, string name) => t.Lookup(name);

    private static PyObject CallDunder(PyObject self, string name, ReadOnlySpan<PyObject> args)
    {
        var f = Find(self.Type, name) ?? throw Err.Attribute(self, PyStr.Intern(name));
        return Ops.CallWithSelfDescriptor(f, self, args);
    }

    /// <summary>The built-in slot behind a dunder, when the dunder is a slot wrapper.</summary>
    private static T? Wrapped<T>(PyType t, string name, Func<PyType, T?> slot) where T : class =>
        Find(t, name) is PySlotWrapper w ? slot(w.Owner) : null;

    public static void Fixup(PyType t)
    {
        t.Repr = Choose(t, "__repr__", x => x.Repr, self => AsStr(CallDunder(self, "__repr__", []), "__repr__"));
        t.Str = Choose(t, "__str__", x => x.Str, self => AsStr(CallDunder(self, "__str__", []), "__str__"));
        var hash = Find(t, "__hash__");
        t.Hash = hash is PyNone ? null : hash is PySlotWrapper hw ? hw.Owner.Hash : self =>
        {
            var r = CallDunder(self, "__hash__", []);
            if (r is not PyInt i)
                throw Err.Type("__hash__ method should return an integer");
            return i.IsSmall ? (i.Small == -1 ? -2 : i.Small) : Ops.Hash(PyInt.Of(i.Value));
        };
        bool anyCompare = s_compareNames.Any(n => Find(t, n) is not PySlotWrapper and not null);
        t.Compare = !anyCompare ? Wrapped(t, "__eq__", x => x.Compare) ?? t.Compare : (a, b, op) =>
        {
            var f = Find(a.Type, s_compareNames[(int)op]);
            if (f is null or PyNone)
                return Ops.NotImplemented;
            if (f is PySlotWrapper w && w.Owner.Compare is { } c)
                return c(a, b, op);
            return Ops.CallWithSelfDescriptor(f, a, [b]);
        };
        var getattribute = Find(t, "__getattribute__");
        var getattr = Find(t, "__getattr__");
        if (getattribute is PySlotWrapper gw && getattr is null)
            t.GetAttr = gw.Owner.GetAttr;
        else
            t.GetAttr = (self, name) =>
            {
                try
                {
                    var ga = Find(self.Type, "__getattribute__");
                    if (ga is PySlotWrapper w)
                    {
                        var r = w.Owner.GetAttr!(self, name);
                        if (r is not null)
                            return r;
                        throw Err.Attribute(self, name);
                    }
                    return Ops.CallWithSelfDescriptor(ga!, self, [name]);
                }
                catch (PyException e) when (Err.Matches(e, PyType.AttributeError) && Find(self.Type, "__getattr__") is { } g)
                {
                    return Ops.CallWithSelfDescriptor(g, self, [name]);
                }
            };
        var setattr = Find(t, "__setattr__");
        var delattr = Find(t, "__delattr__");
        if (setattr is PySlotWrapper sw && delattr is PySlotWrapper)
            t.SetAttr = sw.Owner.SetAttr;
        else
            t.SetAttr = (self, name, value) =>
            {
                if (value is null)
                    CallDunder(self, "__delattr__", [name]);
                else
                    CallDunder(self, "__setattr__", [name, value]);
            };
        t.Call = Choose<CallSlot>(t, "__call__", x => x.Call, (self, args, kw) =>
        {
            var f = Find(self.Type, "__call__")!;
            return f is PyFunction pf ? Eval.CallFunction(pf, self, args, kw) : Ops.CallDunderFunction(f, self, args, kw);
        });
        t.Iter = Choose(t, "__iter__", x => x.Iter, self =>
        {
            var it = CallDunder(self, "__iter__", []);
            if (it.Type.Next is null)
                throw Err.Type($"iter() returned non-iterator of type '{it.Type.Name}'");
            return it;
        });
        t.Next = Choose(t, "__next__", x => x.Next, self =>
        {
            try
            {
                return CallDunder(self, "__next__", []);
            }
            catch (PyException e) when (Err.Matches(e, PyType.StopIteration))
            {
                return null;
            }
        });
        t.Len = Choose(t, "__len__", x => x.Len, self =>
        {
            var r = CallDunder(self, "__len__", []);
            if (r is not PyInt)
                throw Err.Type($"'{r.Type.Name}' object cannot be interpreted as an integer");
            long n = Ops.IndexLong(r);
            if (n < 0)
                throw Err.Value("__len__() should return >= 0");
            return n;
        });
        t.GetItem = Choose(t, "__getitem__", x => x.GetItem, (self, k) => CallDunder(self, "__getitem__", [k]));
        var setitem = Find(t, "__setitem__");
        var delitem = Find(t, "__delitem__");
        if (setitem is PySlotWrapper siw && delitem is PySlotWrapper or null)
            t.SetItem = siw.Owner.SetItem;
        else if (setitem is not null || delitem is not null)
            t.SetItem = (self, k, v) =>
            {
                if (v is null)
                    CallDunder(self, "__delitem__", [k]);
                else
                    CallDunder(self, "__setitem__", [k, v]);
            };
        t.Contains = Choose(t, "__contains__", x => x.Contains, (self, item) => Ops.IsTrue(CallDunder(self, "__contains__", [item])));
        t.Bool = Choose(t, "__bool__", x => x.Bool, self =>
        {
            var r = CallDunder(self, "__bool__", []);
            if (r is not PyBool b)
                throw Err.Type($"__bool__ should return bool, returned {r.Type.Name}");
            return b.IsTrue;
        });
        t.DescrGet = Choose(t, "__get__", x => x.DescrGet, (d, obj, type) => CallDunder(d, "__get__", [obj ?? PyNone.Instance, type]));
        var set = Find(t, "__set__");
        var del = Find(t, "__delete__");
        if (set is PySlotWrapper setw)
            t.DescrSet = setw.Owner.DescrSet;
        else if (set is not null || del is not null)
            t.DescrSet = (d, obj, v) =>
            {
                if (v is null)
                    CallDunder(d, "__delete__", [obj]);
                else
                    CallDunder(d, "__set__", [obj, v]);
            };
        else
            t.DescrSet = null;
        t.Init = Choose<InitSlot>(t, "__init__", x => x.Init, (self, args, kw) =>
        {
            var f = Find(self.Type, "__init__")!;
            var r = Ops.CallDunderFunction(f, self, args, kw);
            if (r is not PyNone)
                throw Err.Type($"__init__() should return None, not '{r.Type.Name}'");
        });
        // A built-in type's __new__ is a static method around tp_new_wrapper, whose __self__ is that type.
        t.New = Find(t, "__new__") is PyStaticMethod { Function: PyBuiltinFunction { Self: PyType owner } }
            ? owner.New
            : Choose<NewSlot>(t, "__new__", x => x.New, (type, args, kw) =>
            {
                var f = Find(type, "__new__")!;
                var fn = f is PyStaticMethod sm ? sm.Function : f;
                return Ops.CallWithSelf(fn, type, args, kw);
            });
        for (int op = 0; op < NumOps.Count; op++)
        {
            var fw = Find(t, s_forward[op]);
            var rv = Find(t, s_reflected[op]);
            if (fw is null && rv is null)
                t.Num[op] = null;
            else if ((fw is PySlotWrapper or null) && (rv is PySlotWrapper or null))
                t.Num[op] = ((fw ?? rv) as PySlotWrapper)!.Owner.Num[op];
            else
                t.Num[op] = s_binary[op];
            var ip = Find(t, $"__i{NumOps.Names[op]}__");
            t.InplaceNum[op] = ip is null ? null : ip is PySlotWrapper iw ? iw.Owner.InplaceNum[op] : s_inplace[op];
        }
        t.Negative = Choose(t, "__neg__", x => x.Negative, self => CallDunder(self, "__neg__", []));
        t.Positive = Choose(t, "__pos__", x => x.Positive, self => CallDunder(self, "__pos__", []));
        t.Invert = Choose(t, "__invert__", x => x.Invert, self => CallDunder(self, "__invert__", []));
        t.Absolute = Choose(t, "__abs__", x => x.Absolute, self => CallDunder(self, "__abs__", []));
        t.Index = Choose(t, "__index__", x => x.Index, self => CallDunder(self, "__index__", []));
        t.Int = Choose(t, "__int__", x => x.Int, self => CallDunder(self, "__int__", []));
        t.Float = Choose(t, "__float__", x => x.Float, self => CallDunder(self, "__float__", []));
    }

    /// <summary>No slot when nothing in the MRO defines the dunder; the built-in slot behind a slot wrapper; else the Python one.</summary>
    private static T? Choose<T>(PyType t, string name, Func<PyType, T?> slot, T python) where T : class
    {
        var f = Find(t, name);
        if (f is null)
            return null;
        if (f is PySlotWrapper w)
            return slot(w.Owner);
        return python;
    }

    private static PyStr AsStr(PyObject r, string name) =>
        r as PyStr ?? throw Err.Type($"{name} returned non-string (type {r.Type.Name})");

    private static BinarySlot MakeBinary(int op) => (self, other) =>
    {
        var mine = s_binary[op];
        var tSelf = self.Type;
        var tOther = other.Type;
        bool doOther = !ReferenceEquals(tSelf, tOther) && tOther.Num[op] == mine && Find(tOther, s_reflected[op]) is not null;
        if (tSelf.Num[op] == mine)
        {
            if (doOther && tOther.IsSubtypeOf(tSelf))
            {
                var r = CallReflected(other, self, op);
                if (!ReferenceEquals(r, Ops.NotImplemented))
                    return r;
                doOther = false;
            }
            if (Find(tSelf, s_forward[op]) is { } f)
            {
                var r = f is PySlotWrapper w ? w.Owner.Num[op]!(self, other) : Ops.CallWithSelfDescriptor(f, self, [other]);
                if (!ReferenceEquals(r, Ops.NotImplemented) || ReferenceEquals(tSelf, tOther))
                    return r;
            }
        }
        if (doOther)
            return CallReflected(other, self, op);
        return Ops.NotImplemented;
    };

    private static PyObject CallReflected(PyObject self, PyObject other, int op)
    {
        var f = Find(self.Type, s_reflected[op])!;
        if (f is PySlotWrapper w)
            return w.Owner.Num[op]!(other, self);
        return Ops.CallWithSelfDescriptor(f, self, [other]);
    }

    private static BinarySlot MakeInplace(int op) => (self, other) =>
        CallDunder(self, $"__i{NumOps.Names[op]}__", [other]);
}
