using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
namespace PycSharp.Runtime.Objects;

/// <summary>
/// Stores into a <c>PyObject[]</c> without the array covariance check. A plain <c>a[i] = v</c> costs the runtime's
/// StelemRef helper with a cast-cache lookup (the value's class is never exactly PyObject): measured at about a
/// fifth of all interpreter time on bench/vm/nbody. Only for arrays allocated as exactly <c>PyObject[]</c> (frames,
/// list storage), where writing through a reference to the element is sound; the index stays bounds-checked.
/// </summary>
internal static class ObjectArray
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Put(PyObject[] array, int index, PyObject value)
    {
        if ((uint)index >= (uint)array.Length)
            ThrowOutOfRange();
        Debug.Assert(array.GetType() == typeof(PyObject[]));
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), (nint)(uint)index) = value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange() => throw new Interpreter.BadCodeException("a value stack over- or underflowed (a bad stack effect)");
}
