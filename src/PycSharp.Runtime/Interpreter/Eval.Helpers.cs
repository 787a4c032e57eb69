using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Interpreter;

public static partial class Eval
{
    private static int LoadSuperAttr(Frame f, PyObject[] fast, int sp, Instr ins)
    {
        // LOAD_SUPER_ATTR (3.12+): [global super, __class__, self] -> attribute; bit 1: super() was called with args.
        var self = fast[--sp];
        var cls = fast[--sp];
        var superFn = fast[--sp];
        var name = f.Code.Names[ins.Arg >> 2];
        PyObject sup;
        if (ReferenceEquals(superFn, PyType.SuperType) && cls is PyType t)
            sup = Builtins.SuperMethods.Make(t, self);
        else
            sup = Ops.Call(superFn, (ins.Arg & 2) != 0 ? [cls, self] : []);
        if (ins.Op == Op.LoadSuperMethod)
        {
            if (sup is PySuper s && Builtins.SuperMethods.FindInMro(s, name) is PyFunction fn && s.Obj is not null && !ReferenceEquals(s.Obj, s.ObjType))
            {
                ObjectArray.Put(fast, sp++, fn);
                ObjectArray.Put(fast, sp++, s.Obj);
                return sp;
            }
            ObjectArray.Put(fast, sp++, Ops.GetAttr(sup, name));
            ObjectArray.Put(fast, sp++, null!);
            return sp;
        }
        ObjectArray.Put(fast, sp++, Ops.GetAttr(sup, name));
        return sp;
    }

    private static void ListExtend(PyList list, PyObject iterable)
    {
        if (iterable is PyTuple t && iterable.GetType() == typeof(PyTuple))
        {
            list.Extend(t.Items);
            return;
        }
        if (iterable is PyList l && iterable.GetType() == typeof(PyList))
        {
            list.Extend(l.ToArray());
            return;
        }
        var it = Ops.GetIterOrNull(iterable) ?? throw Err.Type($"Value after * must be an iterable, not {iterable.Type.Name}");
        while (Ops.Next(it) is { } x)
            list.Append(x);
    }

    private static void DictUpdate(PyDict target, PyObject other, bool merge, PyObject? callable)
    {
        if (other is PyDict d)
        {
            int pos = 0;
            while (d.Next(ref pos, out var k, out var v))
            {
                if (merge && target.ContainsKey(k))
                    throw Err.Type($"{FunctionDescription(callable)} got multiple values for keyword argument '{Ops.StrText(k)}'");
                target.SetItem(k, v);
            }
            return;
        }
        var keysFn = Ops.TryGetAttr(other, "keys");
        if (keysFn is null)
        {
            if (merge)
                throw Err.Type($"{FunctionDescription(callable)} argument after ** must be a mapping, not {other.Type.Name}");
            throw Err.Type($"'{other.Type.Name}' object is not a mapping");
        }
        var keys = Ops.GetIter(Ops.Call(keysFn));
        while (Ops.Next(keys) is { } k)
        {
            if (merge && target.ContainsKey(k))
                throw Err.Type($"{FunctionDescription(callable)} got multiple values for keyword argument '{Ops.StrText(k)}'");
            target.SetItem(k, Ops.GetItem(other, k));
        }
    }

    /// <summary>
    /// How call errors name the function (Objects/object.c _PyObject_FunctionStr): "module.qualname()" from its
    /// __qualname__ and __module__ ("builtins" left out), else "TYPE object".
    /// </summary>
    internal static string FunctionDescription(PyObject? callable)
    {
        if (callable is null)
            return "function";
        try
        {
            if (Ops.TryGetAttr(callable, PyStr.Intern("__qualname__")) is not PyStr qualname)
                return callable.Type.Name + " object";
            return Ops.TryGetAttr(callable, PyStr.Intern("__module__")) is PyStr module && module.Value != "builtins"
                ? $"{module.Value}.{qualname.Value}()"
                : qualname.Value + "()";
        }
        catch (PyException)
        {
            return callable.Type.Name + " object";
        }
    }

    /// <summary>CALL_FUNCTION_EX's positional arguments when they are no exact tuple (check_args_iterable, then PySequence_Tuple).</summary>
    private static PyObject[] StarArgs(PyObject callable, PyObject callargs)
    {
        if (callargs.Type.Iter is null && callargs.Type.Lookup("__getitem__") is null)
            throw Err.Type($"{FunctionDescription(callable)} argument after * must be an iterable, not {callargs.Type.Name}");
        return Ops.ToList(callargs).ToArray();
    }

    private static int UnpackSequence(PyObject[] fast, int sp, int n)
    {
        var seq = fast[--sp];
        if (seq is PyTuple t && seq.GetType() == typeof(PyTuple) && t.Count == n)
        {
            for (int k = 0; k < n; k++)
                ObjectArray.Put(fast, sp + k, t.Items[n - 1 - k]);
            return sp + n;
        }
        if (seq is PyList l && seq.GetType() == typeof(PyList) && l.Count == n)
        {
            for (int k = 0; k < n; k++)
                ObjectArray.Put(fast, sp + k, l[n - 1 - k]);
            return sp + n;
        }
        var it = Ops.GetIterOrNull(seq) ?? throw Err.Type($"cannot unpack non-iterable {seq.Type.Name} object");
        var items = new PyObject[n];
        for (int k = 0; k < n; k++)
        {
            items[k] = Ops.Next(it) ?? throw Err.Value(
                $"not enough values to unpack (expected {n}, got {k})");
        }
        // 3.11-3.13 never say how many there were (", got N" is 3.14's, Python/ceval.c unpack_iterable).
        if (Ops.Next(it) is not null)
            throw Err.Value($"too many values to unpack (expected {n})");
        for (int k = 0; k < n; k++)
            ObjectArray.Put(fast, sp + k, items[n - 1 - k]);
        return sp + n;
    }

    private static int UnpackEx(PyObject[] fast, int sp, int before, int after)
    {
        var seq = fast[--sp];
        var it = Ops.GetIterOrNull(seq) ?? throw Err.Type($"cannot unpack non-iterable {seq.Type.Name} object");
        var all = new List<PyObject>();
        while (Ops.Next(it) is { } x)
            all.Add(x);
        if (all.Count < before + after)
            throw Err.Value($"not enough values to unpack (expected at least {before + after}, got {all.Count})");
        var result = new PyObject[before + 1 + after];
        for (int k = 0; k < before; k++)
            result[k] = all[k];
        result[before] = PyList.Of(all.GetRange(before, all.Count - before - after).ToArray());
        for (int k = 0; k < after; k++)
            result[before + 1 + k] = all[all.Count - after + k];
        for (int k = 0; k < result.Length; k++)
            ObjectArray.Put(fast, sp + k, result[result.Length - 1 - k]);
        return sp + result.Length;
    }

    private static readonly int[] s_functionFlags = [8, 4, 2, 1];

    private static int MakeFunction(Frame f, PyObject[] fast, int sp, int flags)
    {
        var code = (PyCodeObject)fast[--sp];
        var fn = new PyFunction(code, f.Globals, code.QualName, f.Builtins);
        // 3.11/3.12: the flagged values sit below the code object, highest flag on top.
        foreach (int flag in s_functionFlags)
            if ((flags & flag) != 0)
                SetFunctionAttribute(fn, flag, fast[--sp]);
        ObjectArray.Put(fast, sp++, fn);
        return sp;
    }

    private static void SetFunctionAttribute(PyFunction fn, int flag, PyObject value)
    {
        switch (flag)
        {
            case 1: fn.Defaults = (PyTuple)value; break;
            case 2: fn.KwDefaults = (PyDict)value; break;
            case 4: fn.Annotations = value; break;
            case 8: fn.Closure = ((PyTuple)value).Items; break;
            default: break;
        }
    }

    /// <summary>RAISE_VARARGS with an exception (Python/ceval.c do_raise): instantiate a class, set the cause.</summary>
    private static PyException MakeRaise(PyObject exc, PyObject? cause, bool hasCause)
    {
        PyBaseException value;
        if (exc is PyType t && t.IsSubtypeOf(PyType.BaseException))
        {
            var made = Ops.Call(t);
            value = made as PyBaseException ?? throw Err.Type(
                $"calling {Ops.ReprText(t)} should have returned an instance of BaseException, not {made.Type.Name}");
        }
        else if (exc is PyBaseException be)
        {
            value = be;
        }
        else
        {
            throw Err.Type("exceptions must derive from BaseException");
        }
        if (hasCause)
        {
            PyObject? c;
            if (cause is PyType ct && ct.IsSubtypeOf(PyType.BaseException))
                c = Ops.Call(ct);
            else if (cause is PyBaseException || cause is PyNone)
                c = cause is PyNone ? null : cause;
            else
                throw Err.Type("exception causes must derive from BaseException");
            value.Cause = c;
            value.SuppressContext = true;
        }
        Chain(value);
        value.Chained = true;
        return new PyException(value);
    }

    internal static void CheckExceptType(PyObject t)
    {
        if (t is PyTuple tuple)
        {
            foreach (var x in tuple.Items)
                CheckExceptType(x);
            return;
        }
        if (t is not PyType pt || !pt.IsSubtypeOf(PyType.BaseException))
            throw Err.Type("catching classes that do not inherit from BaseException is not allowed");
    }

    internal static bool ExceptionMatches(PyObject exc, PyObject t)
    {
        if (t is PyTuple tuple)
        {
            foreach (var x in tuple.Items)
                if (ExceptionMatches(exc, x))
                    return true;
            return false;
        }
        return t is PyType pt && exc.Type.IsSubtypeOf(pt);
    }

    private static int BeforeWith(PyObject[] fast, int sp)
    {
        var mgr = fast[sp - 1];
        var enter = mgr.Type.Lookup("__enter__");
        var exit = mgr.Type.Lookup("__exit__");
        if (enter is null)
            throw Err.Type($"'{mgr.Type.Name}' object does not support the context manager protocol");
        if (exit is null)
            throw Err.Type($"'{mgr.Type.Name}' object does not support the context manager protocol (missed __exit__ method)");
        ObjectArray.Put(fast, sp - 1, Ops.BindDescriptor(exit, mgr, mgr.Type));
        ObjectArray.Put(fast, sp++, Ops.CallWithSelfDescriptor(enter, mgr, []));
        return sp;
    }

    /// <summary>The !s, !r, !a conversions of f-strings (FORMAT_VALUE's low bits, CONVERT_VALUE's oparg).</summary>
    private static PyObject Convert(PyObject v, int conversion) => conversion switch
    {
        1 => Ops.Str(v),
        2 => Ops.Repr(v),
        3 => PyStr.Of(Builtins.BuiltinFunctions.AsciiText(Ops.ReprText(v))),
        _ => v,
    };

    internal static PyObject Format(PyObject v, PyObject? spec)
    {
        if (spec is null || (spec is PyStr s && s.Value.Length == 0))
        {
            if (v.GetType() == typeof(PyStr))
                return v;
            if (v.GetType() == typeof(PyInt))
                return Ops.Str(v);
        }
        return Builtins.BuiltinFunctions.Format(v, spec ?? PyStr.Empty);
    }
}
