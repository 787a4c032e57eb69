namespace PycSharp.Runtime.Objects;

/// <summary>
/// dict: a compact, insertion-ordered hash table (Objects/dictobject.c's layout: an index table over an entry
/// array, so iteration follows insertion order and deletion leaves a hole). Keys compare by identity first, then
/// by hash and <c>__eq__</c>.
/// </summary>
public class PyDict : PyObject
{
    private struct Entry
    {
        public long Hash;
        public PyObject? Key;
        public PyObject? Value;
    }

    private const int Free = -1, Dummy = -2;

    private int[] _indices;
    private Entry[] _entries;
    private int _next;     // entries used (including deleted ones)
    private int _used;     // live entries
    /// <summary>Bumped on every insertion or deletion, so iterators can see the dict change size.</summary>
    internal int Version;
    /// <summary>Bumped by every change of what the dict maps (a new key, a new value for a key, a removal, a clear),
    /// unlike <see cref="Version"/>, which only tracks the key set: LOAD_GLOBAL's cache keys on it.</summary>
    internal int Mutations;

    public PyDict() : this(8) { }

    public PyDict(int capacity)
    {
        int size = 8;
        while (size * 2 < capacity * 3)
            size <<= 1;
        _indices = new int[size];
        Array.Fill(_indices, Free);
        _entries = new Entry[size * 2 / 3];
    }

    public override PyType Type => PyType.DictType;

    public int Count => _used;

    private int FindIndexSlot(PyObject key, long hash, out int entryIndex)
    {
        int mask = _indices.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        int firstDummy = -1;
        while (true)
        {
            int ix = _indices[i];
            if (ix == Free)
            {
                entryIndex = -1;
                return firstDummy >= 0 ? firstDummy : i;
            }
            if (ix == Dummy)
            {
                if (firstDummy < 0)
                    firstDummy = i;
            }
            else
            {
                ref var e = ref _entries[ix];
                if (ReferenceEquals(e.Key, key) || (e.Hash == hash && KeysEqual(e.Key!, key)))
                {
                    entryIndex = ix;
                    return i;
                }
            }
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + perturb + 1) & (ulong)mask);
        }
    }

    private static bool KeysEqual(PyObject a, PyObject b)
    {
        if (a is PyStr sa && b is PyStr sb)
            return sa.Value == sb.Value;
        return Ops.Eq(a, b);
    }

    public bool TryGetValue(PyObject key, out PyObject value)
    {
        FindIndexSlot(key, Ops.Hash(key), out int ix);
        if (ix < 0)
        {
            value = null!;
            return false;
        }
        value = _entries[ix].Value!;
        return true;
    }

    /// <summary>Lookup by a str key without running any Python code (names, attributes).</summary>
    public bool TryGetStr(PyStr key, out PyObject value)
    {
        int ix = IndexOfStr(key);
        if (ix < 0)
        {
            value = null!;
            return false;
        }
        value = _entries[ix].Value!;
        return true;
    }

    /// <summary>The entry index of a str key (what an attribute cache remembers as its hint), or -1.</summary>
    internal int IndexOfStr(PyStr key)
    {
        long hash = key.HashValue;
        int mask = _indices.Length - 1;
        ulong perturb = (ulong)hash;
        int i = (int)((ulong)hash & (ulong)mask);
        while (true)
        {
            int ix = _indices[i];
            if (ix == Free)
                return -1;
            if (ix >= 0)
            {
                ref var e = ref _entries[ix];
                if (ReferenceEquals(e.Key, key) || (e.Hash == hash && (e.Key is PyStr s ? s.Value == key.Value : Ops.Eq(e.Key!, key))))
                    return ix;
            }
            perturb >>= 5;
            i = (int)(((ulong)i * 5 + perturb + 1) & (ulong)mask);
        }
    }

    /// <summary>The value of entry <paramref name="hint"/> if that entry holds this very key object (LOAD_ATTR's
    /// LOAD_ATTR_WITH_HINT in CPython 3.12): a stale hint (a removal, a resize) just misses.</summary>
    internal bool TryGetAtHint(int hint, PyStr key, out PyObject value)
    {
        var entries = _entries;
        if ((uint)hint < (uint)entries.Length && ReferenceEquals(entries[hint].Key, key))
        {
            value = entries[hint].Value!;
            return true;
        }
        value = null!;
        return false;
    }

    /// <summary>Replaces the value of entry <paramref name="hint"/> if it holds this very key object.</summary>
    internal bool TrySetAtHint(int hint, PyStr key, PyObject value)
    {
        var entries = _entries;
        if ((uint)hint < (uint)entries.Length && ReferenceEquals(entries[hint].Key, key))
        {
            entries[hint].Value = value;
            Mutations++;
            return true;
        }
        return false;
    }

    public PyObject? GetOrNull(PyObject key) => TryGetValue(key, out var v) ? v : null;

    public PyObject? GetStr(string key) => TryGetStr(PyStr.Intern(key), out var v) ? v : null;

    public void SetStr(string key, PyObject value) => SetItem(PyStr.Intern(key), value);

    public void SetItem(PyObject key, PyObject value) => SetItem(key, Ops.Hash(key), value);

    public void SetItem(PyObject key, long hash, PyObject value)
    {
        int slot = FindIndexSlot(key, hash, out int ix);
        if (ix >= 0)
        {
            _entries[ix].Value = value;
            Mutations++;
            return;
        }
        if (_next == _entries.Length)
        {
            Resize();
            slot = FindIndexSlot(key, hash, out _);
        }
        _entries[_next] = new Entry { Hash = hash, Key = key, Value = value };
        _indices[slot] = _next;
        _next++;
        _used++;
        Version++;
        Mutations++;
    }

    private void Resize()
    {
        int size = 8;
        while (size * 2 < (_used + 1) * 3 * 2)
            size <<= 1;
        var old = _entries;
        int oldNext = _next;
        _indices = new int[size];
        Array.Fill(_indices, Free);
        _entries = new Entry[size * 2 / 3];
        _next = 0;
        int mask = size - 1;
        for (int k = 0; k < oldNext; k++)
        {
            if (old[k].Key is null)
                continue;
            ulong perturb = (ulong)old[k].Hash;
            int i = (int)((ulong)old[k].Hash & (ulong)mask);
            while (_indices[i] != Free)
            {
                perturb >>= 5;
                i = (int)(((ulong)i * 5 + perturb + 1) & (ulong)mask);
            }
            _indices[i] = _next;
            _entries[_next++] = old[k];
        }
    }

    public bool Remove(PyObject key) => Remove(key, out _);

    public bool Remove(PyObject key, out PyObject value)
    {
        int slot = FindIndexSlot(key, Ops.Hash(key), out int ix);
        if (ix < 0)
        {
            value = null!;
            return false;
        }
        value = _entries[ix].Value!;
        _entries[ix] = default;
        _indices[slot] = Dummy;
        _used--;
        Version++;
        Mutations++;
        return true;
    }

    public bool ContainsKey(PyObject key)
    {
        FindIndexSlot(key, Ops.Hash(key), out int ix);
        return ix >= 0;
    }

    public void Clear()
    {
        Array.Fill(_indices, Free);
        Array.Clear(_entries);
        _next = _used = 0;
        Version++;
        Mutations++;
    }

    /// <summary>Walks live entries: position starts at 0; false at the end.</summary>
    public bool Next(ref int position, out PyObject key, out PyObject value)
    {
        while (position < _next)
        {
            ref var e = ref _entries[position++];
            if (e.Key is not null)
            {
                key = e.Key;
                value = e.Value!;
                return true;
            }
        }
        key = value = null!;
        return false;
    }

    /// <summary>The last live entry, removed (dict.popitem).</summary>
    public bool PopLast(out PyObject key, out PyObject value)
    {
        for (int k = _next - 1; k >= 0; k--)
        {
            if (_entries[k].Key is { } kk)
            {
                key = kk;
                value = _entries[k].Value!;
                Remove(kk);
                _next = k;
                return true;
            }
        }
        key = value = null!;
        return false;
    }

    public IEnumerable<KeyValuePair<PyObject, PyObject>> Items()
    {
        int pos = 0;
        while (Next(ref pos, out var k, out var v))
            yield return new(k, v);
    }

    public PyObject[] KeysArray()
    {
        var a = new PyObject[_used];
        int pos = 0, n = 0;
        while (Next(ref pos, out var k, out _))
            a[n++] = k;
        return a;
    }

    public PyDict Copy()
    {
        var d = new PyDict(_used);
        int pos = 0;
        while (Next(ref pos, out var k, out var v))
            d.SetItem(k, _entries[pos - 1].Hash, v);
        return d;
    }

    /// <summary>The stored hash of the entry that <see cref="Next"/> returned last (position - 1).</summary>
    internal long HashAt(int position) => _entries[position - 1].Hash;

    internal static PyDict Subclass(PyType type) => new PyDictSub(type);
}

internal sealed class PyDictSub(PyType type) : PyDict
{
    private readonly PyDict? _dict = type.HasDict ? new PyDict() : null;
    public override PyType Type => type;
    public override PyDict? Dict => _dict;
}
