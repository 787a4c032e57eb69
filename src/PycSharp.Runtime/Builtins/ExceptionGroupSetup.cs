using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>
/// BaseExceptionGroup and ExceptionGroup (Objects/exceptions.c): construction, message/exceptions, derive(),
/// split() and subgroup(), and the leaf projection the interpreter uses for except* (_PyExc_PrepReraiseStar).
/// </summary>
internal static class ExceptionGroupSetup
{
    public static void Install()
    {
        var eg = PyType.BaseExceptionGroup;
        eg.New = New;
        // BaseExceptionGroup_init: no keywords, then BaseException_init (args = the call's arguments).
        eg.Init = (self, args, kw) =>
        {
            Args.NoKeywords(self.Type.Name, kw);
            ((PyBaseException)self).Args = PyTuple.Of(args);
        };
        // BaseExceptionGroup_str: "%S (%zd sub-exception%s)".
        eg.Str = o =>
        {
            var e = (PyBaseException)o;
            int n = e.GroupExceptions?.Count ?? 0;
            return PyStr.Of($"{Ops.StrText(e.GroupMessage ?? PyStr.Empty)} ({n} sub-exception{(n > 1 ? "s" : "")})");
        };
        TypeSetup.Getter(eg, "message", o => ((PyBaseException)o).GroupMessage ?? PyStr.Empty);
        TypeSetup.Getter(eg, "exceptions", o => (PyObject?)((PyBaseException)o).GroupExceptions ?? PyTuple.Empty);
        TypeSetup.Method(eg, "derive", (self, a, k) =>
        {
            Args.Exactly("derive", a, k, 1);
            return Create(((PyBaseException)self).GroupMessage ?? PyStr.Empty, a[0]);
        });
        TypeSetup.Method(eg, "split", (self, a, k) =>
        {
            Args.Exactly("split", a, k, 1);
            var (match, rest) = SplitRecursive((PyBaseException)self, Matcher.For(a[0]), constructRest: true);
            return PyTuple.Of(match ?? PyNone.Instance, rest ?? PyNone.Instance);
        });
        TypeSetup.Method(eg, "subgroup", (self, a, k) =>
        {
            Args.Exactly("subgroup", a, k, 1);
            return SplitRecursive((PyBaseException)self, Matcher.For(a[0]), constructRest: false).Match ?? PyNone.Instance;
        });
    }

    public static bool IsGroup(PyObject o) => o.Type.IsSubtypeOf(PyType.BaseExceptionGroup);

    /// <summary>_PyExc_CreateExceptionGroup: BaseExceptionGroup(msg, excs), which picks ExceptionGroup when it can.</summary>
    public static PyObject Create(PyObject msg, PyObject excs) => Ops.Call(PyType.BaseExceptionGroup, [msg, excs]);

    /// <summary>BaseExceptionGroup_new: argument checks and the choice between the two built-in group types.</summary>
    private static PyObject New(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kw)
    {
        var pos = Args.Split(args, kw, out _);
        if (pos.Length != 2)
            throw Err.Type($"BaseExceptionGroup.__new__() takes exactly 2 arguments ({pos.Length} given)");
        if (pos[0] is not PyStr msg)
            throw Err.Type($"BaseExceptionGroup.__new__() argument 1 must be str, not {pos[0].Type.Name}");
        var seq = pos[1];
        if (seq.Type.GetItem is null || seq.Type.IsSubtypeOf(PyType.DictType))
            throw Err.Type("second argument (exceptions) must be a sequence");
        var excs = Ops.ToArray(seq);
        if (excs.Length == 0)
            throw Err.Value("second argument (exceptions) must be a non-empty sequence");
        bool nestedBase = false;
        for (int i = 0; i < excs.Length; i++)
        {
            if (excs[i] is not PyBaseException)
                throw Err.Value($"Item {i} of second argument (exceptions) is not an exception");
            if (!excs[i].Type.IsSubtypeOf(PyType.Exception))
                nestedBase = true;
        }
        var cls = type;
        if (ReferenceEquals(cls, PyType.ExceptionGroup))
        {
            if (nestedBase)
                throw Err.Type("Cannot nest BaseExceptions in an ExceptionGroup");
        }
        else if (ReferenceEquals(cls, PyType.BaseExceptionGroup))
        {
            if (!nestedBase)
                cls = PyType.ExceptionGroup;
        }
        else if (nestedBase && cls.IsSubtypeOf(PyType.Exception))
        {
            throw Err.Type($"Cannot nest BaseExceptions in '{cls.Name}'");
        }
        var e = (PyBaseException)cls.Allocate!(cls);
        e.Args = PyTuple.Of(pos);
        e.GroupMessage = msg;
        e.GroupExceptions = PyTuple.Of(excs);
        return e;
    }

    /// <summary>The three matcher kinds of exceptiongroup_split_check_match.</summary>
    public readonly struct Matcher
    {
        private readonly PyObject? _value;
        private readonly bool _predicate;
        private readonly HashSet<PyObject>? _leafIds;

        private Matcher(PyObject? value, bool predicate, HashSet<PyObject>? leafIds)
        {
            _value = value;
            _predicate = predicate;
            _leafIds = leafIds;
        }

        /// <summary>
        /// get_matcher_type: a predicate (3.11/3.12: a Python function; 3.13: any callable that is not a class),
        /// an exception class, or a tuple of them.
        /// </summary>
        public static Matcher For(PyObject value)
        {
            bool modern = PyRuntime.Current.Version.Minor >= 13;
            if (modern ? value is not PyType && Ops.IsCallable(value) : value is PyFunction)
                return new Matcher(value, true, null);
            if (IsExceptionClass(value))
                return new Matcher(value, false, null);
            if (value is PyTuple t && value.GetType() == typeof(PyTuple) && t.Items.All(IsExceptionClass))
                return new Matcher(value, false, null);
            throw Err.Type(modern
                ? "expected an exception type, a tuple of exception types, or a callable (other than a class)"
                : "expected a function, exception type or tuple of exception types");
        }

        /// <summary>EXCEPTION_GROUP_MATCH_INSTANCE_IDS: the leaves (by identity) of the given exceptions.</summary>
        public static Matcher LeavesOf(IEnumerable<PyObject> excs)
        {
            var ids = new HashSet<PyObject>(ReferenceEqualityComparer.Instance);
            foreach (var e in excs)
                CollectLeafIds(e, ids);
            return new Matcher(null, false, ids);
        }

        public bool Matches(PyObject exc)
        {
            if (_leafIds is not null)
                return !IsGroup(exc) && _leafIds.Contains(exc);
            if (_predicate)
                return Ops.IsTrue(Ops.Call(_value!, exc));
            return Eval.ExceptionMatches(exc, _value!);
        }

        private static bool IsExceptionClass(PyObject o) => o is PyType t && t.IsSubtypeOf(PyType.BaseException);
    }

    /// <summary>collect_exception_group_leaf_ids.</summary>
    private static void CollectLeafIds(PyObject exc, HashSet<PyObject> ids)
    {
        if (exc is PyNone)
            return;
        if (!IsGroup(exc))
        {
            ids.Add(exc);
            return;
        }
        foreach (var e in ((PyBaseException)exc).GroupExceptions!.Items)
        {
            using var guard = Recursion.Enter(" in collect_exception_group_leaf_ids");
            CollectLeafIds(e, ids);
        }
    }

    /// <summary>exceptiongroup_split_recursive: (match, rest), either null when empty.</summary>
    public static (PyObject? Match, PyObject? Remainder) SplitRecursive(PyBaseException exc, Matcher matcher, bool constructRest)
    {
        if (matcher.Matches(exc))
            return (exc, null);
        if (!IsGroup(exc))
            return (null, constructRest ? exc : null);
        var matchList = new PyList();
        var restList = constructRest ? new PyList() : null;
        foreach (var e in exc.GroupExceptions!.Items)
        {
            (PyObject? Match, PyObject? Remainder) r;
            using (Recursion.Enter(" in exceptiongroup_split_recursive"))
                r = SplitRecursive((PyBaseException)e, matcher, constructRest);
            if (r.Match is not null)
                matchList.Append(r.Match);
            if (r.Remainder is not null)
                restList!.Append(r.Remainder);
        }
        var match = Subset(exc, matchList);
        var rest = restList is null ? null : Subset(exc, restList);
        return (match, rest);
    }

    /// <summary>exceptiongroup_subset: orig.derive(excs) carrying orig's traceback, context, cause and a copy of its notes.</summary>
    private static PyObject? Subset(PyBaseException orig, PyList excs)
    {
        if (excs.Count == 0)
            return null;
        var derived = Ops.Call(Ops.GetAttr(orig, "derive"), excs);
        if (derived is not PyBaseException eg || !IsGroup(eg))
            throw Err.Type("derive must return an instance of BaseExceptionGroup");
        if (orig.Traceback is not null)
            eg.Traceback = orig.Traceback;
        eg.Context = orig.Context;
        // PyException_SetCause also sets __suppress_context__.
        eg.Cause = orig.Cause;
        eg.SuppressContext = true;
        if (Ops.TryGetAttr(orig, "__notes__") is { } notes && notes.Type.GetItem is not null && !notes.Type.IsSubtypeOf(PyType.DictType))
            Ops.SetAttr(eg, "__notes__", PyList.Of(Ops.ToArray(notes)));
        return eg;
    }
}
