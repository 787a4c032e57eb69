using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Interpreter;

/// <summary>
/// The awaitables an async generator's __anext__/asend/athrow/aclose return (Objects/genobject.c PyAsyncGenASend,
/// PyAsyncGenAThrow). Each drives the generator's frame one step per send; a value the generator yields (wrapped by
/// ASYNC_GEN_WRAP) ends the await with StopIteration(value), anything else is passed out as an await would be.
/// </summary>
public abstract class PyAsyncGenAwaitable(PyGenerator gen) : PyObject
{
    protected enum AwaitableState
    {
        Init,
        Iter,
        Closed,
    }

    protected readonly PyGenerator Gen = gen;
    protected AwaitableState State;

    /// <summary>send(arg): the next value passed out, or StopIteration carrying what the generator yielded.</summary>
    public abstract PyObject Send(PyObject arg);

    public abstract PyObject Throw(PyBaseException exc);

    /// <summary>close(): the awaitable is done with; the generator is left as it is.</summary>
    public void Close() => State = AwaitableState.Closed;

    /// <summary>async_gen_unwrap_value around one step of the generator.</summary>
    protected PyObject Unwrap(Func<PyObject> step)
    {
        PyObject result;
        try
        {
            result = step();
        }
        catch (PyException e)
        {
            if (Err.Matches(e, PyType.StopAsyncIteration) || Err.Matches(e, PyType.GeneratorExit))
                Gen.Closed = true;
            Gen.RunningAsync = false;
            throw;
        }
        if (result is PyAsyncGenWrappedValue wrapped)
        {
            Gen.RunningAsync = false;
            throw Err.StopIteration(wrapped.Value);
        }
        return result;
    }

    /// <summary>Marks the awaitable finished when the step raised (including the StopIteration of a yield).</summary>
    protected PyObject ClosingOnError(Func<PyObject> step)
    {
        try
        {
            return step();
        }
        catch (PyException)
        {
            State = AwaitableState.Closed;
            throw;
        }
    }
}

/// <summary>async_generator_asend: what __anext__() and asend(value) return.</summary>
public sealed class PyAsyncGenASend(PyGenerator gen, PyObject? sendValue) : PyAsyncGenAwaitable(gen)
{
    public override PyType Type => PyType.AsyncGenASendType;

    /// <summary>async_gen_asend_send.</summary>
    public override PyObject Send(PyObject arg)
    {
        if (State == AwaitableState.Closed)
            throw Err.Runtime("cannot reuse already awaited __anext__()/asend()");
        if (State == AwaitableState.Init)
        {
            if (Gen.RunningAsync)
            {
                State = AwaitableState.Closed;
                throw Err.Runtime("anext(): asynchronous generator is already running");
            }
            if (arg is PyNone)
                arg = sendValue ?? PyNone.Instance;
            State = AwaitableState.Iter;
        }
        Gen.RunningAsync = true;
        return ClosingOnError(() => Unwrap(() => Gen.Send(arg)));
    }

    /// <summary>async_gen_asend_throw; from 3.13 a first throw() claims the generator as a first send() does.</summary>
    public override PyObject Throw(PyBaseException exc)
    {
        if (State == AwaitableState.Closed)
            throw Err.Runtime("cannot reuse already awaited __anext__()/asend()");
        if (State == AwaitableState.Init && PyRuntime.Current.Dialect.AsendThrowClaims)
        {
            if (Gen.RunningAsync)
            {
                State = AwaitableState.Closed;
                throw Err.Runtime("anext(): asynchronous generator is already running");
            }
            State = AwaitableState.Iter;
            Gen.RunningAsync = true;
        }
        return ClosingOnError(() => Unwrap(() => Gen.Throw(exc)));
    }
}

/// <summary>
/// async_generator_athrow: what athrow(...) and (with no exception) aclose() return. athrow's arguments become an
/// exception only when the awaitable first runs (_gen_throw), so bad ones raise there.
/// </summary>
public sealed class PyAsyncGenAThrow(PyGenerator gen, Func<PyBaseException>? thrown) : PyAsyncGenAwaitable(gen)
{
    public override PyType Type => PyType.AsyncGenAThrowType;

    private bool IsClose => thrown is null;

    /// <summary>async_gen_athrow_send.</summary>
    public override PyObject Send(PyObject arg)
    {
        if (State == AwaitableState.Closed)
            throw Err.Runtime("cannot reuse already awaited aclose()/athrow()");
        if (Gen.Frame.Finished)
        {
            State = AwaitableState.Closed;
            throw Err.StopIteration();
        }
        if (State == AwaitableState.Init)
        {
            if (Gen.RunningAsync)
            {
                State = AwaitableState.Closed;
                throw Err.Runtime(IsClose ? "aclose(): asynchronous generator is already running" : "athrow(): asynchronous generator is already running");
            }
            if (Gen.Closed)
            {
                State = AwaitableState.Closed;
                throw Err.New(PyType.StopAsyncIteration);
            }
            if (arg is not PyNone)
                throw Err.Runtime("can't send non-None value to a just-started coroutine");
            State = AwaitableState.Iter;
            Gen.RunningAsync = true;
            if (IsClose)
            {
                Gen.Closed = true;
                return CheckError(() => YieldClose(Gen.Throw(Err.New(PyType.GeneratorExit).Value, closeOnGenExit: false)));
            }
            return CheckError(() => Unwrap(() => Gen.Throw(thrown!(), closeOnGenExit: false)));
        }
        if (!IsClose)
            return Unwrap(() => Gen.Send(arg));
        return CheckError(() => YieldClose(Gen.Send(arg)));
    }

    /// <summary>async_gen_athrow_throw.</summary>
    public override PyObject Throw(PyBaseException exc)
    {
        if (State == AwaitableState.Closed)
            throw Err.Runtime("cannot reuse already awaited aclose()/athrow()");
        if (!IsClose)
            return Unwrap(() => Gen.Throw(exc));
        PyObject r;
        try
        {
            r = Gen.Throw(exc);
        }
        catch (PyException e) when (Err.Matches(e, PyType.StopAsyncIteration) || Err.Matches(e, PyType.GeneratorExit))
        {
            throw Err.StopIteration();
        }
        if (r is PyAsyncGenWrappedValue)
        {
            Gen.RunningAsync = false;
            State = AwaitableState.Closed;
            throw Err.Runtime("async generator ignored GeneratorExit");
        }
        return r;
    }

    /// <summary>aclose(): a value the generator yields (instead of finishing) is the yield_close error.</summary>
    private PyObject YieldClose(PyObject r)
    {
        if (r is PyAsyncGenWrappedValue)
            throw Err.Runtime("async generator ignored GeneratorExit");
        return r;
    }

    /// <summary>
    /// The check_error and yield_close exits: the awaitable is done; for aclose() the generator finishing
    /// (StopAsyncIteration or GeneratorExit) is the await's normal end, StopIteration.
    /// </summary>
    private PyObject CheckError(Func<PyObject> step)
    {
        try
        {
            return step();
        }
        catch (PyException e)
        {
            Gen.RunningAsync = false;
            State = AwaitableState.Closed;
            if (IsClose && (Err.Matches(e, PyType.StopAsyncIteration) || Err.Matches(e, PyType.GeneratorExit)))
                throw Err.StopIteration();
            throw;
        }
    }
}
