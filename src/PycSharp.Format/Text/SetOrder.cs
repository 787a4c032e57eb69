using PycSharp.Format.Objects;

namespace PycSharp.Format.Text;

/// <summary>
/// The order a set built by inserting items one by one iterates in — what <c>marshal.loads</c> builds for a
/// frozenset constant (PySet_Add per item, in marshal order) and what repr() and dis print. An emulation of the
/// set table of Objects/setobject.c: open addressing, linear probes then perturbed jumps, growth by resizing.
/// </summary>
public static class SetOrder
{
    private const int LinearProbes = 9;
    private const int PerturbShift = 5;
    private const int MinSize = 8;

    /// <summary>The items in iteration order, or null if some hash cannot be known (then keep the marshal order).</summary>
    public static PyObject[]? Of(IReadOnlyList<PyObject> items, PythonVersion version, HashProfile? build = null)
    {
        build ??= HashProfile.Default;
        int hashBits = build.Bits;
        var hashes = new long[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            if (PyHash.Of(items[i], version, build) is not { } h)
                return null;
            hashes[i] = h;
        }
        bool python2 = version.Major < 3;
        var table = new int[MinSize];
        Array.Fill(table, -1);
        int fill = 0;
        foreach (var (item, index) in items.Select((x, i) => (x, i)))
        {
            if (Contains(table, items, hashes, index))
                continue; // equal items collapse (the first stays)
            Insert(table, hashes, index, python2, hashBits);
            fill++;
            // The load factor that triggers growth: Python 2 fill*3 >= size*2; 3.6 fill*3 >= mask*2; 3.7+ fill*5 >= mask*3.
            long mask = table.Length - 1;
            bool grow = python2 ? fill * 3L >= (mask + 1) * 2
                : version.Minor == 6 && version.Major == 3 ? fill * 3L >= mask * 2
                : fill * 5L >= mask * 3;
            if (grow)
                table = Resize(table, hashes, fill > 50000 ? fill * 2 : fill * 4, python2, hashBits);
        }
        return table.Where(i => i >= 0).Select(i => items[i]).ToArray();
    }

    private static bool Contains(int[] table, IReadOnlyList<PyObject> items, long[] hashes, int index)
    {
        // Items equal to an earlier one (same hash and value) are not added again. Constants in a frozenset are
        // distinct by construction, so comparing hashes and descriptions is enough here.
        foreach (var slot in table)
            if (slot >= 0 && hashes[slot] == hashes[index] && SameValue(items[slot], items[index]))
                return true;
        return false;
    }

    private static bool SameValue(PyObject a, PyObject b) => (a, b) switch
    {
        (PyString x, PyString y) => x.CodePoints().AsSpan().SequenceEqual(y.CodePoints()),
        (PyBytes x, PyBytes y) => x.Span.SequenceEqual(y.Span),
        (PyInt x, PyInt y) => x.Value == y.Value,
        (PyInt x, PyBool y) => x.Value == (y.Value ? 1 : 0),
        (PyBool x, PyInt y) => y.Value == (x.Value ? 1 : 0),
        (PyBool x, PyBool y) => x.Value == y.Value,
        (PyFloat x, PyFloat y) => x.Value == y.Value,
        (PyNone, PyNone) => true,
        _ => ReferenceEquals(a, b),
    };

    private static void Insert(int[] table, long[] hashes, int index, bool python2, int hashBits)
    {
        int mask = table.Length - 1;
        // size_t: the perturbation starts from the hash as an unsigned word of the build's width.
        ulong hash = hashBits == 32 ? (uint)hashes[index] : (ulong)hashes[index];
        ulong perturb = hash;
        ulong i = hash & (ulong)mask;
        if (python2)
        {
            // Python 2 (and 3.x before linear probing): i = 5*i + perturb + 1, perturb >>= 5.
            while (table[i & (ulong)mask] >= 0)
            {
                i = (i << 2) + i + perturb + 1;
                perturb >>= PerturbShift;
            }
            table[i & (ulong)mask] = index;
            return;
        }
        while (true)
        {
            if (table[i] < 0)
            {
                table[i] = index;
                return;
            }
            if (i + LinearProbes <= (ulong)mask)
            {
                for (ulong j = 1; j <= LinearProbes; j++)
                {
                    if (table[i + j] < 0)
                    {
                        table[i + j] = index;
                        return;
                    }
                }
            }
            perturb >>= PerturbShift;
            i = (i * 5 + 1 + perturb) & (ulong)mask;
        }
    }

    private static int[] Resize(int[] old, long[] hashes, int minUsed, bool python2, int hashBits)
    {
        int size = MinSize;
        while (size <= minUsed)
            size <<= 1;
        var table = new int[size];
        Array.Fill(table, -1);
        foreach (var index in old)
            if (index >= 0)
                Insert(table, hashes, index, python2, hashBits);
        return table;
    }
}
