using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Interpreter;

/// <summary>
/// Stores into a frame's locals-and-stack array. A plain <c>fast[i] = v</c> on a <c>PyObject[]</c> costs an array
/// covariance check per store (the runtime's StelemRef helper with a cast-cache lookup, since the value's class is
/// never exactly PyObject): measured at about a fifth of all interpreter time on bench/vm/nbody. Frames allocate
/// exactly <c>PyObject[]</c>, so writing through a reference to the element is sound; the index stays bounds-checked.
/// </summary>
internal static class Stack
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Put(PyObject[] array, int index, PyObject value)
    {
        if ((uint)index >= (uint)array.Length)
            ThrowOutOfRange();
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), (nint)(uint)index) = value;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfRange() => throw new BadCodeException("the value stack over- or underflowed (a bad stack effect)");
}
