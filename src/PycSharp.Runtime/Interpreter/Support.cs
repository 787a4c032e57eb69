using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Interpreter;

/// <summary>CALL_INTRINSIC_1 / CALL_INTRINSIC_2 (3.12+, Include/internal/pycore_intrinsics.h).</summary>
internal static class Intrinsics
{
    public static PyObject Call1(Frame f, int which, PyObject v)
    {
        switch (which)
        {
            case 1: // INTRINSIC_PRINT
                Ops.Call(PyRuntime.Current.Sys.GetStr("displayhook")!, v);
                return PyNone.Instance;
            case 2: // INTRINSIC_IMPORT_STAR
                Importer.ImportStar(f, v);
                return PyNone.Instance;
            case 3: // INTRINSIC_STOPITERATION_ERROR
                return StopIterationError(f, (PyBaseException)v);
            case 4: // INTRINSIC_ASYNC_GEN_WRAP
                return new PyAsyncGenWrappedValue(v);
            case 5: // INTRINSIC_UNARY_POSITIVE
                return Ops.Positive(v);
            case 6: // INTRINSIC_LIST_TO_TUPLE
                return PyTuple.Of(((PyList)v).ToArray());
            default:
                return Builtins.TypingSetup.Intrinsic1(f, which, v)
                    ?? throw Err.New(PyType.SystemError, $"intrinsic function {which} is not supported by the VM");
        }
    }

    public static PyObject Call2(Frame f, int which, PyObject a, PyObject b) => which switch
    {
        1 => ExceptionGroups.PrepReraiseStar(a, b),
        _ => Builtins.TypingSetup.Intrinsic2(which, a, b)
            ?? throw Err.New(PyType.SystemError, $"intrinsic function {which} (2 arguments) is not supported by the VM"),
    };

    /// <summary>Python/ceval.c stopiteration_error: PEP 479's RuntimeError in place of a StopIteration.</summary>
    private static PyObject StopIterationError(Frame f, PyBaseException exc)
    {
        string kind = (f.Code.Flags & PyCodeObject.CO_COROUTINE) != 0 ? "coroutine"
            : (f.Code.Flags & PyCodeObject.CO_ASYNC_GENERATOR) != 0 ? "async generator" : "generator";
        string? msg = null;
        if (exc.Type.IsSubtypeOf(PyType.StopIteration))
            msg = kind + " raised StopIteration";
        else if (kind == "async generator" && exc.Type.IsSubtypeOf(PyType.StopAsyncIteration))
            msg = "async generator raised StopAsyncIteration";
        if (msg is null)
            return exc;
        var error = Err.Runtime(msg).Value;
        error.Cause = exc;
        error.SuppressContext = true;
        error.Context = exc;
        return error;
    }
}

/// <summary>The pattern-matching instructions (Python/ceval.c match_class, match_keys).</summary>
internal static class Matching
{
    public static bool IsMapping(PyObject o) => o is PyDict;

    public static bool IsSequence(PyObject o) => o is PyList or PyTuple or PyRange && o is not PyStr;

    public static PyObject MatchKeys(PyObject subject, PyObject keys)
    {
        var keyItems = ((PyTuple)keys).Items;
        if (keyItems.Length == 0)
            return PyTuple.Empty;
        var values = new PyObject[keyItems.Length];
        var seen = new PySet();
        for (int i = 0; i < keyItems.Length; i++)
        {
            if (!seen.Add(keyItems[i]))
                throw Err.Value($"mapping pattern checks duplicate key ({Ops.ReprText(keyItems[i])})");
            PyObject? v;
            if (subject is PyDict d && subject.GetType() == typeof(PyDict))
                v = d.GetOrNull(keyItems[i]);
            else
            {
                var dummy = new PyInstance(PyType.ObjectType);
                var got = Ops.Call(Ops.GetAttr(subject, "get"), [keyItems[i], dummy]);
                v = ReferenceEquals(got, dummy) ? null : got;
            }
            if (v is null)
                return PyNone.Instance;
            values[i] = v;
        }
        return PyTuple.Of(values);
    }

    private static readonly HashSet<PyType> s_selfMatching = [];

    private static bool MatchesSelf(PyType t)
    {
        if (s_selfMatching.Count == 0)
        {
            foreach (var x in new[] { PyType.BoolType, PyType.ByteArrayType, PyType.BytesType, PyType.DictType, PyType.FloatType,
                PyType.FrozenSetType, PyType.IntType, PyType.ListType, PyType.SetType, PyType.StrType, PyType.TupleType })
                s_selfMatching.Add(x);
        }
        foreach (var m in t.Mro)
            if (s_selfMatching.Contains(m))
                return true;
        return false;
    }

    public static PyObject MatchClass(PyObject subject, PyObject clsObj, int nargs, PyTuple kwnames)
    {
        if (clsObj is not PyType cls)
            throw Err.Type("called match pattern must be a class");
        if (!subject.Type.IsSubtypeOf(cls))
            return PyNone.Instance;
        var attrs = new List<PyObject>();
        var seen = new HashSet<string>();
        if (nargs > 0)
        {
            var matchArgs = Ops.TryGetAttr(cls, "__match_args__");
            if (matchArgs is null)
            {
                if (MatchesSelf(cls) && nargs == 1)
                {
                    attrs.Add(subject);
                }
                else
                {
                    int allowed = MatchesSelf(cls) ? 1 : 0;
                    throw Err.Type($"{cls.Name}() accepts {allowed} positional sub-pattern{(allowed == 1 ? "" : "s")} ({nargs} given)");
                }
            }
            else
            {
                if (matchArgs is not PyTuple ma)
                    throw Err.Type($"{cls.Name}.__match_args__ must be a tuple (got {matchArgs.Type.Name})");
                if (nargs > ma.Count)
                    throw Err.Type($"{cls.Name}() accepts {ma.Count} positional sub-pattern{(ma.Count == 1 ? "" : "s")} ({nargs} given)");
                for (int i = 0; i < nargs; i++)
                {
                    if (ma[i] is not PyStr name)
                        throw Err.Type($"__match_args__ elements must be strings (got {ma[i].Type.Name})");
                    seen.Add(name.Value);
                    var v = Ops.TryGetAttr(subject, name);
                    if (v is null)
                        return PyNone.Instance;
                    attrs.Add(v);
                }
            }
        }
        foreach (var k in kwnames.Items)
        {
            var name = (PyStr)k;
            if (!seen.Add(name.Value))
                throw Err.Type($"{cls.Name}() got multiple sub-patterns for attribute '{name.Value}'");
            var v = Ops.TryGetAttr(subject, name);
            if (v is null)
                return PyNone.Instance;
            attrs.Add(v);
        }
        return PyTuple.Of(attrs.ToArray());
    }
}

/// <summary>await and async iteration helpers (Python/ceval.c, Objects/genobject.c).</summary>
internal static class Coroutines
{
    public static PyObject GetAwaitable(PyObject o, int where)
    {
        if (o is PyGenerator { Kind: GeneratorKind.Coroutine } g)
        {
            if (g.Running)
                throw Err.Runtime("coroutine is being awaited already");
            return o;
        }
        var await = o.Type.Lookup("__await__");
        if (await is null)
        {
            string ctx = where switch
            {
                1 => "'async with' received an object from __aenter__ that does not implement __await__: ",
                2 => "'async with' received an object from __aexit__ that does not implement __await__: ",
                _ => "object ",
            };
            if (where is 1 or 2)
                throw Err.Type(ctx + o.Type.Name);
            throw Err.Type($"object {o.Type.Name} can't be used in 'await' expression");
        }
        var it = Ops.CallWithSelfDescriptor(await, o, []);
        if (it is PyGenerator { Kind: GeneratorKind.Coroutine })
            throw Err.Type("__await__() returned a coroutine");
        if (it.Type.Next is null)
            throw Err.Type($"__await__() returned non-iterator of type '{it.Type.Name}'");
        return it;
    }

    public static int BeforeAsyncWith(PyObject[] fast, int sp)
    {
        var mgr = fast[sp - 1];
        var enter = mgr.Type.Lookup("__aenter__") ?? throw Err.Type($"'{mgr.Type.Name}' object does not support the asynchronous context manager protocol");
        var exit = mgr.Type.Lookup("__aexit__") ?? throw Err.Type($"'{mgr.Type.Name}' object does not support the asynchronous context manager protocol (missed __aexit__ method)");
        ObjectArray.Put(fast, sp - 1, Ops.BindDescriptor(exit, mgr, mgr.Type));
        var res = Ops.CallWithSelfDescriptor(enter, mgr, []);
        ObjectArray.Put(fast, sp++, GetAwaitable(res, 1));
        return sp;
    }

    public static PyObject GetAiter(PyObject o)
    {
        var m = o.Type.Lookup("__aiter__") ?? throw Err.Type($"'async for' requires an object with __aiter__ method, got {o.Type.Name}");
        var it = Ops.CallWithSelfDescriptor(m, o, []);
        if (it.Type.Lookup("__anext__") is null)
            throw Err.Type($"'async for' received an object from __aiter__ that does not implement __anext__: {it.Type.Name}");
        return it;
    }

    public static PyObject GetAnext(PyObject aiter)
    {
        var m = aiter.Type.Lookup("__anext__") ?? throw Err.Type($"'async for' requires an iterator with __anext__ method, got {aiter.Type.Name}");
        var awaitable = Ops.CallWithSelfDescriptor(m, aiter, []);
        try
        {
            return GetAwaitable(awaitable, 0);
        }
        catch (PyException e) when (Err.Matches(e, PyType.TypeError))
        {
            throw Err.Type($"'async for' received an invalid object from __anext__: {awaitable.Type.Name}");
        }
    }
}

/// <summary>except* support (Python/ceval.c exception_group_match, Objects/exceptions.c _PyExc_PrepReraiseStar).</summary>
internal static class ExceptionGroups
{
    /// <summary>
    /// CHECK_EG_MATCH: [exc, type] becomes [rest, match]; match is None when nothing matched (then rest is exc).
    /// A match becomes the handled exception (Python/bytecodes.c).
    /// </summary>
    public static int CheckEgMatch(Frame f, int instruction, PyObject[] fast, int sp)
    {
        var matchType = fast[sp - 1];
        var exc = fast[sp - 2];
        CheckExceptStarType(matchType);
        var (match, rest) = Match(f, instruction, exc, matchType);
        ObjectArray.Put(fast, sp - 2, rest);
        ObjectArray.Put(fast, sp - 1, match);
        if (match is not PyNone)
            VmThread.ExcInfo.Value = match;
        return sp;
    }

    /// <summary>_PyEval_CheckExceptStarTypeValid: a class deriving from BaseException, and no exception group type.</summary>
    private static void CheckExceptStarType(PyObject t)
    {
        Eval.CheckExceptType(t);
        var types = t is PyTuple tuple ? tuple.Items : [t];
        foreach (var x in types)
            if (((PyType)x).IsSubtypeOf(PyType.BaseExceptionGroup))
                throw Err.Type("catching ExceptionGroup with except* is not allowed. Use except instead.");
    }

    /// <summary>exception_group_match: (match, rest), None where empty.</summary>
    private static (PyObject Match, PyObject Remainder) Match(Frame f, int instruction, PyObject exc, PyObject matchType)
    {
        if (exc is PyNone)
            return (PyNone.Instance, PyNone.Instance);
        if (Eval.ExceptionMatches(exc, matchType))
        {
            if (ExceptionGroupSetup.IsGroup(exc))
                return (exc, PyNone.Instance);
            // A naked exception is wrapped in a group whose traceback is this frame alone.
            var wrapped = (PyBaseException)ExceptionGroupSetup.Create(PyStr.Empty, PyTuple.Of(exc));
            wrapped.Traceback = new PyTraceback(f, instruction, null);
            f.Escaped = true;
            return (wrapped, PyNone.Instance);
        }
        if (ExceptionGroupSetup.IsGroup(exc))
        {
            var pair = Ops.Call(Ops.GetAttr(exc, "split"), matchType);
            if (pair is not PyTuple t || pair.GetType() != typeof(PyTuple))
                throw Err.Type($"{exc.Type.Name}.split must return a tuple, not {pair.Type.Name}");
            if (t.Count != 2)
                throw Err.Type($"{exc.Type.Name}.split must return a 2-tuple, got tuple of size {t.Count}");
            return (t[0], t[1]);
        }
        return (PyNone.Instance, exc);
    }

    /// <summary>
    /// _PyExc_PrepReraiseStar: what leaves a try-except* statement. Exceptions in <paramref name="excs"/> with
    /// orig's traceback, cause and context were re-raised (or not handled) and keep orig's nesting; the others were
    /// raised in the handlers and become siblings of that in a new group.
    /// </summary>
    public static PyObject PrepReraiseStar(PyObject orig, PyObject excs)
    {
        var list = (PyList)excs;
        if (list.Count == 0)
            return PyNone.Instance;
        if (!ExceptionGroupSetup.IsGroup(orig))
            return list[0];
        var origExc = (PyBaseException)orig;
        var raised = new PyList();
        var reraised = new List<PyObject>();
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] is not PyBaseException e)
                continue;
            if (SameMetadata(e, origExc))
                reraised.Add(e);
            else
                raised.Append(e);
        }
        var reraisedEg = ExceptionGroupSetup.SplitRecursive(origExc, ExceptionGroupSetup.Matcher.LeavesOf(reraised), constructRest: false).Match;
        if (raised.Count == 0)
            return reraisedEg ?? PyNone.Instance;
        if (reraisedEg is not null)
            raised.Append(reraisedEg);
        return raised.Count > 1 ? ExceptionGroupSetup.Create(PyStr.Empty, raised) : raised[0];
    }

    /// <summary>is_same_exception_metadata (its notes field is never set, so traceback, cause and context decide).</summary>
    private static bool SameMetadata(PyBaseException a, PyBaseException b) =>
        ReferenceEquals(a.Traceback, b.Traceback) && ReferenceEquals(a.Cause, b.Cause) && ReferenceEquals(a.Context, b.Context);
}
