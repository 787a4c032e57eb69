using PycSharp.Runtime.Objects;
using F = PycSharp.Format.Objects;

namespace PycSharp.Runtime.Interpreter;

/// <summary>Turns unmarshalled constants (PycSharp.Format objects) into runtime objects.</summary>
internal static class Constants
{
    public static PyObject Convert(F.PyObject c, Dialect dialect) => c switch
    {
        F.PyNone => PyNone.Instance,
        F.PyBool b => PyBool.Of(b.Value),
        F.PyInt i => PyInt.Of(i.Value),
        F.PyFloat f => new PyFloat(f.Value),
        F.PyComplex z => new PyComplex(z.Real, z.Imag),
        // A constant with surrogate code points keeps them exactly (two lone surrogates are not one pair).
        F.PyString s => s.Value.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF') ? PyStr.FromCodePoints(s.CodePoints()) : PyStr.Intern(s.Value),
        F.PyBytes b => new PyBytes(b.Span.ToArray()),
        F.PyTuple t => PyTuple.Of(t.Items.Select(x => Convert(x, dialect)).ToArray()),
        F.PyList l => PyList.Of(l.Items.Select(x => Convert(x, dialect)).ToArray()),
        F.PySet s => MakeSet(s, dialect),
        F.PyDict d => MakeDict(d, dialect),
        F.PyEllipsis => PyEllipsis.Instance,
        F.PyCode code => PyCodeObject.Load(code, dialect),
        F.PySlice sl => new PySlice(Convert(sl.Start, dialect), Convert(sl.Stop, dialect), Convert(sl.Step, dialect)),
        _ => throw new BadCodeException($"constant of type {c.TypeName} is not supported"),
    };

    private static PySet MakeSet(F.PySet s, Dialect dialect)
    {
        var set = new PySet(s.IsFrozen);
        foreach (var item in s.Items)
            set.Add(Convert(item, dialect));
        return set;
    }

    private static PyDict MakeDict(F.PyDict d, Dialect dialect)
    {
        var dict = new PyDict();
        foreach (var (k, v) in d.Entries)
            dict.SetItem(Convert(k, dialect), Convert(v, dialect));
        return dict;
    }
}
