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

    /// <summary>del seq[slice] for a list-backed sequence (list_ass_slice, bytearray_setslice with no value).</summary>
    public static void Delete<T>(List<T> l, int start, int n, int step)
    {
        if (step == 1)
        {
            if (n > 0)
                l.RemoveRange(start, n);
            return;
        }
        // Highest index first, so earlier removals do not shift the later ones.
        for (int i = 0; i < n; i++)
            l.RemoveAt(step > 0 ? start + (n - 1 - i) * step : start + i * step);
    }

    /// <summary>seq[slice] = items: a step of 1 replaces the range, any other step needs exactly n items.</summary>
    public static void Assign<T>(List<T> l, int start, int n, int step, T[] items, string what)
    {
        if (step == 1)
        {
            l.RemoveRange(start, Math.Max(0, n));
            l.InsertRange(start, items);
            return;
        }
        if (items.Length != n)
            throw Err.Value($"attempt to assign {what} of size {items.Length} to extended slice of size {n}");
        for (int i = 0; i < n; i++)
            l[start + i * step] = items[i];
    }

    /// <summary>
    /// s.replace(old, new, count) over code units (stringlib/transmogrify.h replace): an empty old inserts new
    /// before every unit and at the end; a negative count replaces all.
    /// </summary>
    public static List<T> Replace<T>(ReadOnlySpan<T> s, ReadOnlySpan<T> old, ReadOnlySpan<T> @new, long count)
        where T : IEquatable<T>
    {
        var r = new List<T>(s.Length);
        int pos = 0;
        for (long n = 0; count < 0 || n < count; n++)
        {
            int i = old.Length == 0 ? (pos <= s.Length ? pos : -1) : s[pos..].IndexOf(old) is var j && j >= 0 ? pos + j : -1;
            if (i < 0)
                break;
            r.AddRange(s[pos..i]);
            r.AddRange(@new);
            if (old.Length == 0)
            {
                if (i < s.Length)
                    r.Add(s[i]);
                pos = i + 1;
            }
            else
            {
                pos = i + old.Length;
            }
        }
        if (pos < s.Length)
            r.AddRange(s[pos..]);
        return r;
    }

    /// <summary>ADJUST_INDICES (stringlib): a start or end of find/count/startswith, clipped to [0, len].</summary>
    public static int Adjust(long i, int len)
    {
        if (i < 0)
            i = Math.Max(0, i + len);
        return (int)Math.Min(i, len);
    }

    /// <summary>pop([index]) of a list or bytearray: the index, defaulting to the last (list_pop_impl).</summary>
    public static int PopIndex(ReadOnlySpan<PyObject> args, int count, string what)
    {
        if (count == 0)
            throw Err.Index($"pop from empty {what}");
        long i = args.Length > 0 ? Ops.IndexLong(args[0]) : -1;
        if (i < 0)
            i += count;
        if (i < 0 || i >= count)
            throw Err.Index("pop index out of range");
        return (int)i;
    }
}
