using PycSharp.Format;
using PycSharp.Format.Objects;
using PycSharp.Format.Pyc;
using PycSharp.Format.Text;

namespace PycSharp.Bytecode.Editing;

/// <summary>
/// Checks that the editor loses nothing: every code object of a file, loaded into the editable form and written
/// back unchanged, must come out with the same co_code, line table, exception table and counts.
/// </summary>
public static class EditRoundTrip
{
    public static RoundTripResult Check(byte[] data, PycReadOptions? options = null)
    {
        if (RoundTripResult.Read(data, options, out var unreadable) is not { } file)
            return unreadable!;
        if (file.Code is not { } root)
            return new(RoundTripOutcome.Unreadable, 0, $"holds a {file.Object.TypeName}, not a code object");
        foreach (var code in root.SelfAndNested())
        {
            string where = $"code object {code.NameText} (line {code.FirstLineNo})";
            PyCode written;
            try
            {
                written = EditableCode.Load(code, file.Version).ToCode();
            }
            catch (EditException e)
            {
                return new(RoundTripOutcome.Differs, 0, $"{where}: {e.Message}");
            }
            if (!ReferenceEquals(written, code))
                return new(RoundTripOutcome.Differs, 0, Difference(code, written, file.Version) ?? $"{where}: an attribute object was replaced");
        }
        return new(RoundTripOutcome.Identical);
    }

    /// <summary>
    /// The first attribute that differs between two code objects, and where (nested code objects compared in turn);
    /// null if they are the same in every attribute. Values are compared by their repr in <paramref name="version"/>.
    /// </summary>
    public static string? Difference(PyCode original, PyCode written, PythonVersion version)
    {
        string where = $"code object {original.NameText} (line {original.FirstLineNo})";
        string? Bytes(string name, PyBytes? a, PyBytes? b)
        {
            if (a is null || b is null)
                return a is null && b is null ? null : $"{where}: {name}: {(a is null ? "absent" : "present")} in the original";
            int common = a.Span.CommonPrefixLength(b.Span);
            return common == a.Length && common == b.Length
                ? null
                : $"{where}: {name} differs from byte {common} (original {a.Length} bytes: {Hex(a.Span, common)}; written {b.Length}: {Hex(b.Span, common)})";
        }
        string? Int(string name, int a, int b) => a == b ? null : $"{where}: {name} {a}, written {b}";
        string? Text(string name, PyObject? a, PyObject? b)
        {
            string ta = a is null ? "-" : PyRepr.Of(a, version), tb = b is null ? "-" : PyRepr.Of(b, version);
            return ta == tb ? null : $"{where}: {name} {ta}, written {tb}";
        }
        var first = Bytes("co_code", original.Code, written.Code)
            ?? Bytes("line table", original.LineTable, written.LineTable)
            ?? Bytes("co_exceptiontable", original.ExceptionTable, written.ExceptionTable)
            ?? Bytes("co_localspluskinds", original.LocalsPlusKinds, written.LocalsPlusKinds)
            ?? Int("co_nlocals", original.NLocals, written.NLocals)
            ?? Int("co_stacksize", original.StackSize, written.StackSize)
            ?? Int("co_flags", original.Flags, written.Flags)
            ?? Int("co_argcount", original.ArgCount, written.ArgCount)
            ?? Int("co_posonlyargcount", original.PosOnlyArgCount, written.PosOnlyArgCount)
            ?? Int("co_kwonlyargcount", original.KwOnlyArgCount, written.KwOnlyArgCount)
            ?? Int("co_firstlineno", original.FirstLineNo, written.FirstLineNo)
            ?? Text("co_name", original.Name, written.Name)
            ?? Text("co_qualname", original.QualName, written.QualName)
            ?? Text("co_filename", original.Filename, written.Filename)
            ?? Text("co_names", original.Names, written.Names)
            ?? Text("co_varnames", original.VarNames, written.VarNames)
            ?? Text("co_freevars", original.FreeVars, written.FreeVars)
            ?? Text("co_cellvars", original.CellVars, written.CellVars)
            ?? Text("co_localsplusnames", original.LocalsPlusNames, written.LocalsPlusNames);
        if (first is not null)
            return first;
        var a = original.Consts.Items;
        var b = written.Consts.Items;
        if (a.Length != b.Length)
            return $"{where}: {a.Length} constants, written {b.Length}";
        for (int i = 0; i < a.Length; i++)
        {
            var d = a[i] is PyCode ca && b[i] is PyCode cb ? Difference(ca, cb, version) : Text($"constant {i}", a[i], b[i]);
            if (d is not null)
                return d;
        }
        return null;
    }

    private static string Hex(ReadOnlySpan<byte> bytes, int from)
    {
        int start = Math.Max(0, from - 4);
        var part = bytes[start..Math.Min(bytes.Length, from + 8)];
        return (start > 0 ? "…" : "") + Convert.ToHexString(part).ToLowerInvariant();
    }
}
