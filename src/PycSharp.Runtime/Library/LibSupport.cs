using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>Shared pieces of the library modules: argument binding by name and iterator types backed by C# iterators.</summary>
internal static class LibSupport
{
    /// <summary>
    /// Binds positional and keyword arguments to <paramref name="names"/> the way Argument Clinic does
    /// (Python/getargs.c): at most names.Length values, the first <paramref name="required"/> needed; names at
    /// or after <paramref name="keywordOnlyFrom"/> can only come by keyword.
    /// </summary>
    public static PyObject?[] Bind(string fname, ReadOnlySpan<PyObject> args, PyTuple? kw, string[] names, int required, int? keywordOnlyFrom = null)
    {
        var pos = Args.Split(args, kw, out var kwargs);
        int maxPos = keywordOnlyFrom ?? names.Length;
        if (pos.Length > maxPos)
        {
            if (maxPos == required)
                throw Err.Type($"{fname}() takes {(maxPos == 0 ? "no" : "exactly " + maxPos)} positional argument{(maxPos == 1 ? "" : "s")} ({pos.Length} given)");
            throw Err.Type($"{fname}() takes at most {maxPos} positional argument{(maxPos == 1 ? "" : "s")} ({pos.Length} given)");
        }
        var r = new PyObject?[names.Length];
        for (int i = 0; i < pos.Length; i++)
            r[i] = pos[i];
        if (kwargs is not null)
        {
            foreach (var (key, value) in kwargs)
            {
                int i = Array.IndexOf(names, key);
                if (i < 0)
                    throw Err.Type($"{fname}() got an unexpected keyword argument '{key}'");
                if (r[i] is not null)
                    throw Err.Type($"argument for {fname}() given by name ('{key}') and position ({i + 1})");
                r[i] = value;
            }
        }
        for (int i = 0; i < required; i++)
        {
            if (r[i] is null)
                throw Err.Type($"{fname}() missing required argument '{names[i]}' (pos {i + 1})");
        }
        return r;
    }

    /// <summary>A built-in iterator type of a library module: iter() is itself, next() the C# iterator.</summary>
    public static PyType IteratorType(string module, string name, NewSlot? create = null)
    {
        var t = new PyType(name, PyType.ObjectType) { Module = module, IsBaseType = false };
        t.ComputeMro();
        t.Iter = o => o;
        t.Next = o => ((PyIteratorBase)o).Next();
        if (create is not null)
            t.New = create;
        return TypeSetup.Finish(t);
    }

    /// <summary>A tuple of the items as a fresh array (spans cannot be captured by lambdas and iterators).</summary>
    public static PyObject[] Iters(ReadOnlySpan<PyObject> iterables)
    {
        var r = new PyObject[iterables.Length];
        for (int i = 0; i < r.Length; i++)
            r[i] = Ops.GetIter(iterables[i]);
        return r;
    }
}

/// <summary>An iterator whose items come from a C# iterator, with an optional repr (itertools.count, repeat).</summary>
internal sealed class PyLibIterator(PyType type, IEnumerator<PyObject> source, Func<string>? repr = null) : PyIteratorBase
{
    private bool _done;
    public override PyType Type => type;
    public Func<string>? ReprText { get; } = repr;

    public override PyObject? Next()
    {
        if (_done)
            return null;
        if (source.MoveNext())
            return source.Current;
        _done = true;
        return null;
    }
}
