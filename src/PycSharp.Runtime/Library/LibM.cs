using System.Runtime.InteropServices;

namespace PycSharp.Runtime.Library;

/// <summary>
/// The C library's log1p, expm1, erf and erfc, which CPython's math module calls and .NET lacks, so results
/// agree to the last bit with CPython on the same platform; managed approximations where libm cannot be loaded.
/// </summary>
internal static class LibM
{
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate double Function(double x);

    private static readonly IntPtr s_handle = Load();

    public static readonly Func<double, double> Log1p = Get("log1p") ?? MathModule.Log1P;
    public static readonly Func<double, double> Expm1 = Get("expm1") ?? MathModule.ExpM1;
    public static readonly Func<double, double> Erf = Get("erf") ?? MathModule.Erf;
    public static readonly Func<double, double> Erfc = Get("erfc") ?? MathModule.Erfc;

    private static IntPtr Load()
    {
        foreach (var name in new[] { "libm.so.6", "libm.dylib", "ucrtbase.dll" })
        {
            if (NativeLibrary.TryLoad(name, out var handle))
                return handle;
        }
        return IntPtr.Zero;
    }

    private static Func<double, double>? Get(string name)
    {
        if (s_handle == IntPtr.Zero || !NativeLibrary.TryGetExport(s_handle, name, out var address))
            return null;
        var f = Marshal.GetDelegateForFunctionPointer<Function>(address);
        return f.Invoke;
    }
}
