using PycSharp.Bytecode.Editing;
using PycSharp.Format;
using PycSharp.Format.Objects;
using PycSharp.Format.Pyc;

namespace PycSharp.Bytecode.Asm;

/// <summary>
/// Checks the text assembly: a file written as .pyasm and assembled again must give the same code objects
/// (co_code, line and exception tables, constants, names, counts, flags) and, ideally, the same bytes.
/// </summary>
public static class AsmRoundTrip
{
    /// <summary>
    /// Identical: the same bytes. Differs with a reason starting "marshal only:": the same code objects, written
    /// with other marshal type codes or references. Otherwise the first difference.
    /// </summary>
    public static RoundTripResult Check(byte[] data, PycReadOptions? options = null)
    {
        if (RoundTripResult.Read(data, options, out var unreadable) is not { } file)
            return unreadable!;
        if (file.Code is null)
            return new(RoundTripOutcome.Unreadable, 0, $"holds a {file.Object.TypeName}, not a code object");
        byte[] written;
        PyCode code;
        try
        {
            string text = AsmWriter.Write(file);
            written = AsmReader.Assemble(text);
            code = AsmReader.ReadCode(text).Code;
        }
        catch (Exception e) when (e is AsmException or EditException)
        {
            return new(RoundTripOutcome.Differs, 0, e.Message);
        }
        if (written.AsSpan().SequenceEqual(data))
            return new(RoundTripOutcome.Identical);
        return new(RoundTripOutcome.Differs, 0, Difference(file.Code, code, file.Version) is { } d ? d : "marshal only: the same code objects, other marshal type codes or references");
    }

    private static string? Difference(PyCode a, PyCode b, PythonVersion v)
    {
        string where = $"code object {a.NameText} (line {a.FirstLineNo})";
        string? Text(string what, PyObject? x, PyObject? y)
        {
            string tx = x is null ? "-" : ConstText.Of(x, v), ty = y is null ? "-" : ConstText.Of(y, v);
            return tx == ty ? null : $"{where}: {what} {tx} became {ty}";
        }
        string? Bytes(string what, PyBytes? x, PyBytes? y) =>
            (x is null ? ReadOnlySpan<byte>.Empty : x.Span).SequenceEqual(y is null ? ReadOnlySpan<byte>.Empty : y.Span) ? null : $"{where}: {what} differs";
        string? Int(string what, int x, int y) => x == y ? null : $"{where}: {what} {x} became {y}";
        var first = Bytes("co_code", a.Code, b.Code) ?? Bytes("line table", a.LineTable, b.LineTable)
            ?? Bytes("co_exceptiontable", a.ExceptionTable, b.ExceptionTable) ?? Bytes("localspluskinds", a.LocalsPlusKinds, b.LocalsPlusKinds)
            ?? Int("co_stacksize", a.StackSize, b.StackSize) ?? Int("co_flags", a.Flags, b.Flags) ?? Int("co_argcount", a.ArgCount, b.ArgCount)
            ?? Int("co_posonlyargcount", a.PosOnlyArgCount, b.PosOnlyArgCount) ?? Int("co_kwonlyargcount", a.KwOnlyArgCount, b.KwOnlyArgCount)
            ?? Int("co_nlocals", a.NLocals, b.NLocals) ?? Int("co_firstlineno", a.FirstLineNo, b.FirstLineNo)
            ?? Text("co_name", a.Name, b.Name) ?? Text("co_qualname", a.QualName, b.QualName) ?? Text("co_filename", a.Filename, b.Filename)
            ?? Text("co_names", a.Names, b.Names) ?? Text("co_varnames", a.VarNames, b.VarNames) ?? Text("co_freevars", a.FreeVars, b.FreeVars)
            ?? Text("co_cellvars", a.CellVars, b.CellVars) ?? Text("co_localsplusnames", a.LocalsPlusNames, b.LocalsPlusNames);
        if (first is not null)
            return first;
        if (a.Consts.Count != b.Consts.Count)
            return $"{where}: {a.Consts.Count} constants became {b.Consts.Count}";
        for (int i = 0; i < a.Consts.Count; i++)
        {
            var d = a.Consts[i] is PyCode ca && b.Consts[i] is PyCode cb ? Difference(ca, cb, v) : Text($"constant {i}", a.Consts[i], b.Consts[i]);
            if (d is not null)
                return d;
        }
        return null;
    }
}
