using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>BaseException and its subclasses (Objects/exceptions.c).</summary>
internal static class ExceptionSetup
{
    public static void Install()
    {
        var t = PyType.BaseException;
        t.Allocate = type => new PyBaseException(type, PyTuple.Empty);
        t.New = (type, args, kw) =>
        {
            var e = (PyBaseException)type.Allocate!(type);
            e.Args = PyTuple.Of(Args.Split(args, kw, out _));
            return e;
        };
        t.Init = (self, args, kw) =>
        {
            if (kw is { Count: > 0 } && ReferenceEquals(self.Type.Init, PyType.BaseException.Init) && self.Type.IsHeapType == false)
                throw Err.Type($"{self.Type.Name}() takes no keyword arguments");
            ((PyBaseException)self).Args = PyTuple.Of(Args.Split(args, kw, out _));
        };
        t.Str = o =>
        {
            var a = ((PyBaseException)o).Args;
            return a.Count == 0 ? PyStr.Empty : a.Count == 1 ? Ops.Str(a[0]) : Ops.Str(a);
        };
        t.Repr = o =>
        {
            var e = (PyBaseException)o;
            string name = o.Type.Name;
            return PyStr.Of(e.Args.Count == 1 ? $"{name}({Ops.ReprText(e.Args[0])})" : $"{name}{Ops.ReprText(e.Args)}");
        };
        TypeSetup.Getter(t, "args", o => ((PyBaseException)o).Args, (o, v) => ((PyBaseException)o).Args = PyTuple.Of(Ops.ToArray(v!)));
        // The setters' checks and messages are BaseException___traceback___set_impl, ___cause___set, ___context___set.
        TypeSetup.Getter(t, "__traceback__", o => (PyObject?)((PyBaseException)o).Traceback ?? PyNone.Instance,
            (o, v) => ((PyBaseException)o).Traceback = v switch
            {
                null => throw Err.Type("__traceback__ may not be deleted"),
                PyTraceback tb => tb,
                PyNone => null,
                _ => throw Err.Type("__traceback__ must be a traceback or None"),
            });
        TypeSetup.Getter(t, "__cause__", o => ((PyBaseException)o).Cause ?? PyNone.Instance, (o, v) =>
        {
            var e = (PyBaseException)o;
            e.Cause = ChainLink(v, "__cause__", "cause");
            e.SuppressContext = true;
        });
        TypeSetup.Getter(t, "__context__", o => ((PyBaseException)o).Context ?? PyNone.Instance,
            (o, v) => ((PyBaseException)o).Context = ChainLink(v, "__context__", "context"));
        TypeSetup.Getter(t, "__suppress_context__", o => PyBool.Of(((PyBaseException)o).SuppressContext), (o, v) => ((PyBaseException)o).SuppressContext = Ops.IsTrue(v!));
        TypeSetup.Getter(t, "__dict__", o => o.Dict!);
        TypeSetup.Method(t, "with_traceback", (self, a, k) => { ((PyBaseException)self).Traceback = a[0] as PyTraceback; return self; });
        // BaseException_add_note: __notes__ is an ordinary attribute, created as a list on first use.
        TypeSetup.Method(t, "add_note", (self, a, k) =>
        {
            Args.Exactly("add_note", a, k, 1);
            if (a[0] is not PyStr)
                throw Err.Type($"note must be a str, not '{a[0].Type.Name}'");
            var notes = Ops.TryGetAttr(self, "__notes__");
            if (notes is null)
            {
                notes = new PyList();
                Ops.SetAttr(self, "__notes__", notes);
            }
            else if (notes is not PyList)
            {
                throw Err.Type("Cannot add note: __notes__ is not a list");
            }
            ((PyList)notes).Append(a[0]);
            return PyNone.Instance;
        });

        var stop = PyType.StopIteration;
        TypeSetup.Getter(stop, "value", o => ((PyBaseException)o).Args.Count > 0 ? ((PyBaseException)o).Args[0] : PyNone.Instance);
        var exit = PyType.SystemExit;
        TypeSetup.Getter(exit, "code", o => ((PyBaseException)o).Args.Count switch { 0 => PyNone.Instance, 1 => ((PyBaseException)o).Args[0], _ => ((PyBaseException)o).Args });
        PyType.KeyError.Str = o =>
        {
            var a = ((PyBaseException)o).Args;
            return a.Count == 1 ? Ops.Repr(a[0]) : PyType.BaseException.Str!(o);
        };
        TypeSetup.Getter(PyType.NameError, "name", o => ((PyBaseException)o).Extra ?? PyNone.Instance);
        TypeSetup.Getter(PyType.AttributeError, "obj", o => ((PyBaseException)o).Extra ?? PyNone.Instance);
        TypeSetup.Getter(PyType.AttributeError, "name", o => ((PyBaseException)o).AttrName ?? PyNone.Instance);
        TypeSetup.Getter(PyType.ImportError, "name", o => ((PyBaseException)o).Extra ?? PyNone.Instance);
        TypeSetup.Getter(PyType.ImportError, "msg", o => ((PyBaseException)o).Args.Count > 0 ? ((PyBaseException)o).Args[0] : PyNone.Instance);
        PyType.TracebackType.Repr = o => PyStr.Of($"<traceback object at 0x{Identity.Of(o):x}>");
        TypeSetup.Getter(PyType.TracebackType, "tb_lineno", o => ((PyTraceback)o).Frame.Code.LineOf(((PyTraceback)o).Instruction) is { } l ? PyInt.Of(l) : PyNone.Instance);
        TypeSetup.Getter(PyType.TracebackType, "tb_next", o => (PyObject?)((PyTraceback)o).Next ?? PyNone.Instance);

        ExceptionGroupSetup.Install();
        ExceptionSubtypes.Install();
    }

    private static PyObject? ChainLink(PyObject? v, string attr, string what) => v switch
    {
        null => throw Err.Type($"{attr} may not be deleted"),
        PyNone => null,
        PyBaseException => v,
        _ => throw Err.Type($"exception {what} must be None or derive from BaseException"),
    };
}
