using System.Runtime.CompilerServices;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>
/// list.sort and sorted(): CPython's timsort (Objects/listobject.c list_sort_impl, Objects/listsort.txt), step for
/// step, because the order in which it calls <c>&lt;</c> is visible to keys whose <c>__lt__</c> has side effects or
/// is inconsistent (NaN), and a raising comparison leaves the list in whatever permutation the algorithm reached.
/// </summary>
internal static class ListSort
{
    public static void Sort(PyList list, PyObject? key, bool reverse)
    {
        // The list reads as empty while it sorts (and while the keys are computed), so that a key function or a
        // comparison that changes it cannot disturb the items being sorted. Anything it puts there is dropped.
        var items = list._items;
        int n = list._count;
        var marker = new PyObject[0];
        list._items = marker;
        list._count = 0;
        PyObject[]? keys = null;
        if (key is not null)
        {
            keys = new PyObject[n];
            try
            {
                for (int i = 0; i < n; i++)
                    keys[i] = Ops.Call(key, items[i]);
            }
            catch
            {
                // keyfunc_fail: the items are untouched; no "modified during sort" check on this path.
                Restore(list, items, n);
                throw;
            }
        }
        bool modified;
        try
        {
            if (n > 1)
            {
                // Stability of reverse=True: reverse, stable forward sort, reverse back.
                if (reverse)
                {
                    Array.Reverse(keys ?? items, 0, n);
                    if (keys is not null)
                        Array.Reverse(items, 0, n);
                }
                Run(keys ?? items, keys is null ? null : items, n);
            }
            modified = !ReferenceEquals(list._items, marker) || list._count != 0;
        }
        finally
        {
            // The final reversal happens after a failed comparison too.
            if (reverse && n > 1)
                Array.Reverse(items, 0, n);
            Restore(list, items, n);
        }
        if (modified)
            throw Err.Value("list modified during sort");
    }

    private static void Restore(PyList list, PyObject[] items, int n)
    {
        list._items = items;
        list._count = n;
    }

    // A comparison that raises propagates out of Run with the list as CPython leaves it; Sort's finally puts it back.
    private static void Run(PyObject[] keys, PyObject[]? values, int n)
    {
        bool equalDescents = PyRuntime.Current.Dialect.SortRunsWithEqualDescents;
        var (kind, elem) = PreSortCheck(keys, n, out var sameTypeCompare);
        switch (kind)
        {
            case KeyKind.Tuple:
                switch (elem)
                {
                    case KeyKind.Str: new TimSort<TupleLess<StrLess>>(default, keys, values, n, equalDescents).Sort(); break;
                    case KeyKind.Int: new TimSort<TupleLess<IntLess>>(default, keys, values, n, equalDescents).Sort(); break;
                    case KeyKind.Float: new TimSort<TupleLess<FloatLess>>(default, keys, values, n, equalDescents).Sort(); break;
                    case KeyKind.SameType:
                        new TimSort<TupleLess<SameTypeLess>>(new(new(sameTypeCompare!)), keys, values, n, equalDescents).Sort();
                        break;
                    default: new TimSort<TupleLess<ObjectLess>>(default, keys, values, n, equalDescents).Sort(); break;
                }
                break;
            case KeyKind.Str: new TimSort<StrLess>(default, keys, values, n, equalDescents).Sort(); break;
            case KeyKind.Int: new TimSort<IntLess>(default, keys, values, n, equalDescents).Sort(); break;
            case KeyKind.Float: new TimSort<FloatLess>(default, keys, values, n, equalDescents).Sort(); break;
            case KeyKind.SameType: new TimSort<SameTypeLess>(new(sameTypeCompare!), keys, values, n, equalDescents).Sort(); break;
            default: new TimSort<ObjectLess>(default, keys, values, n, equalDescents).Sort(); break;
        }
    }

    private enum KeyKind { Object, SameType, Str, Int, Float, Tuple }

    /// <summary>
    /// list_sort_impl's pre-sort check: when every key has the first key's exact type (for non-empty tuples: every
    /// key is one and their first items share a type), compare without the generic dispatch. For str, int and float
    /// that is unobservable (unsafe_latin/long/float_compare); another type's slot is called directly and only on
    /// NotImplemented does the full protocol run (unsafe_object_compare), which calls a __lt__ returning
    /// NotImplemented twice, as CPython does.
    /// </summary>
    private static (KeyKind Kind, KeyKind Elem) PreSortCheck(PyObject[] keys, int n, out Func<PyObject, PyObject, CompareOp, PyObject>? compare)
    {
        bool inTuples = keys[0] is PyTuple t0 && ReferenceEquals(t0.Type, PyType.TupleType) && t0.Items.Length > 0;
        var keyType = inTuples ? ((PyTuple)keys[0]).Items[0].Type : keys[0].Type;
        bool sameType = true;
        for (int i = 0; i < n; i++)
        {
            var k = keys[i];
            if (inTuples && !(k is PyTuple t && ReferenceEquals(t.Type, PyType.TupleType) && t.Items.Length > 0))
            {
                inTuples = false;
                sameType = false;
                break;
            }
            if (!ReferenceEquals((inTuples ? ((PyTuple)k).Items[0] : k).Type, keyType))
            {
                sameType = false;
                // Tuples are checked to the end: all of them must be non-empty tuples for the tuple compare.
                if (!inTuples)
                    break;
            }
        }
        compare = null;
        var kind = KeyKind.Object;
        if (sameType)
        {
            if (ReferenceEquals(keyType, PyType.StrType))
                kind = KeyKind.Str;
            else if (ReferenceEquals(keyType, PyType.IntType))
                kind = KeyKind.Int;
            else if (ReferenceEquals(keyType, PyType.FloatType))
                kind = KeyKind.Float;
            else if ((compare = keyType.Compare) is not null)
                kind = KeyKind.SameType;
        }
        if (!inTuples)
            return (kind, KeyKind.Object);
        // Tuples of tuples compare their first items with the safe compare.
        return (KeyKind.Tuple, ReferenceEquals(keyType, PyType.TupleType) ? KeyKind.Object : kind);
    }
}

/// <summary>The "&lt;" a sort uses (ISLT in Objects/listobject.c).</summary>
internal interface ILess
{
    bool Lt(PyObject a, PyObject b);
}

/// <summary>safe_object_compare: the full rich-comparison protocol.</summary>
internal struct ObjectLess : ILess
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Lt(PyObject a, PyObject b) => Ops.RichCompareBool(a, b, CompareOp.Lt);
}

/// <summary>unsafe_object_compare: all keys of one type; its slot directly, the full protocol on NotImplemented or
/// when an object's slot is no longer the one the pre-sort check saw.</summary>
internal readonly struct SameTypeLess(Func<PyObject, PyObject, CompareOp, PyObject> compare) : ILess
{
    public bool Lt(PyObject a, PyObject b)
    {
        if (!ReferenceEquals(a.Type.Compare, compare))
            return Ops.RichCompareBool(a, b, CompareOp.Lt);
        var r = compare(a, b, CompareOp.Lt);
        if (ReferenceEquals(r, Ops.NotImplemented))
            return Ops.RichCompareBool(a, b, CompareOp.Lt);
        return r is PyBool x ? x.IsTrue : Ops.IsTrue(r);
    }
}

/// <summary>unsafe_latin_compare, for every exact str: code point order.</summary>
internal struct StrLess : ILess
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Lt(PyObject a, PyObject b) => PyStr.CompareCodePoints(Unsafe.As<PyStr>(a), Unsafe.As<PyStr>(b)) < 0;
}

/// <summary>unsafe_long_compare, for every exact int (the big ones by value, which int's own &lt; also does).</summary>
internal struct IntLess : ILess
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Lt(PyObject a, PyObject b)
    {
        var x = Unsafe.As<PyInt>(a);
        var y = Unsafe.As<PyInt>(b);
        return x.IsSmall && y.IsSmall ? x.Small < y.Small : x.Value < y.Value;
    }
}

/// <summary>unsafe_float_compare: IEEE &lt;, false whenever a NaN is involved.</summary>
internal struct FloatLess : ILess
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool Lt(PyObject a, PyObject b) => Unsafe.As<PyFloat>(a).Value < Unsafe.As<PyFloat>(b).Value;
}

/// <summary>
/// unsafe_tuple_compare: items compared for == (identity first) up to the first difference, which is then
/// compared with &lt;; the first items with the compare the pre-sort check chose for them.
/// </summary>
internal struct TupleLess<TFirst>(TFirst first) : ILess where TFirst : struct, ILess
{
    private TFirst _first = first;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Lt(PyObject a, PyObject b)
    {
        var v = Unsafe.As<PyTuple>(a).Items;
        var w = Unsafe.As<PyTuple>(b).Items;
        int i = 0;
        for (; i < v.Length && i < w.Length; i++)
            if (!ItemsEqual(v[i], w[i]))
                break;
        if (i >= v.Length || i >= w.Length)
            return v.Length < w.Length;
        return i == 0 ? _first.Lt(v[0], w[0]) : Ops.RichCompareBool(v[i], w[i], CompareOp.Lt);
    }

    // PyObject_RichCompareBool(x, y, Py_EQ), answered here for exact ints and strs, whose == runs no Python code.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool ItemsEqual(PyObject x, PyObject y)
    {
        if (ReferenceEquals(x, y))
            return true;
        if (x.GetType() == typeof(PyInt) && y.GetType() == typeof(PyInt))
        {
            var a = Unsafe.As<PyInt>(x);
            var b = Unsafe.As<PyInt>(y);
            if (a.IsSmall && b.IsSmall)
                return a.Small == b.Small;
        }
        else if (x.GetType() == typeof(PyStr) && y.GetType() == typeof(PyStr))
        {
            return PyStr.EqualCodePoints(Unsafe.As<PyStr>(x), Unsafe.As<PyStr>(y));
        }
        return Ops.RichCompareBool(x, y, CompareOp.Eq);
    }
}

/// <summary>
/// One timsort (Objects/listobject.c: count_run, binarysort, gallop_left/right, merge_lo/hi, merge_at,
/// powerloop, found_new_run, merge_force_collapse, merge_compute_minrun). Keys are sorted with the values (the
/// items, when a key function made the keys) moved in lockstep. Spans, not arrays: a store into a span of
/// PyObject skips the array covariance check.
/// </summary>
internal ref struct TimSort<TLess> where TLess : struct, ILess
{
    private const int MinGallop = 7;   // MIN_GALLOP
    private const int MaxMinrun = 64;  // MAX_MINRUN

    private struct PendingRun
    {
        public int Base, Len, Power;
    }

    private TLess _lt;
    private readonly Span<PyObject> _keys;
    private readonly Span<PyObject> _values;
    private readonly bool _hasValues;
    private readonly int _length;
    private readonly bool _equalDescents;
    private int _minGallop;
    private Span<PyObject> _tempKeys;
    private Span<PyObject> _tempValues;
    private readonly PendingRun[] _pending;
    private int _n;

    public TimSort(TLess lt, PyObject[] keys, PyObject[]? values, int length, bool equalDescents)
    {
        _lt = lt;
        _keys = keys.AsSpan(0, length);
        _hasValues = values is not null;
        _values = values is null ? default : values.AsSpan(0, length);
        _length = length;
        _equalDescents = equalDescents;
        _minGallop = MinGallop;
        // MAX_MERGE_PENDING: powersort keeps at most floor(log2(n)) + 1 runs pending.
        _pending = new PendingRun[64];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Sort()
    {
        int lo = 0, remaining = _length;
        int minrun = ComputeMinrun(remaining);
        do
        {
            int n = _equalDescents ? CountRun(lo, remaining) : CountRunStrict(lo, remaining);
            if (n < minrun)
            {
                int force = remaining <= minrun ? remaining : minrun;
                BinarySort(lo, force, n);
                n = force;
            }
            FoundNewRun(n);
            _pending[_n++] = new PendingRun { Base = lo, Len = n };
            lo += n;
            remaining -= n;
        }
        while (remaining != 0);
        MergeForceCollapse();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Lt(PyObject a, PyObject b) => _lt.Lt(a, b);

    private static int ComputeMinrun(int n)
    {
        int r = 0;
        while (n >= MaxMinrun)
        {
            r |= n & 1;
            n >>= 1;
        }
        return n + r;
    }

    private readonly void Reverse(int lo, int n)
    {
        _keys.Slice(lo, n).Reverse();
        if (_hasValues)
            _values.Slice(lo, n).Reverse();
    }

    /// <summary>count_run until 3.12: a non-descending run, or a strictly descending one (reversed here, as the
    /// caller did).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CountRunStrict(int lo, int remaining)
    {
        var k = _keys;
        if (remaining == 1)
            return 1;
        int n = 2, hi = lo + remaining;
        if (Lt(k[lo + 1], k[lo]))
        {
            for (int i = lo + 2; i < hi && Lt(k[i], k[i - 1]); i++)
                n++;
            Reverse(lo, n);
        }
        else
        {
            for (int i = lo + 2; i < hi && !Lt(k[i], k[i - 1]); i++)
                n++;
        }
        return n;
    }

    /// <summary>count_run from 3.13 (gh-116554): a run that is ascending when it returns, made from a
    /// non-descending one, or a descending one whose equal stretches are reversed on the fly (so the final
    /// reversal keeps them stable), extended by an ascending tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CountRun(int lo, int remaining)
    {
        var k = _keys.Slice(lo, remaining);
        int n;
        for (n = 1; n < remaining; n++)
            if (Lt(k[n], k[n - 1]))
                break;
        if (n == remaining)
            return n;
        // k[n] is strictly less. An ascending prefix longer than 1 is a run unless all of it is equal.
        if (n > 1)
        {
            if (Lt(k[0], k[n - 1]))
                return n;
            Reverse(lo, n);
        }
        n++;
        int neq = 0;
        for (; n < remaining; n++)
        {
            if (Lt(k[n], k[n - 1]))
                ReverseLastEqual(lo, n, ref neq);
            else if (Lt(k[n - 1], k[n]))
                break;
            else
                neq++;
        }
        ReverseLastEqual(lo, n, ref neq);
        Reverse(lo, n);
        for (; n < remaining; n++)
            if (Lt(k[n], k[n - 1]))
                break;
        return n;
    }

    // REVERSE_LAST_NEQ: the last neq + 1 elements before index n are equal; reverse them in place.
    private readonly void ReverseLastEqual(int lo, int n, ref int neq)
    {
        if (neq == 0)
            return;
        neq++;
        Reverse(lo + n - neq, neq);
        neq = 0;
    }

    /// <summary>binarysort: k[lo, lo + ok) is sorted; insert the rest of k[lo, lo + n) by binary search.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BinarySort(int lo, int n, int ok)
    {
        var a = _keys.Slice(lo, n);
        var v = _hasValues ? _values.Slice(lo, n) : default;
        if (ok == 0)
            ok++;
        for (; ok < n; ok++)
        {
            int l = 0, r = ok;
            var pivot = a[ok];
            do
            {
                int m = (l + r) >> 1;
                if (Lt(pivot, a[m]))
                    r = m;
                else
                    l = m + 1;
            }
            while (l < r);
            a.Slice(l, ok - l).CopyTo(a.Slice(l + 1));
            a[l] = pivot;
            if (_hasValues)
            {
                var vp = v[ok];
                v.Slice(l, ok - l).CopyTo(v.Slice(l + 1));
                v[l] = vp;
            }
        }
    }

    /// <summary>gallop_left: the k in 0..n with a[k-1] &lt; key &lt;= a[k], searching out from a[hint].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int GallopLeft(PyObject key, ReadOnlySpan<PyObject> a, int n, int hint)
    {
        int lastofs = 0, ofs = 1;
        if (Lt(a[hint], key))
        {
            // a[hint] < key: gallop right until a[hint + lastofs] < key <= a[hint + ofs].
            int maxofs = n - hint;
            while (ofs < maxofs)
            {
                if (!Lt(a[hint + ofs], key))
                    break;
                lastofs = ofs;
                ofs = Next(ofs, maxofs);
            }
            if (ofs > maxofs)
                ofs = maxofs;
            lastofs += hint;
            ofs += hint;
        }
        else
        {
            // key <= a[hint]: gallop left until a[hint - ofs] < key <= a[hint - lastofs].
            int maxofs = hint + 1;
            while (ofs < maxofs)
            {
                if (Lt(a[hint - ofs], key))
                    break;
                lastofs = ofs;
                ofs = Next(ofs, maxofs);
            }
            if (ofs > maxofs)
                ofs = maxofs;
            int t = lastofs;
            lastofs = hint - ofs;
            ofs = hint - t;
        }
        // a[lastofs] < key <= a[ofs]: binary search in between.
        lastofs++;
        while (lastofs < ofs)
        {
            int m = lastofs + ((ofs - lastofs) >> 1);
            if (Lt(a[m], key))
                lastofs = m + 1;
            else
                ofs = m;
        }
        return ofs;
    }

    /// <summary>gallop_right: the k in 0..n with a[k-1] &lt;= key &lt; a[k] (after any equal elements).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int GallopRight(PyObject key, ReadOnlySpan<PyObject> a, int n, int hint)
    {
        int lastofs = 0, ofs = 1;
        if (Lt(key, a[hint]))
        {
            // key < a[hint]: gallop left until a[hint - ofs] <= key < a[hint - lastofs].
            int maxofs = hint + 1;
            while (ofs < maxofs)
            {
                if (!Lt(key, a[hint - ofs]))
                    break;
                lastofs = ofs;
                ofs = Next(ofs, maxofs);
            }
            if (ofs > maxofs)
                ofs = maxofs;
            int t = lastofs;
            lastofs = hint - ofs;
            ofs = hint - t;
        }
        else
        {
            // a[hint] <= key: gallop right until a[hint + lastofs] <= key < a[hint + ofs].
            int maxofs = n - hint;
            while (ofs < maxofs)
            {
                if (Lt(key, a[hint + ofs]))
                    break;
                lastofs = ofs;
                ofs = Next(ofs, maxofs);
            }
            if (ofs > maxofs)
                ofs = maxofs;
            lastofs += hint;
            ofs += hint;
        }
        lastofs++;
        while (lastofs < ofs)
        {
            int m = lastofs + ((ofs - lastofs) >> 1);
            if (Lt(key, a[m]))
                ofs = m;
            else
                lastofs = m + 1;
        }
        return ofs;
    }

    // ofs = 2 * ofs + 1, capped where it would overflow (Py_ssize_t never does for a list's length; an int can).
    private static int Next(int ofs, int maxofs) => ofs > (int.MaxValue - 1) / 2 ? maxofs : (ofs << 1) + 1;

    private void EnsureTemp(int need)
    {
        if (need <= _tempKeys.Length)
            return;
        _tempKeys = new PyObject[need];
        if (_hasValues)
            _tempValues = new PyObject[need];
    }

    /// <summary>Copies count elements (keys and values) between the list and the temp area; overlaps allowed.</summary>
    private readonly void Move(bool fromTemp, int from, bool toTemp, int to, int count)
    {
        (fromTemp ? _tempKeys : _keys).Slice(from, count).CopyTo((toTemp ? _tempKeys : _keys).Slice(to, count));
        if (_hasValues)
            (fromTemp ? _tempValues : _values).Slice(from, count).CopyTo((toTemp ? _tempValues : _values).Slice(to, count));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly void Put(int dest, Span<PyObject> keys, Span<PyObject> values, int from)
    {
        _keys[dest] = keys[from];
        if (_hasValues)
            _values[dest] = values[from];
    }

    /// <summary>merge_lo: runs A = [pa, pa + na) and B right after it, na &lt;= nb, A's last element belongs at the
    /// end and B's first at the start. A goes to the temp area and the merge fills the list from the left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MergeLo(int pa, int na, int pb, int nb)
    {
        EnsureTemp(na);
        Move(false, pa, true, 0, na);
        var keys = _keys;
        var values = _values;
        var tk = _tempKeys;
        var tv = _tempValues;
        int dest = pa, a = 0, b = pb;
        Put(dest++, keys, values, b++);
        nb--;
        if (nb == 0)
            goto Succeed;
        if (na == 1)
            goto CopyB;
        int minGallop = _minGallop;
        try
        {
            for (;;)
            {
                int acount = 0, bcount = 0;
                // One element at a time until one run seems to win consistently.
                for (;;)
                {
                    if (Lt(keys[b], tk[a]))
                    {
                        Put(dest++, keys, values, b++);
                        bcount++;
                        acount = 0;
                        if (--nb == 0)
                            goto Succeed;
                        if (bcount >= minGallop)
                            break;
                    }
                    else
                    {
                        Put(dest++, tk, tv, a++);
                        acount++;
                        bcount = 0;
                        if (--na == 1)
                            goto CopyB;
                        if (acount >= minGallop)
                            break;
                    }
                }
                // Galloping, until neither run wins MIN_GALLOP in a row.
                minGallop++;
                do
                {
                    minGallop -= minGallop > 1 ? 1 : 0;
                    _minGallop = minGallop;
                    int k = GallopRight(keys[b], tk[a..], na, 0);
                    acount = k;
                    if (k != 0)
                    {
                        Move(true, a, false, dest, k);
                        dest += k;
                        a += k;
                        na -= k;
                        if (na == 1)
                            goto CopyB;
                        // na == 0 only if the comparison is inconsistent.
                        if (na == 0)
                            goto Succeed;
                    }
                    Put(dest++, keys, values, b++);
                    if (--nb == 0)
                        goto Succeed;
                    k = GallopLeft(tk[a], keys[b..], nb, 0);
                    bcount = k;
                    if (k != 0)
                    {
                        Move(false, b, false, dest, k);
                        dest += k;
                        b += k;
                        nb -= k;
                        if (nb == 0)
                            goto Succeed;
                    }
                    Put(dest++, tk, tv, a++);
                    if (--na == 1)
                        goto CopyB;
                }
                while (acount >= MinGallop || bcount >= MinGallop);
                minGallop++; // penalize it for leaving galloping mode
                _minGallop = minGallop;
            }
        }
        catch
        {
            // Fail: what is left of A goes back, so the list is a permutation of what it was.
            if (na != 0)
                Move(true, a, false, dest, na);
            throw;
        }
    Succeed:
        if (na != 0)
            Move(true, a, false, dest, na);
        return;
    CopyB:
        // The last element of A belongs at the end of the merge.
        Move(false, b, false, dest, nb);
        Put(dest + nb, tk, tv, a);
    }

    /// <summary>merge_hi: as merge_lo with na &gt;= nb; B goes to the temp area and the merge fills the list from
    /// the right. The mirror image of MergeLo, kept apart as listobject.c keeps it: one routine with a direction
    /// would be harder to check line by line against the C, and slower in the inner loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MergeHi(int pa, int na, int pb, int nb)
    {
        EnsureTemp(nb);
        Move(false, pb, true, 0, nb);
        var keys = _keys;
        var values = _values;
        var tk = _tempKeys;
        var tv = _tempValues;
        int dest = pb + nb - 1, a = pa + na - 1, b = nb - 1;
        Put(dest--, keys, values, a--);
        na--;
        if (na == 0)
            goto Succeed;
        if (nb == 1)
            goto CopyA;
        int minGallop = _minGallop;
        try
        {
            for (;;)
            {
                int acount = 0, bcount = 0;
                for (;;)
                {
                    if (Lt(tk[b], keys[a]))
                    {
                        Put(dest--, keys, values, a--);
                        acount++;
                        bcount = 0;
                        if (--na == 0)
                            goto Succeed;
                        if (acount >= minGallop)
                            break;
                    }
                    else
                    {
                        Put(dest--, tk, tv, b--);
                        bcount++;
                        acount = 0;
                        if (--nb == 1)
                            goto CopyA;
                        if (bcount >= minGallop)
                            break;
                    }
                }
                minGallop++;
                do
                {
                    minGallop -= minGallop > 1 ? 1 : 0;
                    _minGallop = minGallop;
                    int k = na - GallopRight(tk[b], keys[pa..], na, na - 1);
                    acount = k;
                    if (k != 0)
                    {
                        dest -= k;
                        a -= k;
                        Move(false, a + 1, false, dest + 1, k);
                        na -= k;
                        if (na == 0)
                            goto Succeed;
                    }
                    Put(dest--, tk, tv, b--);
                    if (--nb == 1)
                        goto CopyA;
                    k = nb - GallopLeft(keys[a], tk, nb, nb - 1);
                    bcount = k;
                    if (k != 0)
                    {
                        dest -= k;
                        b -= k;
                        Move(true, b + 1, false, dest + 1, k);
                        nb -= k;
                        if (nb == 1)
                            goto CopyA;
                        // nb == 0 only if the comparison is inconsistent.
                        if (nb == 0)
                            goto Succeed;
                    }
                    Put(dest--, keys, values, a--);
                    if (--na == 0)
                        goto Succeed;
                }
                while (acount >= MinGallop || bcount >= MinGallop);
                minGallop++;
                _minGallop = minGallop;
            }
        }
        catch
        {
            if (nb != 0)
                Move(true, 0, false, dest - (nb - 1), nb);
            throw;
        }
    Succeed:
        if (nb != 0)
            Move(true, 0, false, dest - (nb - 1), nb);
        return;
    CopyA:
        // The first element of B belongs at the front of the merge.
        Move(false, a + 1 - na, false, dest + 1 - na, na);
        Put(dest - na, tk, tv, b);
    }

    /// <summary>merge_at: merges pending runs i and i + 1, after trimming what is already in place.</summary>
    private void MergeAt(int i)
    {
        int pa = _pending[i].Base, na = _pending[i].Len;
        int pb = _pending[i + 1].Base, nb = _pending[i + 1].Len;
        _pending[i].Len = na + nb;
        if (i == _n - 3)
            _pending[i + 1] = _pending[i + 2];
        _n--;
        // Where does B's first element go in A? What comes before is in place already.
        int k = GallopRight(_keys[pb], _keys[pa..], na, 0);
        pa += k;
        na -= k;
        if (na == 0)
            return;
        // Where does A's last element go in B? What comes after is in place already.
        nb = GallopLeft(_keys[pa + na - 1], _keys[pb..], nb, nb - 1);
        if (nb <= 0)
            return;
        if (na <= nb)
            MergeLo(pa, na, pb, nb);
        else
            MergeHi(pa, na, pb, nb);
    }

    /// <summary>powerloop: the powersort "power" of the boundary between the runs [s1, s1 + n1) and the next n2
    /// elements, in a list of n (the first bit where the midpoints' binary fractions of n differ).</summary>
    private static int PowerLoop(long s1, long n1, long n2, long n)
    {
        int result = 0;
        long a = 2 * s1 + n1, b = a + n1 + n2;
        for (;;)
        {
            result++;
            if (a >= n)
            {
                a -= n;
                b -= n;
            }
            else if (b >= n)
            {
                break;
            }
            a <<= 1;
            b <<= 1;
        }
        return result;
    }

    /// <summary>found_new_run: the powersort merge policy (3.11+), merging while the run below has greater power.</summary>
    private void FoundNewRun(int n2)
    {
        if (_n == 0)
            return;
        int power = PowerLoop(_pending[_n - 1].Base, _pending[_n - 1].Len, n2, _length);
        while (_n > 1 && _pending[_n - 2].Power > power)
            MergeAt(_n - 2);
        _pending[_n - 1].Power = power;
    }

    private void MergeForceCollapse()
    {
        while (_n > 1)
        {
            int n = _n - 2;
            if (n > 0 && _pending[n - 1].Len < _pending[n + 1].Len)
                n--;
            MergeAt(n);
        }
    }
}
