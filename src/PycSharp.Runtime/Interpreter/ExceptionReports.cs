using PycSharp.Runtime.Objects;
using PycSharp.Runtime.Tracebacks;

namespace PycSharp.Runtime.Interpreter;

/// <summary>
/// Turns a live exception into the <see cref="ExceptionReport"/> the traceback printers read: every exception it
/// reaches through __cause__, __context__ and group members, numbered by identity (so cycles and repeats print
/// as CPython prints them), with each traceback entry's positions from co_positions().
/// </summary>
internal static class ExceptionReports
{
    /// <summary>
    /// sys.excepthook's default (Python/pythonrun.c PyErr_Display; 3.13 Lib/traceback.py): the traceback text of
    /// <paramref name="e"/> as the running version prints it, written to sys.stderr.
    /// </summary>
    public static void Print(PyRuntime rt, PyBaseException e)
    {
        var text = TracebackPrinter.Format(Build(e), rt.Version, SourceLines.FromFiles(name => FindSource(rt, name)));
        var stderr = rt.Sys.GetStr("stderr");
        if (stderr is PycSharp.Runtime.FileObject fo)
            fo.Write(text);
        else if (stderr is not null and not PyNone)
            Ops.Call(Ops.GetAttr(stderr, "write"), PyStr.Of(text));
        else
            rt.Stderr.Write(text);
    }

    /// <summary>
    /// Where a traceback's source line comes from: co_filename itself, relative to the program's current
    /// directory, else under each sys.path entry (Python/traceback.c _Py_FindSourceFile, linecache.updatecache).
    /// </summary>
    private static string? FindSource(PyRuntime rt, string filename)
    {
        var direct = Path.Combine(rt.WorkingDirectory, filename);
        if (File.Exists(direct) || Path.IsPathRooted(filename))
            return direct;
        foreach (var entry in rt.SearchPath)
        {
            var candidate = Path.Combine(entry, filename);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    public static ExceptionReport Build(PyBaseException root)
    {
        var index = new Dictionary<PyBaseException, int>(ReferenceEqualityComparer.Instance);
        var list = new List<ReportedException>();
        Visit(root, index, list);
        return new ExceptionReport(list, 0);
    }

    private static int Visit(PyBaseException e, Dictionary<PyBaseException, int> index, List<ReportedException> list)
    {
        if (index.TryGetValue(e, out var i))
            return i;
        i = list.Count;
        index[e] = i;
        list.Add(null!);
        var frames = new List<TracebackFrame>();
        for (var tb = e.Traceback; tb is not null; tb = tb.Next)
        {
            var code = tb.Frame.Code;
            var p = code.PositionsOf(tb.Instruction);
            frames.Add(new TracebackFrame(code.Filename, p.Line, code.Name.Value, p.EndLine, p.Column, p.EndColumn));
        }
        int? cause = e.Cause is PyBaseException c ? Visit(c, index, list) : null;
        int? context = e.Context is PyBaseException x ? Visit(x, index, list) : null;
        List<int>? members = null;
        if (e.Type.IsSubtypeOf(PyType.BaseExceptionGroup) && e.GroupExceptions is { } group)
        {
            members = [];
            foreach (var m in group.Items)
                if (m is PyBaseException me)
                    members.Add(Visit(me, index, list));
        }
        list[i] = new ReportedException(TypeModule(e.Type), e.Type.QualName, Str(e), frames)
        {
            Cause = cause,
            Context = context,
            SuppressContext = e.SuppressContext,
            Notes = Notes(e),
            GroupMembers = members,
            Suggestion = Suggestions.For(e),
        };
        return i;
    }

    private static string? TypeModule(PyType t)
    {
        if (!t.IsHeapType)
            return t.Module;
        return t.TypeDict.GetStr("__module__") is PyStr s ? s.Value : null;
    }

    private static string? Str(PyObject o)
    {
        try
        {
            return Ops.StrText(o);
        }
        catch (PyException)
        {
            return null;
        }
    }

    private static string? Repr(PyObject o)
    {
        try
        {
            return Ops.ReprText(o);
        }
        catch (PyException)
        {
            return null;
        }
    }

    /// <summary>__notes__ as the printers read it (Python/pythonrun.c print_exception_notes, traceback.py).</summary>
    private static ExceptionNotes? Notes(PyBaseException e)
    {
        PyObject notes;
        try
        {
            notes = Ops.GetAttr(e, "__notes__");
        }
        catch (PyException)
        {
            return null;
        }
        if (notes is PyNone)
            return null;
        bool strOrBytes = notes is PyStr or PyBytes;
        List<string?>? items = null;
        if (notes is PyList or PyTuple or PyStr or PyBytes || (notes is not PyDict && notes.Type.Lookup("__getitem__") is not null))
        {
            try
            {
                items = [];
                foreach (var item in Ops.ToList(notes))
                    items.Add(Str(item));
            }
            catch (PyException)
            {
                items = null;
            }
        }
        return new ExceptionNotes(items, Repr(notes), strOrBytes);
    }
}
