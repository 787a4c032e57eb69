namespace PycSharp.Runtime.Objects;

/// <summary>Creates Python exceptions raised by the runtime itself, with CPython's messages.</summary>
public static class Err
{
    public static PyException New(PyType type, string message) =>
        new(Make(type, PyTuple.Of(PyStr.Of(message))));

    public static PyException New(PyType type) => new(Make(type, PyTuple.Empty));

    public static PyBaseException Make(PyType type, PyTuple args)
    {
        var e = (PyBaseException)type.Allocate!(type);
        e.Args = args;
        return e;
    }

    public static PyException Type(string m) => New(PyType.TypeError, m);
    public static PyException Value(string m) => New(PyType.ValueError, m);
    public static PyException Index(string m) => New(PyType.IndexError, m);
    public static PyException Runtime(string m) => New(PyType.RuntimeError, m);
    public static PyException Overflow(string m) => New(PyType.OverflowError, m);
    public static PyException ZeroDivision(string m) => New(PyType.ZeroDivisionError, m);
    public static PyException Name(string name) =>
        New(PyType.NameError, $"name '{name}' is not defined", name);

    public static PyException New(PyType type, string message, string name)
    {
        var e = New(type, message);
        e.Value.Extra = PyStr.Of(name);
        return e;
    }

    public static PyException Key(PyObject key) => new(Make(PyType.KeyError, PyTuple.Of(key)));

    public static PyException StopIteration(PyObject? value = null)
    {
        var e = Make(PyType.StopIteration, value is null || value is PyNone ? PyTuple.Empty : PyTuple.Of(value));
        return new PyException(e);
    }

    public static PyException Attribute(PyObject obj, PyStr name)
    {
        string text = obj switch
        {
            PyModule m => $"module '{m.Name}' has no attribute '{name.Value}'",
            PyType t => $"type object '{t.Name}' has no attribute '{name.Value}'",
            _ => $"'{obj.Type.Name}' object has no attribute '{name.Value}'",
        };
        var e = New(PyType.AttributeError, text);
        e.Value.Extra = obj;
        e.Value.AttrName = name;
        return e;
    }

    public static bool Matches(PyException e, PyType type) => e.Value.Type.IsSubtypeOf(type);

    /// <summary>The Python exception a routine of PycSharp.Runtime.Text reported by its type name and message.</summary>
    /// <summary>
    /// A .NET exception thrown while running Python code becomes a Python exception at the frame it reaches, so
    /// the program can handle it and the process never dies of it: the text routines' errors by name, memory and
    /// stack exhaustion as MemoryError and RecursionError, anything else (a VM defect) as SystemError.
    /// </summary>
    public static PyException FromHost(Exception e) => e switch
    {
        PyException pe => pe,
        Text.PyTextException te => From(te),
        OutOfMemoryException => New(PyType.MemoryError),
        InsufficientExecutionStackException => New(PyType.RecursionError, "maximum recursion depth exceeded"),
        _ => New(PyType.SystemError, $"PycSharp internal error: {e.GetType().Name}: {e.Message}"),
    };

    public static PyException From(Text.PyTextException e)
    {
        var type = PyType.ExceptionTypes.FirstOrDefault(t => t.Name == e.PythonType) ?? PyType.ValueError;
        return e.Message.Length == 0 ? New(type) : New(type, e.Message);
    }
}
