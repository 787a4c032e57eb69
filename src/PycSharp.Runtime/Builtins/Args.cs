using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>Argument checking for built-in functions, with CPython's messages (Python/getargs.c, Argument Clinic).</summary>
internal static class Args
{
    public static void NoKeywords(string name, PyTuple? kw)
    {
        if (kw is { Count: > 0 })
            throw Err.Type($"{name}() takes no keyword arguments");
    }

    public static void Exactly(string name, ReadOnlySpan<PyObject> args, PyTuple? kw, int n)
    {
        NoKeywords(name, kw);
        if (args.Length != n)
        {
            if (n == 0)
                throw Err.Type($"{name}() takes no arguments ({args.Length} given)");
            if (n == 1)
                throw Err.Type($"{name}() takes exactly one argument ({args.Length} given)");
            throw Err.Type($"{name} expected {n} argument{(n == 1 ? "" : "s")}, got {args.Length}");
        }
    }

    public static void Range(string name, ReadOnlySpan<PyObject> args, PyTuple? kw, int min, int max)
    {
        NoKeywords(name, kw);
        if (args.Length < min)
            throw Err.Type($"{name} expected {(min == max ? "" : "at least ")}{min} argument{(min == 1 ? "" : "s")}, got {args.Length}");
        if (args.Length > max)
            throw Err.Type($"{name} expected at most {max} argument{(max == 1 ? "" : "s")}, got {args.Length}");
    }

    /// <summary>Splits keyword arguments out: the positional part and a name → value lookup.</summary>
    public static ReadOnlySpan<PyObject> Split(ReadOnlySpan<PyObject> args, PyTuple? kw, out Dictionary<string, PyObject>? kwargs)
    {
        int nkw = kw?.Count ?? 0;
        kwargs = null;
        if (nkw == 0)
            return args;
        kwargs = new Dictionary<string, PyObject>(StringComparer.Ordinal);
        for (int i = 0; i < nkw; i++)
            kwargs[((PyStr)kw![i]).Value] = args[args.Length - nkw + i];
        return args[..^nkw];
    }

    public static PyObject? Take(Dictionary<string, PyObject>? kwargs, string name)
    {
        if (kwargs is null || !kwargs.Remove(name, out var v))
            return null;
        return v;
    }

    public static void NoMore(string fname, Dictionary<string, PyObject>? kwargs)
    {
        if (kwargs is { Count: > 0 })
            throw Err.Type($"{fname}() got an unexpected keyword argument '{kwargs.Keys.First()}'");
    }
}
