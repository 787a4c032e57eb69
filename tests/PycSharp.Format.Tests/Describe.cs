using System.Globalization;
using System.Text;
using PycSharp.Format.Objects;

namespace PycSharp.Format.Tests;

/// <summary>
/// The canonical description of a value that tools/make_marshal_cases.py computes in CPython (its describe()),
/// computed here from our decoding, so the two can be compared.
/// </summary>
internal static class Describe
{
    public static string Of(PyObject o) => o switch
    {
        PyNone => "None",
        PyBool b => b.Value ? "True" : "False",
        PyEllipsis => "Ellipsis",
        PyStopIteration => "StopIteration",
        PyInt i => "int:" + i.Value.ToString(CultureInfo.InvariantCulture),
        PyFloat f => "float:" + Bits(f.Value),
        PyComplex c => "complex:" + Bits(c.Real) + "," + Bits(c.Imag),
        PyString s => "str:" + string.Join(",", s.CodePoints().Select(cp => cp.ToString("x", CultureInfo.InvariantCulture))),
        PyBytes b => "bytes:" + Convert.ToHexString(b.Span).ToLowerInvariant(),
        PyTuple t => "tuple(" + string.Join(" ", t.Items.Select(Of)) + ")",
        PyList l => "list(" + string.Join(" ", l.Items.Select(Of)) + ")",
        PySet { IsFrozen: true } s => "frozenset(" + string.Join(" ", s.Items.Select(Of).Order(StringComparer.Ordinal)) + ")",
        PySet s => "set(" + string.Join(" ", s.Items.Select(Of).Order(StringComparer.Ordinal)) + ")",
        PyDict d => "dict(" + string.Join(" ", d.Entries.Select(e => Of(e.Key) + ":" + Of(e.Value))) + ")",
        PySlice s => "slice(" + Of(s.Start) + " " + Of(s.Stop) + " " + Of(s.Step) + ")",
        PyCode c => Code(c),
        _ => throw new InvalidOperationException(o.TypeName),
    };

    private static string Bits(double d)
    {
        var bytes = BitConverter.GetBytes(d);
        if (!BitConverter.IsLittleEndian)
            Array.Reverse(bytes);
        return Convert.ToHexString(bytes).ToLowerInvariant();
    }

    /// <summary>Every field of a code object (used to compare a decoded object with a rebuilt one).</summary>
    private static string Code(PyCode c)
    {
        var sb = new StringBuilder("code(");
        sb.Append(CultureInfo.InvariantCulture, $"{c.Layout} {c.ArgCount} {c.PosOnlyArgCount} {c.KwOnlyArgCount} {c.NLocals} {c.StackSize} {c.Flags} {c.FirstLineNo} ");
        foreach (var field in new PyObject?[]
                 {
                     c.Code, c.Consts, c.Names, c.VarNames, c.FreeVars, c.CellVars, c.LocalsPlusNames, c.LocalsPlusKinds,
                     c.Filename, c.Name, c.QualName, c.LineTable, c.ExceptionTable,
                 })
            sb.Append(field is null ? "-" : Of(field)).Append(' ');
        return sb.Append(')').ToString();
    }
}
