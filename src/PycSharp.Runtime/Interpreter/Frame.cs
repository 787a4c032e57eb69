using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Interpreter;

/// <summary>
/// One activation of a code object (Include/internal/pycore_frame.h _PyInterpreterFrame): the fast locals, cells
/// and value stack share one array, as in CPython; <see cref="Ip"/> and <see cref="Sp"/> are saved when the frame
/// suspends (a generator's yield) or calls out.
/// </summary>
public sealed class Frame
{
    public Frame(PyCodeObject code, PyDict globals, PyDict builtins, PyObject? locals)
    {
        Code = code;
        Globals = globals;
        Builtins = builtins;
        Locals = locals;
        Fast = new PyObject[code.NLocalsPlus + code.StackSize];
        Sp = code.NLocalsPlus;
    }

    public readonly PyCodeObject Code;
    public readonly PyObject[] Fast;
    public int Sp;
    public int Ip;
    /// <summary>The instruction being executed (or last executed): f_lasti as a decoded index.</summary>
    public int LastI = -1;
    public PyDict Globals;
    public PyDict Builtins;
    /// <summary>The locals mapping of module and class bodies (null in functions).</summary>
    public PyObject? Locals;
    public PyFunction? Function;
    public Frame? Back;
    /// <summary>The keyword names KW_NAMES sets for the next CALL (3.11, 3.12).</summary>
    public PyTuple? KwNames;
    public bool Finished;
    /// <summary>The generator, coroutine or async generator that owns this frame, if any.</summary>
    public PyGenerator? Generator;

    /// <summary>A traceback entry refers to this frame, so it outlives the call and is never reused.</summary>
    internal bool Escaped;

    /// <summary>Set by the instruction that raises to re-raise (a bare raise, RERAISE, the end of a throw()): the
    /// exception keeps its traceback and context. Read and reset by the handler in Eval.Loop.</summary>
    internal bool Reraising;
    /// <summary>RERAISE's lasti operand as an instruction index, for the traceback; -1 when there is none.</summary>
    internal int ReraiseLasti = -1;

    public int? CurrentLine => Code.LineOf(LastI);

    /// <summary>
    /// A finished plain function frame kept by its code object (a short free list) for the next call (CPython 3.11+ takes frames from
    /// a per-thread stack instead of the heap for the same reason: a call should not cost an allocation). Only a
    /// frame nothing else refers to comes here: not a generator's, not one a traceback names.
    /// </summary>
    internal static Frame Take(PyCodeObject code, PyDict globals, PyDict builtins)
    {
        var f = code.SpareFrame;
        if (f is null)
            return new Frame(code, globals, builtins, null);
        code.SpareFrame = f._nextSpare;
        code.SpareCount--;
        f._nextSpare = null;
        f.Globals = globals;
        f.Builtins = builtins;
        return f;
    }

    /// <summary>Gives a finished frame back to its code object, emptied, unless something may still hold it.</summary>
    internal void Recycle()
    {
        if (Escaped || Generator is not null || Code.SpareCount >= MaxSpares)
            return;
        Array.Clear(Fast);
        Sp = Code.NLocalsPlus;
        Ip = 0;
        LastI = -1;
        Locals = null;
        Function = null;
        Back = null;
        KwNames = null;
        Finished = false;
        _nextSpare = Code.SpareFrame;
        Code.SpareFrame = this;
        Code.SpareCount++;
    }

    /// <summary>Frames kept per code object: enough for recursion a few dozen deep to allocate nothing.</summary>
    private const int MaxSpares = 64;
    private Frame? _nextSpare;
}

/// <summary>
/// The handled-exception stack (Include/cpython/pystate.h _PyErr_StackItem): the thread's own item, plus one per
/// running generator, linked outwards. PUSH_EXC_INFO and POP_EXCEPT change the top item's value.
/// </summary>
public sealed class ExcInfo
{
    public PyObject? Value;
    public ExcInfo? Previous;
}

/// <summary>
/// One thread's interpreter state (Include/cpython/pystate.h PyThreadState): the frame being run, the
/// handled-exception stack, the recursion depth and the interrupt request. One object reached through one
/// thread-static, so that a call touches thread-local storage once.
/// </summary>
public sealed class VmThreadState
{
    public Frame? Frame;
    public ExcInfo ExcInfo = new();
    /// <summary>Python frames plus, until 3.11, native re-entries (repr, comparisons, calls into native code).</summary>
    public int Depth;
    /// <summary>From 3.12: native re-entries, counted apart against <see cref="NativeLimit"/> (0: they count in
    /// <see cref="Depth"/>).</summary>
    public int NativeDepth;
    public int NativeLimit;
    /// <summary>Requests KeyboardInterrupt at the next backward jump (the eval breaker of Python/ceval_gil.c).</summary>
    public CancellationToken Interrupt;
}

/// <summary>Per-thread interpreter state: the frame being run and the handled-exception stack.</summary>
public static class VmThread
{
    [ThreadStatic] private static VmThreadState? t_state;

    public static VmThreadState State => t_state ??= new VmThreadState();

    public static ExcInfo ExcInfo
    {
        get => State.ExcInfo;
        set => State.ExcInfo = value;
    }

    public static Frame? CurrentFrame => State.Frame;

    /// <summary>_PyErr_GetTopmostException: the innermost item that holds an exception.</summary>
    public static PyObject? TopmostException()
    {
        for (var e = ExcInfo; e is not null; e = e.Previous)
            if (e.Value is not null and not PyNone)
                return e.Value;
        return null;
    }
}
