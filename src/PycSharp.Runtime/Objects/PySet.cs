namespace PycSharp.Runtime.Objects;

/// <summary>
/// set and frozenset with CPython's table (Objects/setobject.c): open addressing with runs of LINEAR_PROBES slots
/// and perturbed jumps, the same growth rule, dummies left by deletion. Iteration walks the table, so under
/// PYTHONHASHSEED=0 a set prints its items in the order CPython prints them.
/// </summary>
public class PySet : PyObject
{
    private const int MinSize = 8, LinearProbes = 9, PerturbShift = 5;

    private PyObject?[] _keys;
    private long[] _hashes;
    private int _fill, _used, _finger;
    internal int Version;
    private static readonly PyObject s_dummy = PyEllipsis.Instance;

    public PySet(bool frozen = false)
    {
        IsFrozen = frozen;
        _keys = new PyObject?[MinSize];
        _hashes = new long[MinSize];
    }

    public bool IsFrozen { get; }
    public override PyType Type => IsFrozen ? PyType.FrozenSetType : PyType.SetType;
    public int Count => _used;
    private int Mask => _keys.Length - 1;
    internal long CachedHash = -1;

    private static bool IsDummy(PyObject? k, long h) => h == -1 && ReferenceEquals(k, s_dummy);

    public bool Add(PyObject key) => Add(key, Ops.Hash(key));

    public bool Add(PyObject key, long hash)
    {
        int mask = Mask;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        int freeslot = -1;
        while (true)
        {
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            int j = i;
            do
            {
                var k = _keys[j];
                if (k is null && _hashes[j] == 0)
                    goto FoundUnusedOrDummy;
                if (_hashes[j] == hash && k is not null && !IsDummy(k, _hashes[j]))
                {
                    if (ReferenceEquals(k, key) || Eq(k, key))
                        return false;
                }
                else if (_hashes[j] == -1 && freeslot < 0)
                {
                    freeslot = j;
                }
                j++;
            }
            while (probes-- > 0);
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
            continue;

        FoundUnusedOrDummy:
            Version++;
            if (freeslot >= 0)
            {
                _used++;
                _keys[freeslot] = key;
                _hashes[freeslot] = hash;
                return true;
            }
            _fill++;
            _used++;
            _keys[j] = key;
            _hashes[j] = hash;
            if ((long)_fill * 5 >= (long)mask * 3)
                Resize(_used > 50000 ? _used * 2 : _used * 4);
            return true;
        }
    }

    private static bool Eq(PyObject a, PyObject b) =>
        a is PyStr sa && b is PyStr sb ? sa.Value == sb.Value : Ops.Eq(a, b);

    private int Find(PyObject key, long hash)
    {
        int mask = Mask;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        while (true)
        {
            int probes = i + LinearProbes <= mask ? LinearProbes : 0;
            int j = i;
            do
            {
                var k = _keys[j];
                if (k is null && _hashes[j] == 0)
                    return -1;
                if (_hashes[j] == hash && k is not null && !IsDummy(k, _hashes[j]) && (ReferenceEquals(k, key) || Eq(k, key)))
                    return j;
                j++;
            }
            while (probes-- > 0);
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    }

    public bool Contains(PyObject key) => Find(key, Ops.Hash(key)) >= 0;

    public bool Discard(PyObject key)
    {
        int j = Find(key, Ops.Hash(key));
        if (j < 0)
            return false;
        _keys[j] = s_dummy;
        _hashes[j] = -1;
        _used--;
        Version++;
        return true;
    }

    private void Resize(int minUsed)
    {
        int size = MinSize;
        while (size <= minUsed)
            size <<= 1;
        var oldKeys = _keys;
        var oldHashes = _hashes;
        _keys = new PyObject?[size];
        _hashes = new long[size];
        _fill = _used;
        for (int k = 0; k < oldKeys.Length; k++)
            if (oldKeys[k] is { } key && !IsDummy(key, oldHashes[k]))
                InsertClean(key, oldHashes[k]);
    }

    private void InsertClean(PyObject key, long hash)
    {
        int mask = Mask;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        while (true)
        {
            if (_keys[i] is null)
                goto Found;
            if (i + LinearProbes <= mask)
            {
                for (int n = 0; n < LinearProbes; n++)
                {
                    i++;
                    if (_keys[i] is null)
                        goto Found;
                }
            }
            perturb >>= PerturbShift;
            i = (int)(((ulong)i * 5 + 1 + perturb) & (ulong)mask);
        }
    Found:
        _keys[i] = key;
        _hashes[i] = hash;
    }

    /// <summary>set_merge: adds every item of another set, sizing the table first as CPython does.</summary>
    public void Merge(PySet other)
    {
        if (ReferenceEquals(other, this) || other._used == 0)
            return;
        if ((long)(_fill + other._used) * 5 >= (long)Mask * 3)
            Resize((_used + other._used) * 2);
        if (_fill == 0 && Mask == other.Mask && other._fill == other._used)
        {
            for (int k = 0; k <= Mask; k++)
            {
                if (other._keys[k] is { } key)
                {
                    _keys[k] = key;
                    _hashes[k] = other._hashes[k];
                }
            }
            _fill = _used = other._used;
            Version++;
            return;
        }
        if (_fill == 0)
        {
            for (int k = 0; k < other._keys.Length; k++)
            {
                if (other._keys[k] is { } key && !IsDummy(key, other._hashes[k]))
                {
                    InsertClean(key, other._hashes[k]);
                    _fill++;
                    _used++;
                }
            }
            Version++;
            return;
        }
        for (int k = 0; k < other._keys.Length; k++)
            if (other._keys[k] is { } key && !IsDummy(key, other._hashes[k]))
                Add(key, other._hashes[k]);
    }

    /// <summary>set_update_internal for a dict: one resize for all its keys, then each key with its stored hash.</summary>
    public void MergeDictKeys(PyDict d)
    {
        if ((long)(_fill + d.Count) * 5 >= (long)Mask * 3)
            Resize((_used + d.Count) * 2);
        int pos = 0;
        while (d.Next(ref pos, out var k, out _))
            Add(k, d.HashAt(pos));
    }

    public bool Next(ref int position, out PyObject key)
    {
        while (position < _keys.Length)
        {
            int p = position++;
            if (_keys[p] is { } k && !IsDummy(k, _hashes[p]))
            {
                key = k;
                return true;
            }
        }
        key = null!;
        return false;
    }

    internal bool NextWithHash(ref int position, out PyObject key, out long hash)
    {
        bool ok = Next(ref position, out key);
        hash = ok ? _hashes[position - 1] : 0;
        return ok;
    }

    public PyObject[] ToArray()
    {
        var a = new PyObject[_used];
        int pos = 0, n = 0;
        while (Next(ref pos, out var k))
            a[n++] = k;
        return a;
    }

    /// <summary>set.pop: from the finger onwards (Objects/setobject.c set_pop).</summary>
    public PyObject? Pop()
    {
        if (_used == 0)
            return null;
        int i = _finger & Mask;
        while (_keys[i] is null || IsDummy(_keys[i], _hashes[i]))
        {
            i++;
            if (i > Mask)
                i = 0;
        }
        var key = _keys[i]!;
        _keys[i] = s_dummy;
        _hashes[i] = -1;
        _used--;
        _finger = i + 1;
        Version++;
        return key;
    }

    /// <summary>set_swap_bodies (Objects/setobject.c): exchanges the tables of two sets.</summary>
    internal void SwapBodies(PySet other)
    {
        (_keys, other._keys) = (other._keys, _keys);
        (_hashes, other._hashes) = (other._hashes, _hashes);
        (_fill, other._fill) = (other._fill, _fill);
        (_used, other._used) = (other._used, _used);
        (_finger, other._finger) = (other._finger, _finger);
        CachedHash = other.CachedHash = -1;
    }

    public void Clear()
    {
        _keys = new PyObject?[MinSize];
        _hashes = new long[MinSize];
        _fill = _used = 0;
        Version++;
    }

    /// <summary>frozenset.__hash__ (Objects/setobject.c frozenset_hash): every slot's hash shuffled and xored.</summary>
    internal long ComputeFrozenHash()
    {
        static ulong Shuffle(ulong h) => ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
        ulong hash = 0;
        for (int k = 0; k < _keys.Length; k++)
            hash ^= Shuffle((ulong)_hashes[k]);
        if (((_keys.Length - _fill) & 1) != 0)
            hash ^= Shuffle(0);
        if (((_fill - _used) & 1) != 0)
            hash ^= Shuffle(unchecked((ulong)-1L));
        hash ^= ((ulong)_used + 1) * 1927868237UL;
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash * 69069U + 907133923UL;
        if (hash == ulong.MaxValue)
            hash = 590923713UL;
        return (long)hash;
    }

    internal static PySet Subclass(PyType type, bool frozen) => new PySetSub(type, frozen);
}

internal sealed class PySetSub(PyType type, bool frozen) : PySet(frozen)
{
    private readonly PyDict? _dict = type.HasDict ? new PyDict() : null;
    public override PyType Type => type;
    public override PyDict? Dict => _dict;
}
