using System.Numerics;
using System.Runtime.CompilerServices;
using PycSharp.Runtime.Interpreter;

namespace PycSharp.Runtime.Objects;

/// <summary>
/// The abstract object protocol (Objects/abstract.c, Objects/object.c): what the interpreter and the builtins use
/// to operate on any object. Each entry has a fast path for the exact built-in types, then dispatches on slots.
/// </summary>
public static partial class Ops
{
    public static readonly PyObject None = PyNone.Instance;
    public static readonly PyObject NotImplemented = PyNotImplemented.Instance;

    public static string TypeName(PyObject o) => o.Type.Name;

    // ---------------------------------------------------------------- truth, identity, hashing

    public static bool IsTrue(PyObject o)
    {
        if (o is PyBool b)
            return b.IsTrue;
        if (ReferenceEquals(o, PyNone.Instance))
            return false;
        var t = o.Type;
        if (t.Bool is { } bs)
            return bs(o);
        if (t.Len is { } ls)
            return ls(o) != 0;
        return true;
    }

    public static long Hash(PyObject o)
    {
        if (o is PyStr s)
            return s.HashValue;
        if (o.GetType() == typeof(PyInt))
        {
            var i = Unsafe.As<PyInt>(o);
            if (i.IsSmall)
                return SmallIntHash(i.Small);
        }
        var h = o.Type.Hash ?? throw Err.Type($"unhashable type: '{o.Type.Name}'");
        return h(o);
    }

    /// <summary>Objects/longobject.c long_hash for a machine word: the value modulo 2**61 - 1, -1 becoming -2.</summary>
    public static long SmallIntHash(long v)
    {
        const long modulus = (1L << 61) - 1;
        long h;
        if (v >= 0)
        {
            h = v % modulus;
        }
        else
        {
            // |long.MinValue| overflows; go through ulong.
            ulong a = (ulong)(-(v + 1)) + 1;
            h = -(long)(a % modulus);
        }
        return h == -1 ? -2 : h;
    }

    // ---------------------------------------------------------------- repr / str

    public static PyStr Repr(PyObject o)
    {
        var slot = o.Type.Repr!;
        using var guard = Recursion.Enter(" while getting the repr of an object");
        return slot(o);
    }

    public static string ReprText(PyObject o) => Repr(o).Value;

    public static PyStr Str(PyObject o)
    {
        if (o.GetType() == typeof(PyStr))
            return Unsafe.As<PyStr>(o);
        var slot = o.Type.Str ?? o.Type.Repr!;
        return slot(o);
    }

    public static string StrText(PyObject o) => Str(o).Value;

    public static string ExceptionText(PyBaseException e)
    {
        try
        {
            return e.Type.Name + ": " + StrText(e);
        }
        catch (PyException)
        {
            return e.Type.Name;
        }
    }

    // ---------------------------------------------------------------- comparison

    private static readonly CompareOp[] s_swapped = [CompareOp.Gt, CompareOp.Ge, CompareOp.Eq, CompareOp.Ne, CompareOp.Lt, CompareOp.Le];
    public static readonly string[] CompareSymbols = ["<", "<=", "==", "!=", ">", ">="];

    /// <summary>Objects/object.c do_richcompare: the reflected operation first when the right type is a subtype.</summary>
    public static PyObject RichCompare(PyObject v, PyObject w, CompareOp op)
    {
        if (v.GetType() == typeof(PyInt) && w.GetType() == typeof(PyInt))
        {
            var a = Unsafe.As<PyInt>(v);
            var b = Unsafe.As<PyInt>(w);
            if (a.IsSmall && b.IsSmall)
                return PyBool.Of(Compare(a.Small, b.Small, op));
        }
        else if (v.GetType() == typeof(PyFloat) && w.GetType() == typeof(PyFloat))
        {
            // float_richcompare on two floats: IEEE comparisons, which give Python's answers for NaN too.
            return PyBool.Of(Compare(Unsafe.As<PyFloat>(v).Value, Unsafe.As<PyFloat>(w).Value, op));
        }
        else if (v.GetType() == typeof(PyStr) && w.GetType() == typeof(PyStr))
        {
            // unicode_richcompare on two exact strs (the order str's own slot uses).
            return PyStr.RichCompare(Unsafe.As<PyStr>(v), Unsafe.As<PyStr>(w), op);
        }
        else if (v.GetType() == typeof(PyTuple) && w.GetType() == typeof(PyTuple)
            && TryCompareTuples(Unsafe.As<PyTuple>(v), Unsafe.As<PyTuple>(w), op, 0, out bool tupleResult))
        {
            return PyBool.Of(tupleResult);
        }
        using var guard = Recursion.Enter(" in comparison");
        var tv = v.Type;
        var tw = w.Type;
        bool checkedReverse = false;
        PyObject res;
        if (!ReferenceEquals(tv, tw) && tw.IsSubtypeOf(tv) && tw.Compare is { } rw)
        {
            checkedReverse = true;
            res = rw(w, v, s_swapped[(int)op]);
            if (!ReferenceEquals(res, NotImplemented))
                return res;
        }
        if (tv.Compare is { } rv)
        {
            res = rv(v, w, op);
            if (!ReferenceEquals(res, NotImplemented))
                return res;
        }
        if (!checkedReverse && tw.Compare is { } rw2)
        {
            res = rw2(w, v, s_swapped[(int)op]);
            if (!ReferenceEquals(res, NotImplemented))
                return res;
        }
        return op switch
        {
            CompareOp.Eq => PyBool.Of(ReferenceEquals(v, w)),
            CompareOp.Ne => PyBool.Of(!ReferenceEquals(v, w)),
            _ => throw Err.Type($"'{CompareSymbols[(int)op]}' not supported between instances of '{tv.Name}' and '{tw.Name}'"),
        };
    }

    /// <summary>The outcome of a rich comparison of two numbers of one kind (ints, doubles with IEEE NaN rules, or
    /// a three-way result against 0).</summary>
    public static bool Compare<T>(T a, T b, CompareOp op) where T : IComparisonOperators<T, T, bool> => op switch
    {
        CompareOp.Lt => a < b,
        CompareOp.Le => a <= b,
        CompareOp.Eq => a == b,
        CompareOp.Ne => a != b,
        CompareOp.Gt => a > b,
        _ => a >= b,
    };

    /// <summary>Tuples nested at most this deep take <see cref="TryCompareTuples"/>; deeper ones the guarded path.</summary>
    private const int TupleFastDepth = 8;

    /// <summary>
    /// tuplerichcompare (Objects/tupleobject.c) on exact tuples whose items are exact machine-word ints, strs,
    /// floats or such tuples: the first pair that differs (identical items are equal, as PyObject_RichCompareBool
    /// says) decides, compared here as those types' own slots would, none of which runs Python code. So it needs
    /// neither slot dispatch nor the recursion guard (the nesting is bounded). False when some item is of another
    /// kind: the caller takes the general path.
    /// </summary>
    private static bool TryCompareTuples(PyTuple v, PyTuple w, CompareOp op, int depth, out bool result)
    {
        var a = v.Items;
        var b = w.Items;
        int i = 0;
        for (; i < a.Length && i < b.Length; i++)
        {
            if (ReferenceEquals(a[i], b[i]))
                continue;
            if (!TryCompareItems(a[i], b[i], CompareOp.Eq, depth, out bool equal))
            {
                result = false;
                return false;
            }
            if (!equal)
                break;
        }
        if (i >= a.Length || i >= b.Length)
        {
            result = Compare(a.Length, b.Length, op);
            return true;
        }
        if (op is CompareOp.Eq or CompareOp.Ne)
        {
            result = op == CompareOp.Ne;
            return true;
        }
        return TryCompareItems(a[i], b[i], op, depth, out result);
    }

    private static bool TryCompareItems(PyObject x, PyObject y, CompareOp op, int depth, out bool result)
    {
        var type = x.GetType();
        if (type != y.GetType())
        {
            result = false;
            return false;
        }
        if (type == typeof(PyInt) && Unsafe.As<PyInt>(x).IsSmall && Unsafe.As<PyInt>(y).IsSmall)
            result = Compare(Unsafe.As<PyInt>(x).Small, Unsafe.As<PyInt>(y).Small, op);
        else if (type == typeof(PyStr))
            result = op is CompareOp.Eq or CompareOp.Ne
                ? PyStr.EqualCodePoints(Unsafe.As<PyStr>(x), Unsafe.As<PyStr>(y)) == (op == CompareOp.Eq)
                : Compare(PyStr.CompareCodePoints(Unsafe.As<PyStr>(x), Unsafe.As<PyStr>(y)), 0, op);
        else if (type == typeof(PyFloat))
            result = Compare(Unsafe.As<PyFloat>(x).Value, Unsafe.As<PyFloat>(y).Value, op);
        else if (type == typeof(PyTuple) && depth < TupleFastDepth)
            return TryCompareTuples(Unsafe.As<PyTuple>(x), Unsafe.As<PyTuple>(y), op, depth + 1, out result);
        else
        {
            result = false;
            return false;
        }
        return true;
    }

    public static bool RichCompareBool(PyObject v, PyObject w, CompareOp op)
    {
        // PyObject_RichCompareBool: identity implies equality.
        if (ReferenceEquals(v, w))
        {
            if (op == CompareOp.Eq)
                return true;
            if (op == CompareOp.Ne)
                return false;
        }
        var r = RichCompare(v, w, op);
        return r is PyBool b ? b.IsTrue : IsTrue(r);
    }

    public static bool Eq(PyObject a, PyObject b) => RichCompareBool(a, b, CompareOp.Eq);

    // ---------------------------------------------------------------- numbers

    /// <summary>Objects/abstract.c binary_op1: the right operand's slot first when its type is a proper subtype.</summary>
    public static PyObject BinaryOp1(PyObject v, PyObject w, int op)
    {
        var tv = v.Type;
        var tw = w.Type;
        var slotv = tv.Num[op];
        var slotw = ReferenceEquals(tv, tw) ? null : tw.Num[op];
        if (slotw == slotv)
            slotw = null;
        if (slotv is not null)
        {
            if (slotw is not null && tw.IsSubtypeOf(tv))
            {
                var r = slotw(v, w);
                if (!ReferenceEquals(r, NotImplemented))
                    return r;
                slotw = null;
            }
            var x = slotv(v, w);
            if (!ReferenceEquals(x, NotImplemented))
                return x;
        }
        if (slotw is not null)
            return slotw(v, w);
        return NotImplemented;
    }

    public static PyObject Binary(PyObject v, PyObject w, NumOp op)
    {
        var r = BinaryOp1(v, w, (int)op);
        if (!ReferenceEquals(r, NotImplemented))
            return r;
        if (op == NumOp.Multiply)
        {
            // Sequence repetition: int * seq finds the sequence's slot from the int's side too.
            r = BinaryOp1(w, v, (int)op);
            if (!ReferenceEquals(r, NotImplemented))
                return r;
        }
        throw BinaryError(v, w, NumOps.Symbols[(int)op]);
    }

    public static PyException BinaryError(PyObject v, PyObject w, string symbol)
    {
        // Objects/abstract.c PyNumber_Add falls back to the left operand's sq_concat, whose error names the types.
        if (symbol is "+" or "+=")
        {
            var tv = v.Type;
            foreach (var seq in new[] { PyType.StrType, PyType.ListType, PyType.TupleType })
                if (tv.IsSubtypeOf(seq))
                    return Err.Type($"can only concatenate {seq.Name} (not \"{w.Type.Name}\") to {seq.Name}");
            if (tv.IsSubtypeOf(PyType.BytesType) || tv.IsSubtypeOf(PyType.ByteArrayType))
                return Err.Type($"can't concat {w.Type.Name} to {tv.Name}");
        }
        if (symbol == "**")
            symbol = "** or pow()";
        return Err.Type($"unsupported operand type(s) for {symbol}: '{v.Type.Name}' and '{w.Type.Name}'");
    }

    /// <summary>Objects/abstract.c binary_iop1: <c>__iadd__</c> and friends, else the plain operator.</summary>
    public static PyObject Inplace(PyObject v, PyObject w, NumOp op)
    {
        if (v.Type.InplaceNum[(int)op] is { } islot)
        {
            var x = islot(v, w);
            if (!ReferenceEquals(x, NotImplemented))
                return x;
        }
        var r = BinaryOp1(v, w, (int)op);
        if (!ReferenceEquals(r, NotImplemented))
            return r;
        if (op == NumOp.Multiply)
        {
            r = BinaryOp1(w, v, (int)op);
            if (!ReferenceEquals(r, NotImplemented))
                return r;
        }
        throw BinaryError(v, w, NumOps.Symbols[(int)op] + "=");
    }

    public static PyObject Add(PyObject a, PyObject b)
    {
        if (a.GetType() == typeof(PyInt) && b.GetType() == typeof(PyInt))
        {
            var x = Unsafe.As<PyInt>(a);
            var y = Unsafe.As<PyInt>(b);
            if (x.IsSmall && y.IsSmall)
            {
                long r = x.Small + y.Small;
                if (((x.Small ^ r) & (y.Small ^ r)) >= 0)
                    return PyInt.Of(r);
            }
        }
        else if (a.GetType() == typeof(PyFloat) && b.GetType() == typeof(PyFloat))
        {
            return new PyFloat(Unsafe.As<PyFloat>(a).Value + Unsafe.As<PyFloat>(b).Value);
        }
        else if (a.GetType() == typeof(PyStr) && b.GetType() == typeof(PyStr))
        {
            return PyStr.Concat(Unsafe.As<PyStr>(a), Unsafe.As<PyStr>(b));
        }
        return Binary(a, b, NumOp.Add);
    }

    public static PyObject Subtract(PyObject a, PyObject b)
    {
        if (a.GetType() == typeof(PyInt) && b.GetType() == typeof(PyInt))
        {
            var x = Unsafe.As<PyInt>(a);
            var y = Unsafe.As<PyInt>(b);
            if (x.IsSmall && y.IsSmall)
            {
                long r = x.Small - y.Small;
                if (((x.Small ^ y.Small) & (x.Small ^ r)) >= 0)
                    return PyInt.Of(r);
            }
        }
        else if (a.GetType() == typeof(PyFloat) && b.GetType() == typeof(PyFloat))
        {
            return new PyFloat(Unsafe.As<PyFloat>(a).Value - Unsafe.As<PyFloat>(b).Value);
        }
        return Binary(a, b, NumOp.Subtract);
    }

    public static PyObject Multiply(PyObject a, PyObject b)
    {
        if (a.GetType() == typeof(PyInt) && b.GetType() == typeof(PyInt))
        {
            var x = Unsafe.As<PyInt>(a);
            var y = Unsafe.As<PyInt>(b);
            if (x.IsSmall && y.IsSmall)
            {
                long hi = Math.BigMul(x.Small, y.Small, out long lo);
                if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))
                    return PyInt.Of(lo);
            }
        }
        else if (a.GetType() == typeof(PyFloat) && b.GetType() == typeof(PyFloat))
        {
            return new PyFloat(Unsafe.As<PyFloat>(a).Value * Unsafe.As<PyFloat>(b).Value);
        }
        return Binary(a, b, NumOp.Multiply);
    }

    public static PyObject BinaryOp(PyObject a, PyObject b, int oparg)
    {
        switch (oparg)
        {
            // The in-place forms take the plain operator's fast path only when the type has no __iadd__ & co.
            case (int)NumOp.Add:
            case (int)NumOp.Add + NumOps.InplaceOffset when a.Type.InplaceNum[(int)NumOp.Add] is null:
                return Add(a, b);
            case (int)NumOp.Subtract:
            case (int)NumOp.Subtract + NumOps.InplaceOffset when a.Type.InplaceNum[(int)NumOp.Subtract] is null:
                return Subtract(a, b);
            case (int)NumOp.Multiply:
            case (int)NumOp.Multiply + NumOps.InplaceOffset when a.Type.InplaceNum[(int)NumOp.Multiply] is null:
                return Multiply(a, b);
        }
        if (oparg >= NumOps.InplaceOffset)
            return Inplace(a, b, (NumOp)(oparg - NumOps.InplaceOffset));
        return Binary(a, b, (NumOp)oparg);
    }

    public static PyObject Negative(PyObject o)
    {
        if (o.GetType() == typeof(PyInt) && Unsafe.As<PyInt>(o) is { IsSmall: true, Small: > long.MinValue } i)
            return PyInt.Of(-i.Small);
        if (o.GetType() == typeof(PyFloat))
            return new PyFloat(-Unsafe.As<PyFloat>(o).Value);
        return (o.Type.Negative ?? throw Err.Type($"bad operand type for unary -: '{o.Type.Name}'"))(o);
    }

    public static PyObject Positive(PyObject o) =>
        (o.Type.Positive ?? throw Err.Type($"bad operand type for unary +: '{o.Type.Name}'"))(o);

    public static PyObject Invert(PyObject o) =>
        (o.Type.Invert ?? throw Err.Type($"bad operand type for unary ~: '{o.Type.Name}'"))(o);

    public static PyObject Abs(PyObject o) =>
        (o.Type.Absolute ?? throw Err.Type($"bad operand type for abs(): '{o.Type.Name}'"))(o);

    /// <summary>operator.index: the int an object stands for as an index (Objects/abstract.c PyNumber_Index).</summary>
    public static PyInt Index(PyObject o)
    {
        if (o is PyInt i)
            return o.GetType() == typeof(PyInt) || o is PyBool ? i : PyInt.Of(i.Value);
        var slot = o.Type.Index ?? throw Err.Type($"'{o.Type.Name}' object cannot be interpreted as an integer");
        var r = slot(o);
        return r as PyInt ?? throw Err.Type($"__index__ returned non-int (type {r.Type.Name})");
    }

    public static long IndexLong(PyObject o)
    {
        var i = Index(o);
        if (!i.IsSmall)
            throw Err.New(PyType.IndexError, $"cannot fit 'int' into an index-sized integer");
        return i.Small;
    }

    public static int IndexInt(PyObject o)
    {
        long v = IndexLong(o);
        if (v is > int.MaxValue or < int.MinValue)
            throw Err.New(PyType.IndexError, $"cannot fit 'int' into an index-sized integer");
        return (int)v;
    }

    public static BigInteger BigOf(PyObject o) => Index(o).Value;

    // ---------------------------------------------------------------- containers

    public static long Len(PyObject o)
    {
        switch (o)
        {
            case PyStr s when o.GetType() == typeof(PyStr):
                return s.Length;
            case PyList l when o.GetType() == typeof(PyList):
                return l.Count;
            case PyTuple t when o.GetType() == typeof(PyTuple):
                return t.Count;
        }
        var slot = o.Type.Len ?? throw Err.Type($"object of type '{o.Type.Name}' has no len()");
        return slot(o);
    }

    public static PyObject GetItem(PyObject o, PyObject key)
    {
        if (ExactListIndex(o, key, out int index))
        {
            return Unsafe.As<PyList>(o)[index];
        }
        else if (o.GetType() == typeof(PyDict))
        {
            if (Unsafe.As<PyDict>(o).TryGetValue(key, out var v))
                return v;
        }
        var slot = o.Type.GetItem;
        if (slot is null)
        {
            if (o is PyType t)
            {
                if (t.Lookup("__class_getitem__") is { } cg)
                    return Call(BindDescriptor(cg, null, t), [key]);
                throw Err.Type($"type '{t.Name}' is not subscriptable");
            }
            throw Err.Type($"'{o.Type.Name}' object is not subscriptable");
        }
        return slot(o, key);
    }

    /// <summary>The fast path of list[int]: an exact list, an exact small int, in range after counting from the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool ExactListIndex(PyObject o, PyObject key, out int index)
    {
        index = 0;
        if (o.GetType() != typeof(PyList) || key.GetType() != typeof(PyInt))
            return false;
        var k = Unsafe.As<PyInt>(key);
        if (!k.IsSmall)
            return false;
        int count = Unsafe.As<PyList>(o).Count;
        long i = k.Small < 0 ? k.Small + count : k.Small;
        if ((ulong)i >= (ulong)count)
            return false;
        index = (int)i;
        return true;
    }

    public static void SetItem(PyObject o, PyObject key, PyObject value)
    {
        if (ExactListIndex(o, key, out int index))
        {
            Unsafe.As<PyList>(o)[index] = value;
            return;
        }
        else if (o.GetType() == typeof(PyDict))
        {
            Unsafe.As<PyDict>(o).SetItem(key, value);
            return;
        }
        var slot = o.Type.SetItem ?? throw Err.Type($"'{o.Type.Name}' object does not support item assignment");
        slot(o, key, value);
    }

    public static void DelItem(PyObject o, PyObject key)
    {
        var slot = o.Type.SetItem ?? throw Err.Type($"'{o.Type.Name}' object does not support item deletion");
        slot(o, key, null);
    }

    /// <summary>The <c>in</c> operator (PySequence_Contains): <c>__contains__</c>, else iteration.</summary>
    public static bool Contains(PyObject container, PyObject item)
    {
        var slot = container.Type.Contains;
        if (slot is not null)
            return slot(container, item);
        var it = GetIterOrNull(container) ?? throw Err.Type($"argument of type '{container.Type.Name}' is not iterable");
        while (Next(it) is { } x)
            if (ReferenceEquals(x, item) || Eq(x, item))
                return true;
        return false;
    }

    // ---------------------------------------------------------------- iteration

    public static PyObject GetIter(PyObject o) =>
        GetIterOrNull(o) ?? throw Err.Type($"'{o.Type.Name}' object is not iterable");

    public static PyObject? GetIterOrNull(PyObject o)
    {
        var t = o.Type;
        if (t.Iter is { } slot)
            return slot(o);
        if (t.GetItem is not null && t.Lookup("__getitem__") is not null and not PyNone)
            return new PySeqIter(o);
        return null;
    }

    /// <summary>The next item, or null when the iterator is exhausted (StopIteration swallowed).</summary>
    public static PyObject? Next(PyObject iterator)
    {
        var slot = iterator.Type.Next ?? throw Err.Type($"'{iterator.Type.Name}' object is not an iterator");
        return slot(iterator);
    }

    public static List<PyObject> ToList(PyObject iterable)
    {
        switch (iterable)
        {
            case PyList l when iterable.GetType() == typeof(PyList):
                return [.. l.AsSpan()];
            case PyTuple t when iterable.GetType() == typeof(PyTuple):
                return [.. t.Items];
        }
        var it = GetIter(iterable);
        var list = new List<PyObject>();
        while (Next(it) is { } x)
            list.Add(x);
        return list;
    }

    public static PyObject[] ToArray(PyObject iterable)
    {
        switch (iterable)
        {
            case PyTuple t when iterable.GetType() == typeof(PyTuple):
                return t.Items;
            case PyList l when iterable.GetType() == typeof(PyList):
                return l.ToArray();
        }
        return ToList(iterable).ToArray();
    }

    // ---------------------------------------------------------------- calls

    public static PyObject Call(PyObject callable, ReadOnlySpan<PyObject> args, PyTuple? kwnames = null)
    {
        switch (callable)
        {
            case PyFunction f:
                return Eval.CallFunction(f, args, kwnames);
            case PyBuiltinFunction b:
                return b.Body(args, kwnames);
            case PyMethodDescriptor d:
                if (args.Length - (kwnames?.Count ?? 0) < 1)
                    throw Err.Type($"unbound method {d.Owner.Name}.{d.Name}() needs an argument");
                CheckDescriptorSelf(d.Owner, d.Name, args[0]);
                return d.Body(args[0], args[1..], kwnames);
            case PyBuiltinMethod bm:
                return bm.Descriptor.Body(bm.Self, args, kwnames);
            case PyMethod m:
                return CallWithSelf(m.Function, m.Self, args, kwnames);
        }
        var slot = callable.Type.Call ?? throw Err.Type($"'{callable.Type.Name}' object is not callable");
        using var guard = Recursion.Enter(" while calling a Python object");
        return slot(callable, args, kwnames);
    }

    public static void CheckDescriptorSelf(PyType owner, string name, PyObject self)
    {
        if (!self.Type.IsSubtypeOf(owner))
            throw Err.Type($"descriptor '{name}' for '{owner.Name}' objects doesn't apply to a '{self.Type.Name}' object");
    }

    /// <summary>Calls <paramref name="function"/> with <paramref name="self"/> prepended to the arguments.</summary>
    public static PyObject CallWithSelf(PyObject function, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        if (function is PyFunction f)
            return Eval.CallFunction(f, self, args, kwnames);
        if (function is PyMethodDescriptor d)
        {
            CheckDescriptorSelf(d.Owner, d.Name, self);
            return d.Body(self, args, kwnames);
        }
        var all = new PyObject[args.Length + 1];
        all[0] = self;
        args.CopyTo(all.AsSpan(1));
        return Call(function, all, kwnames);
    }

    /// <summary>PyCallable_Check.</summary>
    public static bool IsCallable(PyObject o) => o is PyFunction or PyBuiltinFunction or PyMethod or PyType or PyBuiltinMethod || o.Type.Call is not null;

    public static PyObject Call(PyObject callable) => Call(callable, ReadOnlySpan<PyObject>.Empty);

    public static PyObject Call(PyObject callable, PyObject a) => Call(callable, [a]);

    /// <summary>Calls with a tuple of positional arguments and a dict of keyword arguments (CALL_FUNCTION_EX).</summary>
    public static PyObject CallEx(PyObject callable, PyObject[] args, PyDict? kwargs)
    {
        if (kwargs is null || kwargs.Count == 0)
            return Call(callable, args);
        var all = new PyObject[args.Length + kwargs.Count];
        args.CopyTo(all, 0);
        var names = new PyObject[kwargs.Count];
        int pos = 0, n = 0;
        while (kwargs.Next(ref pos, out var k, out var v))
        {
            if (k is not PyStr)
                throw Err.Type("keywords must be strings");
            names[n] = k;
            all[args.Length + n] = v;
            n++;
        }
        return Call(callable, all, new PyTuple(names));
    }

    /// <summary>Looks a special method up on the type (never the instance) and calls it bound: <c>_PyObject_LookupSpecial</c>.</summary>
    public static PyObject? CallSpecial(PyObject self, string name, ReadOnlySpan<PyObject> args)
    {
        var f = self.Type.Lookup(name);
        if (f is null)
            return null;
        return CallWithSelfDescriptor(f, self, args);
    }

    internal static PyObject CallWithSelfDescriptor(PyObject f, PyObject self, ReadOnlySpan<PyObject> args)
    {
        if (f is PyFunction or PyMethodDescriptor)
            return CallWithSelf(f, self, args, null);
        var bound = BindDescriptor(f, self, self.Type);
        return Call(bound, args);
    }

    /// <summary>descr.__get__(obj, type) when the object is a descriptor, else the object itself.</summary>
    public static PyObject BindDescriptor(PyObject descr, PyObject? obj, PyType type)
    {
        var get = descr.Type.DescrGet;
        return get is null ? descr : get(descr, obj, type);
    }

    public static bool IsInstance(PyObject o, PyType t) => o.Type.IsSubtypeOf(t);
}

public static partial class Ops
{
    /// <summary>Calls an attribute found on the type as a method of <paramref name="self"/> (binding it as its descriptor says).</summary>
    public static PyObject CallDunderFunction(PyObject f, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kw) =>
        f is PyFunction or PyMethodDescriptor ? CallWithSelf(f, self, args, kw) : Call(BindDescriptor(f, self, self.Type), args, kw);
}
