using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>Objects/sliceobject.c PySlice_Unpack + PySlice_AdjustIndices.</summary>
internal static class Slices
{
    public static int Indices(PySlice s, int length, out int start, out int stop, out int step)
    {
        long st = s.Step is PyNone ? 1 : Clamp(Ops.Index(s.Step));
        if (st == 0)
            throw Err.Value("slice step cannot be zero");
        long lo, hi;
        if (s.Start is PyNone)
            lo = st < 0 ? long.MaxValue : 0;
        else
            lo = Clamp(Ops.Index(s.Start));
        if (s.Stop is PyNone)
            hi = st < 0 ? long.MinValue : long.MaxValue;
        else
            hi = Clamp(Ops.Index(s.Stop));
        lo = Adjust(lo, length, st);
        hi = Adjust(hi, length, st);
        start = (int)lo;
        stop = (int)hi;
        step = (int)Math.Clamp(st, int.MinValue + 1, int.MaxValue);
        if (st < 0)
            return hi < lo ? (int)((lo - hi - 1) / -st + 1) : 0;
        return lo < hi ? (int)((hi - lo - 1) / st + 1) : 0;
    }

    /// <summary>_PyEval_SliceIndex (Python/ceval.c): an int or __index__ value, clipped to the machine range.</summary>
    public static long SliceIndex(PyObject o)
    {
        if (o is not PyInt && o.Type.Index is null)
            throw Err.Type("slice indices must be integers or have an __index__ method");
        return Clamp(Ops.Index(o));
    }

    private static long Clamp(PyInt i) => i.IsSmall ? i.Small : i.Value.Sign < 0 ? long.MinValue : long.MaxValue;

    private static long Adjust(long i, int length, long step)
    {
        if (i < 0)
        {
            i += length;
            if (i < 0)
                i = step < 0 ? -1 : 0;
        }
        else if (i >= length)
        {
            i = step < 0 ? length - 1 : length;
        }
        return i;
    }

    /// <summary>A sequence index: negative counts from the end; out of range raises IndexError with the message.</summary>
    public static int Index(PyObject key, int length, string what)
    {
        long i = Ops.Index(key) is { IsSmall: true } pi ? pi.Small : throw Err.Index($"cannot fit 'int' into an index-sized integer");
        if (i < 0)
            i += length;
        if (i < 0 || i >= length)
            throw Err.Index($"{what} index out of range");
        return (int)i;
    }
}
