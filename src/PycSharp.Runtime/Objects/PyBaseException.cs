using PycSharp.Runtime.Interpreter;

namespace PycSharp.Runtime.Objects;

/// <summary>An instance of BaseException or a subclass (Objects/exceptions.c): args, traceback and the chain.</summary>
public class PyBaseException : PyInstance
{
    public PyBaseException(PyType type, PyTuple args) : base(type) => Args = args;

    public PyTuple Args;
    public PyTraceback? Traceback;
    public PyObject? Cause;
    public PyObject? Context;
    public bool SuppressContext;
    /// <summary>Set by RAISE_VARARGS, which chains the context itself, for the frame's handler to skip it.</summary>
    internal bool Chained;

    /// <summary>StopIteration.value, SystemExit.code, KeyError etc. keep nothing extra; these few do.</summary>
    public PyObject? Extra;
    /// <summary>AttributeError.name (its obj is <see cref="Extra"/>).</summary>
    public PyObject? AttrName;

    /// <summary>OSError, UnicodeError and AttributeError members (Builtins/ExceptionSubtypes.cs), null while unset.</summary>
    internal PyObject?[]? Members;

    /// <summary>BaseExceptionGroup: the message and the nested exceptions.</summary>
    public PyObject? GroupMessage;
    public PyTuple? GroupExceptions;
}

/// <summary>A traceback entry (tb_frame, tb_lasti, tb_lineno, tb_next), newest frame last.</summary>
public sealed class PyTraceback(Frame frame, int instruction, PyTraceback? next) : PyObject
{
    public readonly Frame Frame = frame;
    /// <summary>Index into the frame's decoded instructions of the instruction that was running.</summary>
    public readonly int Instruction = instruction;
    public PyTraceback? Next = next;
    public override PyType Type => PyType.TracebackType;
}

/// <summary>
/// The C# exception that carries a Python exception up the C# stack (through native calls and the interpreter's
/// own recursion). The interpreter loop catches it at every Python frame to consult the exception table.
/// </summary>
public sealed class PyException(PyBaseException value) : Exception
{
    public readonly PyBaseException Value = value;

    public override string Message => Ops.ExceptionText(Value);
}
