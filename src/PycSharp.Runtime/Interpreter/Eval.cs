using System.Runtime.CompilerServices;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Interpreter;

/// <summary>
/// The interpreter loop (Python/ceval.c, Python/bytecodes.c): runs a frame until it returns or yields. Python
/// calls recurse on the C# stack; exceptions travel as <see cref="PyException"/> and are routed by the code
/// object's exception table at every frame they pass.
/// </summary>
public static partial class Eval
{
    /// <summary>Runs (or resumes) a frame. With <paramref name="throwIn"/>, resumes by raising it at the yield.</summary>
    public static PyObject Run(Frame f, PyException? throwIn = null) => Run(f, throwIn, VmThread.State);

    internal static PyObject Run(Frame f, PyException? throwIn, VmThreadState ts)
    {
        if (++ts.Depth > Recursion.Limit)
        {
            ts.Depth--;
            throw Err.New(PyType.RecursionError, "maximum recursion depth exceeded");
        }
        var previous = ts.Frame;
        f.Back = previous;
        ts.Frame = f;
        try
        {
            return Loop(f, throwIn, ts);
        }
        finally
        {
            ts.Frame = previous;
            ts.Depth--;
        }
    }

    /// <summary>
    /// Runs <see cref="Execute"/> and routes the exceptions it raises through the exception table. The loop itself
    /// lives in a method without exception handling: the JIT keeps locals live across a try/catch in memory, which
    /// put ip, sp and the frame's arrays on the stack and cost a load and store on every instruction (bench/vm,
    /// see the commit). Execute records the next instruction in <see cref="Frame.Ip"/> as it dispatches, so the
    /// handler knows which instruction raised; the value stack above the handler's depth is cleared whole.
    /// </summary>
    private static PyObject Loop(Frame f, PyException? pending, VmThreadState ts)
    {
        var code = f.Code;
        int nlocals = code.NLocalsPlus;
        while (true)
        {
            try
            {
                if (pending is not null)
                {
                    var p = pending;
                    pending = null;
                    // gen.throw(): the exception appears at the instruction the generator is suspended at.
                    throw p;
                }
                return Execute(f, ts);
            }
            catch (Exception caught) when (caught is not BadCodeException)
            {
                var pe = Err.FromHost(caught);
                int cur = f.Ip - 1;
                var fast = f.Fast;
                bool reraise = f.Reraising;
                f.Reraising = false;
                f.LastI = f.ReraiseLasti >= 0 ? f.ReraiseLasti : cur;
                f.ReraiseLasti = -1;
                var exc = pe.Value;
                if (!reraise)
                {
                    // A fresh exception from the runtime gets its context here; RAISE_VARARGS chained its own.
                    if (exc.Traceback is null && !exc.Chained)
                        Chain(exc);
                    exc.Chained = false;
                    exc.Traceback = new PyTraceback(f, cur, exc.Traceback);
                    f.Escaped = true;
                }
                var h = cur >= 0 && cur < code.Handlers.Length ? code.Handlers[cur] : null;
                if (h is null)
                {
                    f.Finished = true;
                    Array.Clear(fast, nlocals, fast.Length - nlocals);
                    f.Sp = nlocals;
                    if (ReferenceEquals(pe, caught))
                        throw;
                    throw pe;
                }
                int sp = nlocals + h.Depth;
                Array.Clear(fast, sp, fast.Length - sp);
                if (h.Lasti)
                    ObjectArray.Put(fast, sp++, PyInt.Of(code.Offsets[cur] / 2));
                ObjectArray.Put(fast, sp++, exc);
                f.Sp = sp;
                f.Ip = h.Target;
            }
        }
    }

    /// <summary>The interpreter loop proper, from <see cref="Frame.Ip"/> and <see cref="Frame.Sp"/>: returns what the
    /// frame returns or yields; exceptions leave it for <see cref="Loop"/>.</summary>
    private static PyObject Execute(Frame f, VmThreadState ts)
    {
        var code = f.Code;
        var instrs = code.Code;
        var fast = f.Fast;
        var consts = code.Consts;
        var names = code.Names;
        int sp = f.Sp;
        int ip = f.Ip;
        while (true)
        {
            var ins = instrs[ip++];
            // Where an exception raised by this instruction is handled: Loop reads it back (see there).
            f.Ip = ip;
            switch (ins.Op)
            {
                case Op.Nop:
                    break;
                case Op.LoadFast:
                {
                    var v = fast[ins.Arg];
                    if (v is null)
                        throw Unbound(code, ins.Arg);
                    ObjectArray.Put(fast, sp++, v);
                    break;
                }
                case Op.LoadFastCheck:
                {
                    var v = fast[ins.Arg] ?? throw Unbound(code, ins.Arg);
                    ObjectArray.Put(fast, sp++, v);
                    break;
                }
                case Op.LoadFastAndClear:
                    ObjectArray.Put(fast, sp++, fast[ins.Arg]);
                    ObjectArray.Put(fast, ins.Arg, null!);
                    break;
                case Op.LoadFastLoadFast:
                    ObjectArray.Put(fast, sp++, fast[ins.Arg >> 4] ?? throw Unbound(code, ins.Arg >> 4));
                    ObjectArray.Put(fast, sp++, fast[ins.Arg & 15] ?? throw Unbound(code, ins.Arg & 15));
                    break;
                case Op.StoreFast:
                    ObjectArray.Put(fast, ins.Arg, fast[--sp]);
                    ObjectArray.Put(fast, sp, null!);
                    break;
                case Op.StoreFastLoadFast:
                    ObjectArray.Put(fast, ins.Arg >> 4, fast[--sp]);
                    ObjectArray.Put(fast, sp++, fast[ins.Arg & 15] ?? throw Unbound(code, ins.Arg & 15));
                    break;
                case Op.StoreFastStoreFast:
                    ObjectArray.Put(fast, ins.Arg >> 4, fast[--sp]);
                    ObjectArray.Put(fast, ins.Arg & 15, fast[--sp]);
                    ObjectArray.Put(fast, sp, null!);
                    ObjectArray.Put(fast, sp + 1, null!);
                    break;
                case Op.LoadConst:
                    ObjectArray.Put(fast, sp++, consts[ins.Arg]);
                    break;
                case Op.PopTop:
                    ObjectArray.Put(fast, --sp, null!);
                    break;
                case Op.PopN:
                    for (int k = 0; k < ins.Arg; k++)
                        ObjectArray.Put(fast, --sp, null!);
                    break;
                case Op.PushNull:
                    ObjectArray.Put(fast, sp++, null!);
                    break;
                case Op.Copy:
                    ObjectArray.Put(fast, sp, fast[sp - ins.Arg]);
                    sp++;
                    break;
                case Op.Swap:
                {
                    var top = fast[sp - 1];
                    ObjectArray.Put(fast, sp - 1, fast[sp - ins.Arg]);
                    ObjectArray.Put(fast, sp - ins.Arg, top);
                    break;
                }
                case Op.UnaryNegative:
                    ObjectArray.Put(fast, sp - 1, Ops.Negative(fast[sp - 1]));
                    break;
                case Op.UnaryNot:
                    ObjectArray.Put(fast, sp - 1, PyBool.Of(!Ops.IsTrue(fast[sp - 1])));
                    break;
                case Op.ToBool:
                    if (fast[sp - 1] is not PyBool)
                        ObjectArray.Put(fast, sp - 1, PyBool.Of(Ops.IsTrue(fast[sp - 1])));
                    break;
                case Op.BinaryOp:
                {
                    var b = fast[--sp];
                    var a = fast[sp - 1];
                    ObjectArray.Put(fast, sp, null!);
                    ObjectArray.Put(fast, sp - 1, Binary(a, b, ins.Arg));
                    break;
                }
                case Op.BinarySubscr:
                {
                    var k = fast[--sp];
                    var container = fast[sp - 1];
                    ObjectArray.Put(fast, sp, null!);
                    ObjectArray.Put(fast, sp - 1, Subscript(container, k));
                    break;
                }
                case Op.StoreSubscr:
                {
                    var k = fast[--sp];
                    var container = fast[--sp];
                    StoreSubscript(container, k, fast[--sp]);
                    break;
                }
                case Op.LoadFastPair:
                {
                    int first = ins.Arg & 0xFFFF, second = ins.Arg >>> 16;
                    ObjectArray.Put(fast, sp++, fast[first] ?? throw Unbound(code, first));
                    f.Ip = ++ip;
                    ObjectArray.Put(fast, sp++, fast[second] ?? throw Unbound(code, second));
                    break;
                }
                case Op.CompareJumpIfFalse:
                case Op.CompareJumpIfTrue:
                {
                    var b = fast[--sp];
                    var a = fast[--sp];
                    var r = Ops.RichCompare(a, b, (CompareOp)(ins.Arg & 7));
                    f.Ip = ++ip;
                    bool truth = ReferenceEquals(r, PyBool.True) || (!ReferenceEquals(r, PyBool.False) && Ops.IsTrue(r));
                    if (truth == (ins.Op == Op.CompareJumpIfTrue))
                        ip = ins.Arg >>> 3;
                    break;
                }
                case Op.BinaryOpFastFast:
                case Op.SubscrFastFast:
                case Op.StoreSubscrFastFast:
                {
                    var x = fast[Fusion.First(ins.Arg)];
                    var y = fast[Fusion.Second(ins.Arg)];
                    if (x is null || y is null)
                        throw UnboundInRun(f, ins.Arg, ip);
                    f.Ip = ip += Fusion.Tail(ins.Arg);
                    if (ins.Op == Op.BinaryOpFastFast)
                    {
                        ObjectArray.Put(fast, sp++, Binary(x, y, Fusion.Operator(ins.Arg)));
                    }
                    else if (ins.Op == Op.SubscrFastFast)
                    {
                        ObjectArray.Put(fast, sp++, Subscript(x, y));
                    }
                    else
                    {
                        var v = fast[--sp];
                        ObjectArray.Put(fast, sp, null!);
                        StoreSubscript(x, y, v);
                    }
                    break;
                }
                case Op.BinaryOpFastConst:
                case Op.SubscrFastConst:
                {
                    var x = fast[Fusion.First(ins.Arg)] ?? throw Unbound(code, Fusion.First(ins.Arg));
                    var k = consts[Fusion.Second(ins.Arg)];
                    f.Ip = ip += 2;
                    ObjectArray.Put(fast, sp++, ins.Op == Op.BinaryOpFastConst ? Binary(x, k, Fusion.Operator(ins.Arg)) : Subscript(x, k));
                    break;
                }
                case Op.BinaryOpStoreFast:
                {
                    var y = fast[--sp];
                    var x = fast[sp - 1];
                    ObjectArray.Put(fast, sp, null!);
                    ObjectArray.Put(fast, Fusion.StoreLocal(ins.Arg), Binary(x, y, Fusion.StoreOperator(ins.Arg)));
                    ObjectArray.Put(fast, --sp, null!);
                    ip++;
                    break;
                }
                case Op.CopySubscr:
                    f.Ip = ip += 2;
                    ObjectArray.Put(fast, sp, Subscript(fast[sp - 2], fast[sp - 1]));
                    sp++;
                    break;
                case Op.SwapStoreSubscr:
                {
                    // The stack holds container, key, value; SWAP 3 and SWAP 2 would bring the value under them.
                    var v = fast[--sp];
                    var k = fast[--sp];
                    var container = fast[--sp];
                    ObjectArray.Put(fast, sp, null!);
                    ObjectArray.Put(fast, sp + 1, null!);
                    ObjectArray.Put(fast, sp + 2, null!);
                    f.Ip = ip += 2;
                    StoreSubscript(container, k, v);
                    break;
                }
                case Op.CompareOp:
                case Op.CompareOpBool:
                {
                    var b = fast[--sp];
                    var r = Ops.RichCompare(fast[sp - 1], b, (CompareOp)ins.Arg);
                    ObjectArray.Put(fast, sp - 1, ins.Op == Op.CompareOpBool && r is not PyBool ? PyBool.Of(Ops.IsTrue(r)) : r);
                    break;
                }
                case Op.IsOp:
                {
                    var b = fast[--sp];
                    ObjectArray.Put(fast, sp - 1, PyBool.Of(ReferenceEquals(fast[sp - 1], b) != (ins.Arg == 1)));
                    break;
                }
                case Op.ContainsOp:
                {
                    var container = fast[--sp];
                    ObjectArray.Put(fast, sp - 1, PyBool.Of(Ops.Contains(container, fast[sp - 1]) != (ins.Arg == 1)));
                    break;
                }
                case Op.Jump:
                    ip = ins.Arg;
                    break;
                case Op.JumpBackward:
                    ip = ins.Arg;
                    if (ts.Interrupt.IsCancellationRequested)
                        throw Err.New(PyType.KeyboardInterrupt);
                    break;
                case Op.PopJumpIfFalse:
                {
                    var v = fast[--sp];
                    if (ReferenceEquals(v, PyBool.False) || (!ReferenceEquals(v, PyBool.True) && !Ops.IsTrue(v)))
                        ip = ins.Arg;
                    break;
                }
                case Op.PopJumpIfTrue:
                {
                    var v = fast[--sp];
                    if (ReferenceEquals(v, PyBool.True) || (!ReferenceEquals(v, PyBool.False) && Ops.IsTrue(v)))
                        ip = ins.Arg;
                    break;
                }
                case Op.PopJumpIfNone:
                    if (ReferenceEquals(fast[--sp], PyNone.Instance))
                        ip = ins.Arg;
                    break;
                case Op.PopJumpIfNotNone:
                    if (!ReferenceEquals(fast[--sp], PyNone.Instance))
                        ip = ins.Arg;
                    break;
                case Op.JumpIfFalseOrPop:
                    if (!Ops.IsTrue(fast[sp - 1]))
                        ip = ins.Arg;
                    else
                        sp--;
                    break;
                case Op.JumpIfTrueOrPop:
                    if (Ops.IsTrue(fast[sp - 1]))
                        ip = ins.Arg;
                    else
                        sp--;
                    break;
                case Op.GetIter:
                    ObjectArray.Put(fast, sp - 1, Ops.GetIter(fast[sp - 1]));
                    break;
                case Op.ForIter:
                {
                    var it = fast[sp - 1];
                    f.LastI = ip - 1;
                    var next = it is PyIteratorBase nb ? nb.Next() : it is PyGenerator { Kind: GeneratorKind.Generator } g ? g.Next() : Ops.Next(it);
                    if (next is null)
                    {
                        ObjectArray.Put(fast, --sp, null!);
                        ip = ins.Arg;
                    }
                    else
                    {
                        ObjectArray.Put(fast, sp++, next);
                    }
                    break;
                }
                case Op.LoadGlobal:
                    ObjectArray.Put(fast, sp++, CachedGlobal(f, code, ip - 1, names[ins.Arg]));
                    break;
                case Op.LoadGlobalNull:
                    ObjectArray.Put(fast, sp++, null!);
                    ObjectArray.Put(fast, sp++, CachedGlobal(f, code, ip - 1, names[ins.Arg]));
                    break;
                case Op.LoadName:
                    ObjectArray.Put(fast, sp++, LoadName(f, names[ins.Arg]));
                    break;
                case Op.StoreName:
                    StoreName(f, names[ins.Arg], fast[--sp]);
                    break;
                case Op.LoadAttr:
                    ObjectArray.Put(fast, sp - 1, AttributeCache.Load(code, ip - 1, fast[sp - 1], names[ins.Arg]));
                    break;
                case Op.LoadMethod:
                {
                    var owner = fast[sp - 1];
                    if (AttributeCache.Method(code, ip - 1, owner, names[ins.Arg], out var meth))
                    {
                        ObjectArray.Put(fast, sp - 1, meth);
                        ObjectArray.Put(fast, sp++, owner);
                    }
                    else
                    {
                        ObjectArray.Put(fast, sp - 1, null!);
                        ObjectArray.Put(fast, sp++, meth);
                    }
                    break;
                }
                case Op.LoadSuperAttr:
                case Op.LoadSuperMethod:
                    sp = LoadSuperAttr(f, fast, sp, ins);
                    break;
                case Op.StoreAttr:
                {
                    var owner = fast[--sp];
                    var v = fast[--sp];
                    AttributeCache.Store(code, ip - 1, owner, names[ins.Arg], v);
                    break;
                }
                case Op.Call:
                {
                    f.LastI = ip - 1;
                    var kw = f.KwNames;
                    f.KwNames = null;
                    sp = DoCall(fast, sp, ins.Arg, kw, ts);
                    break;
                }
                case Op.CallKw:
                {
                    f.LastI = ip - 1;
                    var kw = (PyTuple)fast[--sp];
                    sp = DoCall(fast, sp, ins.Arg, kw, ts);
                    break;
                }
                case Op.KwNames:
                    f.KwNames = (PyTuple)consts[ins.Arg];
                    break;
                case Op.ReturnValue:
                {
                    var v = fast[--sp];
                    f.Sp = sp;
                    f.Finished = true;
                    return v;
                }
                case Op.ReturnConst:
                    f.Sp = sp;
                    f.Finished = true;
                    return consts[ins.Arg];
                case Op.BuildTuple:
                {
                    var items = ins.Arg == 0 ? [] : fast.AsSpan(sp - ins.Arg, ins.Arg).ToArray();
                    sp -= ins.Arg;
                    ObjectArray.Put(fast, sp++, PyTuple.Of(items));
                    break;
                }
                case Op.BuildList:
                {
                    var l = PyList.Of(fast.AsSpan(sp - ins.Arg, ins.Arg));
                    sp -= ins.Arg;
                    ObjectArray.Put(fast, sp++, l);
                    break;
                }
                case Op.ListAppend:
                    ((PyList)fast[sp - 1 - ins.Arg]).Append(fast[--sp]);
                    break;
                case Op.UnpackSequence:
                    sp = UnpackSequence(fast, sp, ins.Arg);
                    break;
                case Op.LoadClosure:
                    ObjectArray.Put(fast, sp++, fast[ins.Arg]);
                    break;
                case Op.LoadDeref:
                    ObjectArray.Put(fast, sp++, ((PyCell)fast[ins.Arg]).Contents ?? throw UnboundDeref(code, ins.Arg));
                    break;
                case Op.StoreDeref:
                    ((PyCell)fast[ins.Arg]).Contents = fast[--sp];
                    break;
                case Op.ReturnGenerator:
                {
                    f.Ip = ip;
                    f.Sp = sp;
                    var gen = PyGenerator.Create(f);
                    return gen;
                }
                case Op.YieldValue:
                {
                    var v = fast[--sp];
                    ObjectArray.Put(fast, sp, null!);
                    f.Ip = ip;
                    f.Sp = sp;
                    f.LastI = ip - 1;
                    return v;
                }
                case Op.Send:
                {
                    var v = fast[sp - 1];
                    var receiver = fast[sp - 2];
                    f.LastI = ip - 1;
                    if (PyGenerator.SendTo(receiver, v, out var result))
                    {
                        // The receiver returned: leave its value for END_SEND (3.12+) or the instruction after.
                        ObjectArray.Put(fast, sp - 1, result);
                        if (!code.Dialect.LoadAttrMethodBit)
                        {
                            ObjectArray.Put(fast, sp - 2, result);
                            ObjectArray.Put(fast, --sp, null!);
                        }
                        ip = ins.Arg;
                    }
                    else
                    {
                        ObjectArray.Put(fast, sp - 1, result);
                    }
                    break;
                }
                default:
                    sp = ExecuteCold(f, fast, sp, ins);
                    break;
            }
        }
    }

    /// <summary>
    /// The instructions a hot loop rarely runs (building sets and maps, imports, class bodies, exceptions, match,
    /// formatting, async): kept out of <see cref="Execute"/> so that its stack frame, which the runtime zeroes on
    /// every Python call and generator resume, stays small. <see cref="Frame.Ip"/> is the instruction after this one.
    /// </summary>
    private static int ExecuteCold(Frame f, PyObject[] fast, int sp, Instr ins)
    {
        var code = f.Code;
        var consts = code.Consts;
        var names = code.Names;
        int nlocals = code.NLocalsPlus;
        switch (ins.Op)
        {
            case Op.DeleteFast:
                if (fast[ins.Arg] is null)
                    throw Unbound(code, ins.Arg);
                ObjectArray.Put(fast, ins.Arg, null!);
                break;
            case Op.UnaryInvert:
                ObjectArray.Put(fast, sp - 1, Ops.Invert(fast[sp - 1]));
                break;
            case Op.UnaryPositive:
                ObjectArray.Put(fast, sp - 1, Ops.Positive(fast[sp - 1]));
                break;
            case Op.BinarySlice:
            {
                var stop = fast[--sp];
                var start = fast[--sp];
                ObjectArray.Put(fast, sp - 1, Ops.GetItem(fast[sp - 1], new PySlice(start, stop, PyNone.Instance)));
                break;
            }
            case Op.StoreSlice:
            {
                var stop = fast[--sp];
                var start = fast[--sp];
                var container = fast[--sp];
                var v = fast[--sp];
                Ops.SetItem(container, new PySlice(start, stop, PyNone.Instance), v);
                break;
            }
            case Op.DeleteSubscr:
            {
                var k = fast[--sp];
                var container = fast[--sp];
                Ops.DelItem(container, k);
                break;
            }
            case Op.StoreGlobal:
                f.Globals.SetItem(names[ins.Arg], fast[--sp]);
                break;
            case Op.DeleteGlobal:
                if (!f.Globals.Remove(names[ins.Arg]))
                    throw Err.Name(names[ins.Arg].Value);
                break;
            case Op.DeleteName:
                DeleteName(f, names[ins.Arg]);
                break;
            case Op.DeleteAttr:
                Ops.SetAttr(fast[--sp], names[ins.Arg], null);
                break;
            case Op.CallFunctionEx:
            {
                f.LastI = f.Ip - 1;
                PyDict? kwargs = (ins.Arg & 1) != 0 ? (PyDict)fast[--sp] : null;
                var callargs = fast[--sp];
                var b = fast[--sp];
                var a = fast[--sp];
                var callable = a ?? b;
                var argv = callargs is PyTuple t && t.GetType() == typeof(PyTuple) ? t.Items : StarArgs(callable, callargs);
                if (a is not null && b is not null)
                {
                    var all = new PyObject[argv.Length + 1];
                    all[0] = b;
                    argv.CopyTo(all, 1);
                    argv = all;
                }
                ObjectArray.Put(fast, sp++, Ops.CallEx(callable, argv, kwargs));
                ObjectArray.Put(fast, sp, null!);
                break;
            }
            case Op.BuildSet:
            {
                var s = new PySet();
                for (int k = sp - ins.Arg; k < sp; k++)
                    s.Add(fast[k]);
                sp -= ins.Arg;
                ObjectArray.Put(fast, sp++, s);
                break;
            }
            case Op.BuildMap:
            {
                var d = new PyDict(ins.Arg);
                for (int k = sp - 2 * ins.Arg; k < sp; k += 2)
                    d.SetItem(fast[k], fast[k + 1]);
                sp -= 2 * ins.Arg;
                ObjectArray.Put(fast, sp++, d);
                break;
            }
            case Op.BuildConstKeyMap:
            {
                var keys = (PyTuple)fast[--sp];
                var d = new PyDict(ins.Arg);
                for (int k = 0; k < ins.Arg; k++)
                    d.SetItem(keys[k], fast[sp - ins.Arg + k]);
                sp -= ins.Arg;
                ObjectArray.Put(fast, sp++, d);
                break;
            }
            case Op.BuildString:
            {
                var sb = new System.Text.StringBuilder();
                for (int k = sp - ins.Arg; k < sp; k++)
                    sb.Append(((PyStr)fast[k]).Value);
                sp -= ins.Arg;
                ObjectArray.Put(fast, sp++, PyStr.Of(sb.ToString()));
                break;
            }
            case Op.BuildSlice:
            {
                PyObject step = ins.Arg == 3 ? fast[--sp] : PyNone.Instance;
                var stop = fast[--sp];
                var start = fast[--sp];
                ObjectArray.Put(fast, sp++, new PySlice(start, stop, step));
                break;
            }
            case Op.SetAdd:
                ((PySet)fast[sp - 1 - ins.Arg]).Add(fast[--sp]);
                break;
            case Op.MapAdd:
            {
                var v = fast[--sp];
                var k = fast[--sp];
                ((PyDict)fast[sp - ins.Arg]).SetItem(k, v);
                break;
            }
            case Op.ListExtend:
            {
                var it = fast[--sp];
                ListExtend((PyList)fast[sp - ins.Arg], it);
                break;
            }
            case Op.SetUpdate:
            {
                var it = fast[--sp];
                Builtins.SetMethods.Update((PySet)fast[sp - ins.Arg], it);
                break;
            }
            case Op.DictUpdate:
            {
                var other = fast[--sp];
                DictUpdate((PyDict)fast[sp - ins.Arg], other, false, null);
                break;
            }
            case Op.DictMerge:
            {
                var other = fast[--sp];
                // The callable sits below the positional tuple: [NULL, func] (3.11, 3.12) or [func, NULL] (3.13).
                DictUpdate((PyDict)fast[sp - ins.Arg], other, true, fast[sp - ins.Arg - 2] ?? fast[sp - ins.Arg - 3]);
                break;
            }
            case Op.ListToTuple:
                ObjectArray.Put(fast, sp - 1, PyTuple.Of(((PyList)fast[sp - 1]).ToArray()));
                break;
            case Op.UnpackEx:
                sp = UnpackEx(fast, sp, ins.Arg & 0xFF, ins.Arg >> 8);
                break;
            case Op.MakeCell:
                ObjectArray.Put(fast, ins.Arg, new PyCell(fast[ins.Arg]));
                break;
            case Op.CopyFreeVars:
            {
                var closure = f.Function!.Closure!;
                int first = nlocals - ins.Arg;
                for (int k = 0; k < ins.Arg; k++)
                    ObjectArray.Put(fast, first + k, closure[k]!);
                break;
            }
            case Op.DeleteDeref:
            {
                var cell = (PyCell)fast[ins.Arg];
                if (cell.Contents is null)
                    throw UnboundDeref(code, ins.Arg);
                cell.Contents = null;
                break;
            }
            case Op.LoadFromDictOrDeref:
            {
                // 3.12+: the mapping is on the stack; 3.11 LOAD_CLASSDEREF reads the frame's locals.
                var name = code.LocalsPlusNames[ins.Arg];
                PyObject mapping = code.Dialect.LoadAttrMethodBit ? fast[--sp] : f.Locals!;
                var v = MappingGet(mapping, name) ?? ((PyCell)fast[ins.Arg]).Contents ?? throw UnboundDeref(code, ins.Arg);
                ObjectArray.Put(fast, sp++, v);
                break;
            }
            case Op.LoadFromDictOrGlobals:
            {
                var mapping = fast[--sp];
                var name = names[ins.Arg];
                ObjectArray.Put(fast, sp++, MappingGet(mapping, name) ?? LoadGlobal(f, name));
                break;
            }
            case Op.LoadLocals:
                ObjectArray.Put(fast, sp++, f.Locals ?? throw Err.New(PyType.SystemError, "no locals found"));
                break;
            case Op.MakeFunction:
                sp = MakeFunction(f, fast, sp, ins.Arg);
                break;
            case Op.SetFunctionAttribute:
            {
                var func = (PyFunction)fast[--sp];
                var attr = fast[--sp];
                SetFunctionAttribute(func, ins.Arg, attr);
                ObjectArray.Put(fast, sp++, func);
                break;
            }
            case Op.LoadBuildClass:
                ObjectArray.Put(fast, sp++, f.Builtins.GetStr("__build_class__") ?? throw Err.New(PyType.NameError, "__build_class__ not found"));
                break;
            case Op.LoadAssertionError:
                ObjectArray.Put(fast, sp++, PyType.AssertionError);
                break;
            case Op.SetupAnnotations:
                if (MappingGet(f.Locals!, PyStr.Intern("__annotations__")) is null)
                    Ops.SetItem(f.Locals!, PyStr.Intern("__annotations__"), new PyDict());
                break;
            case Op.ImportName:
            {
                var fromlist = fast[--sp];
                var level = fast[--sp];
                f.LastI = f.Ip - 1;
                ObjectArray.Put(fast, sp++, Importer.ImportName(f, names[ins.Arg], fromlist, level));
                break;
            }
            case Op.ImportFrom:
                ObjectArray.Put(fast, sp, Importer.ImportFrom(fast[sp - 1], names[ins.Arg]));
                sp++;
                break;
            case Op.ImportStar:
                Importer.ImportStar(f, fast[--sp]);
                break;
            case Op.RaiseVarargs:
            {
                PyObject? cause = ins.Arg == 2 ? fast[--sp] : null;
                PyObject? exc = ins.Arg >= 1 ? fast[--sp] : null;
                f.LastI = f.Ip - 1;
                if (exc is null)
                {
                    var current = VmThread.TopmostException() ?? throw Err.Runtime("No active exception to reraise");
                    f.Reraising = true;
                    throw new PyException((PyBaseException)current);
                }
                throw MakeRaise(exc, cause, ins.Arg == 2);
            }
            case Op.Reraise:
            {
                var exc = (PyBaseException)fast[--sp];
                // The handler is looked up at RERAISE itself; lasti only moves the frame's current
                // instruction (Python/bytecodes.c RERAISE sets instr_ptr, exception_unwind uses next_instr).
                if (ins.Arg != 0 && fast[sp - ins.Arg] is PyInt lasti)
                    f.ReraiseLasti = code.IndexOfOffset((int)lasti.Small * 2);
                f.Reraising = true;
                throw new PyException(exc);
            }
            case Op.PushExcInfo:
            {
                var v = fast[sp - 1];
                var info = VmThread.ExcInfo;
                ObjectArray.Put(fast, sp - 1, info.Value ?? PyNone.Instance);
                ObjectArray.Put(fast, sp++, v);
                info.Value = v;
                break;
            }
            case Op.PopExcept:
            {
                var v = fast[--sp];
                VmThread.ExcInfo.Value = v is PyNone ? null : v;
                break;
            }
            case Op.CheckExcMatch:
            {
                var t = fast[sp - 1];
                CheckExceptType(t);
                ObjectArray.Put(fast, sp - 1, PyBool.Of(ExceptionMatches(fast[sp - 2], t)));
                break;
            }
            case Op.CheckEgMatch:
                sp = ExceptionGroups.CheckEgMatch(f, f.Ip - 1, fast, sp);
                break;
            case Op.PrepReraiseStar:
            {
                var list = fast[--sp];
                ObjectArray.Put(fast, sp - 1, ExceptionGroups.PrepReraiseStar(fast[sp - 1], list));
                break;
            }
            case Op.BeforeWith:
                sp = BeforeWith(fast, sp);
                break;
            case Op.WithExceptStart:
            {
                var exitFunc = fast[sp - 4];
                var val = fast[sp - 1];
                var tb = (val as PyBaseException)?.Traceback ?? (PyObject)PyNone.Instance;
                ObjectArray.Put(fast, sp++, Ops.Call(exitFunc, [val.Type, val, tb]));
                break;
            }
            case Op.GetLen:
                ObjectArray.Put(fast, sp, PyInt.Of(Ops.Len(fast[sp - 1])));
                sp++;
                break;
            case Op.MatchMapping:
                ObjectArray.Put(fast, sp, PyBool.Of(Matching.IsMapping(fast[sp - 1])));
                sp++;
                break;
            case Op.MatchSequence:
                ObjectArray.Put(fast, sp, PyBool.Of(Matching.IsSequence(fast[sp - 1])));
                sp++;
                break;
            case Op.MatchKeys:
                ObjectArray.Put(fast, sp, Matching.MatchKeys(fast[sp - 2], fast[sp - 1]));
                sp++;
                break;
            case Op.MatchClass:
            {
                var kwargs = (PyTuple)fast[--sp];
                var cls = fast[--sp];
                var subject = fast[sp - 1];
                ObjectArray.Put(fast, sp - 1, Matching.MatchClass(subject, cls, ins.Arg, kwargs));
                break;
            }
            case Op.FormatValue:
            {
                PyObject? spec = (ins.Arg & 4) != 0 ? fast[--sp] : null;
                var v = Convert(fast[sp - 1], ins.Arg & 3);
                ObjectArray.Put(fast, sp - 1, Format(v, spec));
                break;
            }
            case Op.ConvertValue:
                ObjectArray.Put(fast, sp - 1, Convert(fast[sp - 1], ins.Arg));
                break;
            case Op.FormatSimple:
                ObjectArray.Put(fast, sp - 1, Format(fast[sp - 1], null));
                break;
            case Op.FormatWithSpec:
            {
                var spec = fast[--sp];
                ObjectArray.Put(fast, sp - 1, Format(fast[sp - 1], spec));
                break;
            }
            case Op.CallIntrinsic1:
                ObjectArray.Put(fast, sp - 1, Intrinsics.Call1(f, ins.Arg, fast[sp - 1]));
                break;
            case Op.CallIntrinsic2:
            {
                var b = fast[--sp];
                ObjectArray.Put(fast, sp - 1, Intrinsics.Call2(f, ins.Arg, fast[sp - 1], b));
                break;
            }
            case Op.PrintExpr:
            {
                var v = fast[--sp];
                var hook = PyRuntime.Current.Sys.GetStr("displayhook") ?? throw Err.Runtime("lost sys.displayhook");
                Ops.Call(hook, v);
                break;
            }
            case Op.GetYieldFromIter:
            {
                var v = fast[sp - 1];
                if (v is PyGenerator g && g.Kind == GeneratorKind.Coroutine)
                {
                    if ((code.Flags & (PyCodeObject.CO_COROUTINE | PyCodeObject.CO_ITERABLE_COROUTINE)) == 0)
                        throw Err.Type("cannot 'yield from' a coroutine object in a non-coroutine generator");
                }
                else if (v is not PyGenerator)
                {
                    ObjectArray.Put(fast, sp - 1, Ops.GetIter(v));
                }
                break;
            }
            case Op.GetAwaitable:
                ObjectArray.Put(fast, sp - 1, Coroutines.GetAwaitable(fast[sp - 1], ins.Arg));
                break;
            case Op.EndSend:
            {
                var v = fast[--sp];
                ObjectArray.Put(fast, sp - 1, v);
                break;
            }
            case Op.CleanupThrow:
            {
                var exc = (PyBaseException)fast[sp - 1];
                if (exc.Type.IsSubtypeOf(PyType.StopIteration))
                {
                    var value = exc.Args.Count > 0 ? exc.Args[0] : PyNone.Instance;
                    sp -= 3;
                    ObjectArray.Put(fast, sp++, PyNone.Instance);
                    ObjectArray.Put(fast, sp++, value);
                }
                else
                {
                    f.Reraising = true;
                    throw new PyException(exc);
                }
                break;
            }
            case Op.BeforeAsyncWith:
                sp = Coroutines.BeforeAsyncWith(fast, sp);
                break;
            case Op.GetAiter:
                ObjectArray.Put(fast, sp - 1, Coroutines.GetAiter(fast[sp - 1]));
                break;
            case Op.GetAnext:
                ObjectArray.Put(fast, sp, Coroutines.GetAnext(fast[sp - 1]));
                sp++;
                break;
            case Op.EndAsyncFor:
            {
                var exc = fast[--sp];
                if (exc.Type.IsSubtypeOf(PyType.StopAsyncIteration))
                {
                    ObjectArray.Put(fast, --sp, null!);
                }
                else
                {
                    f.Reraising = true;
                    throw new PyException((PyBaseException)exc);
                }
                break;
            }
            case Op.AsyncGenWrap:
                ObjectArray.Put(fast, sp - 1, new PyAsyncGenWrappedValue(fast[sp - 1]));
                break;
            default:
            throw new BadCodeException($"code object {code.Name.Value}: instruction {ins.Op} is not implemented");
        }
        return sp;
    }

    /// <summary>BINARY_OP: exact floats (with an int on either side), machine-word ints and str concatenation in
    /// place, the rest through the number protocol.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyObject Binary(PyObject a, PyObject b, int oparg)
    {
        PyObject? result = null;
        if (a.GetType() == typeof(PyFloat))
        {
            if (b.GetType() == typeof(PyFloat))
                result = FloatArithmetic(oparg, Unsafe.As<PyFloat>(a).Value, Unsafe.As<PyFloat>(b).Value);
            else if (b.GetType() == typeof(PyInt) && ExactDouble(Unsafe.As<PyInt>(b)) is double y)
                result = FloatArithmetic(oparg, Unsafe.As<PyFloat>(a).Value, y);
        }
        else if (b.GetType() == typeof(PyFloat) && a.GetType() == typeof(PyInt) && ExactDouble(Unsafe.As<PyInt>(a)) is double x)
            result = FloatArithmetic(oparg, x, Unsafe.As<PyFloat>(b).Value);
        else if (a.GetType() == typeof(PyInt) && b.GetType() == typeof(PyInt) && Unsafe.As<PyInt>(a).IsSmall && Unsafe.As<PyInt>(b).IsSmall)
            result = IntArithmetic(oparg, Unsafe.As<PyInt>(a).Small, Unsafe.As<PyInt>(b).Small);
        else if (a.GetType() == typeof(PyStr) && b.GetType() == typeof(PyStr) && oparg is (int)NumOp.Add or (int)NumOp.Add + NumOps.InplaceOffset)
            result = PyStr.Concat(Unsafe.As<PyStr>(a), Unsafe.As<PyStr>(b)); // BINARY_OP_ADD_UNICODE
        return result ?? Ops.BinaryOp(a, b, oparg);
    }

    /// <summary>BINARY_SUBSCR, with BINARY_SUBSCR_LIST_INT's case in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyObject Subscript(PyObject container, PyObject key) =>
        Ops.ExactListIndex(container, key, out int index) ? Unsafe.As<PyList>(container)[index] : Ops.GetItem(container, key);

    /// <summary>STORE_SUBSCR, with STORE_SUBSCR_LIST_INT's case in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreSubscript(PyObject container, PyObject key, PyObject value)
    {
        if (Ops.ExactListIndex(container, key, out int index))
            Unsafe.As<PyList>(container)[index] = value;
        else
            Ops.SetItem(container, key, value);
    }

    /// <summary>An int a float operation may take as it is: one a double holds exactly, as float's own
    /// slots convert it (Objects/floatobject.c CONVERT_TO_DOUBLE); larger ones take the general path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double? ExactDouble(PyInt i) =>
        i.IsSmall && i.Small is >= -(1L << 53) and <= 1L << 53 ? i.Small : null;

    /// <summary>The unbound local of a fused run of two loads: the first, or else the second, whose instruction
    /// (the next one when the run has three) becomes the current one.</summary>
    private static PyException UnboundInRun(Frame f, int arg, int ip)
    {
        int first = Fusion.First(arg);
        if (f.Fast[first] is null)
            return Unbound(f.Code, first);
        if (Fusion.Tail(arg) == 2)
            f.Ip = ip + 1;
        return Unbound(f.Code, Fusion.Second(arg));
    }

    /// <summary>
    /// BINARY_OP on two exact floats, for the operators whose result needs no further checks (what CPython 3.12
    /// specialises as BINARY_OP_ADD_FLOAT and friends; a float has no in-place slots, so += is +). Null: take
    /// the general path (division by zero, //, %, ** and the rest).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyFloat? FloatArithmetic(int oparg, double x, double y)
    {
        int op = oparg >= NumOps.InplaceOffset ? oparg - NumOps.InplaceOffset : oparg;
        return op switch
        {
            (int)NumOp.Add => new PyFloat(x + y),
            (int)NumOp.Subtract => new PyFloat(x - y),
            (int)NumOp.Multiply => new PyFloat(x * y),
            (int)NumOp.TrueDivide when y != 0 => new PyFloat(x / y),
            _ => null,
        };
    }

    /// <summary>
    /// BINARY_OP on two machine-word ints (CPython 3.12's BINARY_OP_ADD_INT and friends, plus the bitwise and
    /// floor operators): + and - as int's own slots do them, * with an overflow check, // and % rounding toward
    /// negative infinity as Objects/longobject.c does, &amp;, |, ^, and the shifts. Null: the general path (a product past 64 bits,
    /// a zero divisor, a negative shift count, a left shift past 64 bits, powers, /).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyObject? IntArithmetic(int oparg, long x, long y)
    {
        int op = oparg >= NumOps.InplaceOffset ? oparg - NumOps.InplaceOffset : oparg;
        switch (op)
        {
            case (int)NumOp.Add:
                return Builtins.NumberSetup.AddSmall(x, y);
            case (int)NumOp.Subtract:
                return Builtins.NumberSetup.SubSmall(x, y);
            case (int)NumOp.Multiply:
            {
                long high = Math.BigMul(x, y, out long low);
                return high != (low >> 63) ? null : PyInt.Of(low);
            }
            case (int)NumOp.Remainder when y != 0 && y != -1:
            {
                long r = x % y;
                return PyInt.Of(r != 0 && (r ^ y) < 0 ? r + y : r);
            }
            case (int)NumOp.FloorDivide when y != 0 && y != -1:
            {
                long q = x / y;
                return PyInt.Of((x % y != 0) && ((x ^ y) < 0) ? q - 1 : q);
            }
            case (int)NumOp.And:
                return PyInt.Of(x & y);
            case (int)NumOp.Or:
                return PyInt.Of(x | y);
            case (int)NumOp.Xor:
                return PyInt.Of(x ^ y);
            case (int)NumOp.RShift when y >= 0:
                return PyInt.Of(x >> (int)Math.Min(y, 63));
            case (int)NumOp.LShift when y >= 0 && y < 63:
            {
                // Only when no bit is lost: then the machine word holds the result.
                long shifted = x << (int)y;
                return shifted >> (int)y == x ? PyInt.Of(shifted) : null;
            }
            default:
                return null;
        }
    }

    /// <summary>Sets __context__ of a newly raised exception to the one being handled (Python/errors.c _PyErr_SetObject).</summary>
    internal static void Chain(PyBaseException exc)
    {
        var handled = VmThread.TopmostException();
        if (handled is null || ReferenceEquals(handled, exc))
            return;
        // Break a cycle that would pass through exc.
        var o = handled as PyBaseException;
        int guard = 0;
        while (o?.Context is PyBaseException ctx && guard++ < 10000)
        {
            if (ReferenceEquals(ctx, exc))
            {
                o.Context = null;
                break;
            }
            o = ctx;
        }
        exc.Context = handled;
    }

    private static PyException Unbound(PyCodeObject code, int index) =>
        Err.New(PyType.UnboundLocalError, $"cannot access local variable '{code.LocalsPlusNames[index].Value}' where it is not associated with a value");

    private static PyException UnboundDeref(PyCodeObject code, int index)
    {
        var name = code.LocalsPlusNames[index].Value;
        bool isCell = (code.LocalsPlusKinds[index] & 0x80) == 0;
        return isCell
            ? Err.New(PyType.UnboundLocalError, $"cannot access local variable '{name}' where it is not associated with a value")
            : Err.New(PyType.NameError, $"cannot access free variable '{name}' where it is not associated with a value in enclosing scope", name);
    }

    /// <summary>LOAD_GLOBAL through the instruction's cache (<see cref="PyCodeObject.GlobalCache"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyObject CachedGlobal(Frame f, PyCodeObject code, int at, PyStr name)
    {
        var caches = code.GlobalCaches ??= new PyCodeObject.GlobalCache?[code.Code.Length];
        var c = caches[at] ??= new PyCodeObject.GlobalCache();
        var g = f.Globals;
        var b = f.Builtins;
        if (ReferenceEquals(c.Globals, g) && c.GlobalsMutations == g.Mutations && ReferenceEquals(c.Builtins, b) && c.BuiltinsMutations == b.Mutations)
            return c.Value!;
        var v = LoadGlobal(f, name);
        c.Globals = g;
        c.Builtins = b;
        c.GlobalsMutations = g.Mutations;
        c.BuiltinsMutations = b.Mutations;
        c.Value = v;
        return v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static PyObject LoadGlobal(Frame f, PyStr name)
    {
        if (f.Globals.TryGetStr(name, out var v))
            return v;
        if (f.Builtins.TryGetStr(name, out v))
            return v;
        throw Err.Name(name.Value);
    }

    private static PyObject? MappingGet(PyObject mapping, PyStr name)
    {
        if (mapping is PyDict d && mapping.GetType() == typeof(PyDict))
            return d.TryGetStr(name, out var v) ? v : null;
        try
        {
            return Ops.GetItem(mapping, name);
        }
        catch (PyException e) when (Err.Matches(e, PyType.KeyError))
        {
            return null;
        }
    }

    private static PyObject LoadName(Frame f, PyStr name)
    {
        if (f.Locals is { } locals && MappingGet(locals, name) is { } v)
            return v;
        return LoadGlobal(f, name);
    }

    private static void StoreName(Frame f, PyStr name, PyObject value)
    {
        var locals = f.Locals ?? throw Err.New(PyType.SystemError, $"no locals found when storing '{name.Value}'");
        if (locals is PyDict d && locals.GetType() == typeof(PyDict))
            d.SetItem(name, value);
        else
            Ops.SetItem(locals, name, value);
    }

    private static void DeleteName(Frame f, PyStr name)
    {
        var locals = f.Locals ?? throw Err.New(PyType.SystemError, $"no locals when deleting '{name.Value}'");
        try
        {
            Ops.DelItem(locals, name);
        }
        catch (PyException e) when (Err.Matches(e, PyType.KeyError))
        {
            throw Err.Name(name.Value);
        }
    }

    /// <summary>
    /// CALL: below the arguments sit two slots, [callable, self] or [NULL, callable] (3.11, 3.12) or
    /// [callable, NULL] (3.13). Whichever is not NULL first is the callable; when both are set, the second is
    /// the bound self, prepended to the arguments.
    /// </summary>
    private static int DoCall(PyObject[] fast, int sp, int argc, PyTuple? kwnames, VmThreadState ts)
    {
        int baseIndex = sp - argc - 2;
        var x = fast[baseIndex];
        var y = fast[baseIndex + 1];
        PyObject result;
        if (x is null)
        {
            result = y.GetType() == typeof(PyFunction)
                ? CallFunction(Unsafe.As<PyFunction>(y), null, new ReadOnlySpan<PyObject>(fast, baseIndex + 2, argc), kwnames, ts)
                : Ops.Call(y, new ReadOnlySpan<PyObject>(fast, baseIndex + 2, argc), kwnames);
        }
        else if (y is null)
        {
            result = Ops.Call(x, new ReadOnlySpan<PyObject>(fast, baseIndex + 2, argc), kwnames);
        }
        else if (x.GetType() == typeof(PyFunction))
        {
            result = CallFunction(Unsafe.As<PyFunction>(x), y, new ReadOnlySpan<PyObject>(fast, baseIndex + 2, argc), kwnames, ts);
        }
        else
        {
            result = Ops.Call(x, new ReadOnlySpan<PyObject>(fast, baseIndex + 1, argc + 1), kwnames);
        }
        for (int k = baseIndex + 1; k < sp; k++)
            ObjectArray.Put(fast, k, null!);
        ObjectArray.Put(fast, baseIndex, result);
        return baseIndex + 1;
    }
}
