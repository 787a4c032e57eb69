using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Interpreter;

public enum GeneratorKind
{
    Generator,
    Coroutine,
    AsyncGenerator,
}

/// <summary>
/// Generators and coroutines (Objects/genobject.c): a suspended frame resumed by send/throw/close. Each keeps its
/// own item of the handled-exception stack, linked in while it runs.
/// </summary>
public sealed class PyGenerator : PyObject
{
    private PyGenerator(Frame frame, GeneratorKind kind)
    {
        Frame = frame;
        Kind = kind;
        Name = frame.Code.Name;
        QualName = frame.Function?.QualName as PyStr ?? frame.Code.QualName;
        frame.Generator = this;
    }

    public readonly Frame Frame;
    public readonly GeneratorKind Kind;
    public PyStr Name;
    public PyStr QualName;
    public bool Running;
    /// <summary>Async generators: an asend/athrow awaitable is driving the frame (ag_running_async).</summary>
    internal bool RunningAsync;
    /// <summary>Async generators: aclose() began or the frame ended by StopAsyncIteration/GeneratorExit (ag_closed).</summary>
    internal bool Closed;
    private readonly ExcInfo _excState = new();

    public bool Started => Frame.LastI >= 0 && !IsAtStart;
    private bool IsAtStart => Frame.Code.Code[Frame.LastI].Op == Op.ReturnGenerator;

    public override PyType Type => Kind switch
    {
        GeneratorKind.Coroutine => PyType.CoroutineType,
        GeneratorKind.AsyncGenerator => PyType.AsyncGeneratorType,
        _ => PyType.GeneratorType,
    };

    internal static PyGenerator Create(Frame f)
    {
        var flags = f.Code.Flags;
        var kind = (flags & PyCodeObject.CO_COROUTINE) != 0 ? GeneratorKind.Coroutine
            : (flags & PyCodeObject.CO_ASYNC_GENERATOR) != 0 ? GeneratorKind.AsyncGenerator
            : GeneratorKind.Generator;
        f.LastI = f.Ip - 1;
        return new PyGenerator(f, kind);
    }

    private string KindName => Kind switch
    {
        GeneratorKind.Coroutine => "coroutine",
        GeneratorKind.AsyncGenerator => "async generator",
        _ => "generator",
    };

    /// <summary>
    /// Runs the frame until it yields (returns false) or returns (true); the value in <paramref name="result"/>.
    /// A null <paramref name="value"/> resumes without pushing one (the caller has arranged the stack).
    /// </summary>
    public bool Resume(PyObject? value, PyException? throwIn, out PyObject result)
    {
        if (Running)
            throw Err.Value($"{KindName} already executing");
        if (Frame.Finished)
        {
            if (throwIn is not null)
                throw throwIn;
            if (Kind == GeneratorKind.Coroutine)
                throw Err.Runtime("cannot reuse already awaited coroutine");
            result = PyNone.Instance;
            return true;
        }
        if (throwIn is null && value is not null)
        {
            if (value is not PyNone && IsAtStart)
                throw Err.Type($"can't send non-None value to a just-started {KindName}");
            ObjectArray.Put(Frame.Fast, Frame.Sp++, value);
        }
        var ts = VmThread.State;
        _excState.Previous = ts.ExcInfo;
        ts.ExcInfo = _excState;
        Running = true;
        try
        {
            result = Eval.Run(Frame, throwIn, ts);
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyType.StopIteration) || (Kind == GeneratorKind.AsyncGenerator && e.Value.Type.IsSubtypeOf(PyType.StopAsyncIteration)))
        {
            // PEP 479: StopIteration escaping a generator becomes RuntimeError.
            Frame.Finished = true;
            var what = e.Value.Type.IsSubtypeOf(PyType.StopIteration) ? "StopIteration" : "StopAsyncIteration";
            var rt = Err.Runtime($"{KindName} raised {what}");
            rt.Value.Cause = e.Value;
            rt.Value.Context = e.Value;
            rt.Value.SuppressContext = true;
            throw rt;
        }
        catch (PyException)
        {
            Frame.Finished = true;
            throw;
        }
        finally
        {
            Running = false;
            ts.ExcInfo = _excState.Previous!;
            _excState.Previous = null;
        }
        return Frame.Finished;
    }

    /// <summary>gen.send(value): the yielded value, or StopIteration carrying the return value.</summary>
    public PyObject Send(PyObject value)
    {
        if (Resume(value, null, out var r))
            throw Returned(r);
        return r;
    }

    /// <summary>gen_send_ex: a finished frame signals StopIteration(value), or StopAsyncIteration for an async generator.</summary>
    private PyException Returned(PyObject value) =>
        Kind == GeneratorKind.AsyncGenerator ? Err.New(PyType.StopAsyncIteration) : Err.StopIteration(value);

    /// <summary>next(gen) for a for loop: null when the generator returns.</summary>
    public PyObject? Next() => Resume(PyNone.Instance, null, out var r) ? null : r;

    /// <summary>The object a suspended <c>yield from</c>/<c>await</c> is delegating to (Objects/genobject.c _PyGen_yf).</summary>
    private PyObject? YieldFrom()
    {
        if (Frame.Finished || Frame.LastI < 0 || IsAtStart)
            return null;
        var code = Frame.Code.Code;
        if (Frame.Ip < code.Length && code[Frame.Ip] is { Op: Op.Nop, Arg: >= 2 } && Frame.Sp > Frame.Code.NLocalsPlus)
            return Frame.Fast[Frame.Sp - 1];
        return null;
    }

    /// <summary>
    /// gen.throw(exc): raised at the yield, after delegating to a sub-iterator first. A GeneratorExit closes the
    /// sub-iterator unless <paramref name="closeOnGenExit"/> is false (aclose(), Objects/genobject.c _gen_throw).
    /// </summary>
    public PyObject Throw(PyBaseException exc, bool closeOnGenExit = true)
    {
        var yf = YieldFrom();
        if (yf is not null)
        {
            PyObject r;
            try
            {
                if (closeOnGenExit && exc.Type.IsSubtypeOf(PyType.GeneratorExit))
                {
                    CloseIterator(yf);
                    return ThrowHere(exc);
                }
                if (yf is PyGenerator g)
                {
                    Running = true;
                    try
                    {
                        r = g.Throw(exc, closeOnGenExit);
                    }
                    finally
                    {
                        Running = false;
                    }
                }
                else
                {
                    var meth = Ops.TryGetAttr(yf, "throw");
                    if (meth is null)
                        return ThrowHere(exc);
                    r = Ops.Call(meth, exc);
                }
                return r;
            }
            catch (PyException e) when (!Frame.Code.Dialect.LoadAttrMethodBit && e.Value.Type.IsSubtypeOf(PyType.StopIteration))
            {
                // 3.11: the sub-iterator finished; go on after the SEND loop with its value.
                Frame.Fast[--Frame.Sp] = null!;
                var value = e.Value.Args.Count > 0 ? e.Value.Args[0] : PyNone.Instance;
                int send = Frame.Ip;
                while (send > 0 && Frame.Code.Code[send].Op != Op.Send)
                    send--;
                Frame.Ip = Frame.Code.Code[send].Arg;
                ObjectArray.Put(Frame.Fast, Frame.Sp++, value);
                if (Resume(null, null, out var rr))
                    throw Returned(rr);
                return rr;
            }
            catch (PyException e)
            {
                return ThrowHere(e.Value);
            }
        }
        return ThrowHere(exc);
    }

    private PyObject ThrowHere(PyBaseException exc)
    {
        if (Resume(PyNone.Instance, new PyException(exc), out var r))
            throw Returned(r);
        return r;
    }

    private static void CloseIterator(PyObject yf)
    {
        if (yf is PyGenerator g)
        {
            g.Close();
            return;
        }
        if (Ops.TryGetAttr(yf, "close") is { } close)
            Ops.Call(close);
    }

    /// <summary>gen.close(): GeneratorExit thrown in; a yield in response is an error.</summary>
    public void Close()
    {
        if (Frame.Finished)
            return;
        if (!Started)
        {
            Frame.Finished = true;
            return;
        }
        try
        {
            Throw(Err.New(PyType.GeneratorExit).Value);
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyType.GeneratorExit) || e.Value.Type.IsSubtypeOf(PyType.StopIteration))
        {
            return;
        }
        throw Err.Runtime($"{KindName} ignored GeneratorExit");
    }

    /// <summary>
    /// SEND: resumes <paramref name="receiver"/> with <paramref name="value"/>. True when it returned (its return
    /// value in <paramref name="result"/>), false when it yielded.
    /// </summary>
    internal static bool SendTo(PyObject receiver, PyObject value, out PyObject result)
    {
        if (receiver is PyGenerator g)
            return g.Resume(value, null, out result);
        try
        {
            // The asend/athrow awaitables finish with StopIteration(value); their value must reach the await.
            if (receiver is PyAsyncGenAwaitable a)
            {
                result = a.Send(value);
                return false;
            }
            if (value is PyNone)
            {
                var next = Ops.Next(receiver);
                if (next is null)
                {
                    result = PyNone.Instance;
                    return true;
                }
                result = next;
                return false;
            }
            result = Ops.Call(Ops.GetAttr(receiver, "send"), value);
            return false;
        }
        catch (PyException e) when (e.Value.Type.IsSubtypeOf(PyType.StopIteration))
        {
            result = e.Value.Args.Count > 0 ? e.Value.Args[0] : PyNone.Instance;
            return true;
        }
    }
}

/// <summary>A value an async generator yields (ASYNC_GEN_WRAP), as opposed to an await it passes through.</summary>
public sealed class PyAsyncGenWrappedValue(PyObject value) : PyObject
{
    public readonly PyObject Value = value;
    public override PyType Type => PyType.ObjectType;
}
