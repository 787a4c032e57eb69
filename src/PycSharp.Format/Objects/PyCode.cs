namespace PycSharp.Format.Objects;

/// <summary>The order and set of fields a code object has in marshal data, which changed three times.</summary>
public enum CodeLayout : byte
{
    /// <summary>2.3–2.7: argcount, nlocals, stacksize, flags, code, consts, names, varnames, freevars, cellvars,
    /// filename, name, firstlineno, lnotab.</summary>
    Python2,

    /// <summary>3.0–3.7: as 2.x with kwonlyargcount after argcount.</summary>
    Python30,

    /// <summary>3.8–3.10: as 3.0 with posonlyargcount after argcount (PEP 570).</summary>
    Python38,

    /// <summary>3.11+: argcount, posonlyargcount, kwonlyargcount, stacksize, flags, code, consts, names,
    /// localsplusnames, localspluskinds, filename, name, qualname, firstlineno, linetable, exceptiontable.</summary>
    Python311,
}

/// <summary>
/// A code object as marshal carries it. Field names follow CPython's <c>co_*</c> attributes; fields a layout does
/// not have are null. Built in code with an object initializer; read objects keep their marshal type byte.
/// </summary>
public sealed class PyCode : PyObject
{
    public PyCode() : base(0) { }
    internal PyCode(byte marshalType) : base(marshalType) { }

    public required CodeLayout Layout { get; init; }
    public int ArgCount { get; init; }
    /// <summary>3.8+.</summary>
    public int PosOnlyArgCount { get; init; }
    /// <summary>3.0+.</summary>
    public int KwOnlyArgCount { get; init; }
    /// <summary>Stored up to 3.10; from 3.11 it is derived from the local kinds and not marshalled.</summary>
    public int NLocals { get; init; }
    public int StackSize { get; init; }
    public int Flags { get; init; }
    public int FirstLineNo { get; init; }

    /// <summary><c>co_code</c>: the bytecode.</summary>
    public required PyBytes Code { get; init; }
    public required PyTuple Consts { get; init; }
    public required PyTuple Names { get; init; }

    /// <summary>Up to 3.10.</summary>
    public PyTuple? VarNames { get; init; }
    /// <summary>Up to 3.10 (marshalled before <see cref="CellVars"/>).</summary>
    public PyTuple? FreeVars { get; init; }
    /// <summary>Up to 3.10.</summary>
    public PyTuple? CellVars { get; init; }

    /// <summary>3.11+: names of all locals, cells and frees.</summary>
    public PyTuple? LocalsPlusNames { get; init; }
    /// <summary>3.11+: one kind byte per entry of <see cref="LocalsPlusNames"/>.</summary>
    public PyBytes? LocalsPlusKinds { get; init; }

    /// <summary><c>str</c> in Python 3; a byte string in Python 2.</summary>
    public required PyObject Filename { get; init; }
    public required PyObject Name { get; init; }
    /// <summary>3.11+.</summary>
    public PyObject? QualName { get; init; }

    /// <summary><c>co_lnotab</c> up to 3.9, <c>co_linetable</c> from 3.10 (each version's own encoding).</summary>
    public required PyBytes LineTable { get; init; }
    /// <summary>3.11+.</summary>
    public PyBytes? ExceptionTable { get; init; }

    public override string TypeName => "code";

    private static long s_nextAddress = 0x7f3a5c000000;
    private long _address;

    /// <summary>
    /// A made-up address for repr(): stable for the object's lifetime, distinct between objects, so output looks like
    /// CPython's (comparisons mask addresses, as CPython's own test_dis does). A field rather than a weak table: with
    /// hundreds of thousands of code objects, a table of dependent handles slowed every garbage collection.
    /// </summary>
    public long FakeAddress
    {
        get
        {
            if (_address == 0)
                Interlocked.CompareExchange(ref _address, Interlocked.Add(ref s_nextAddress, 0x1f0) - 0x1f0, 0);
            return _address;
        }
    }

    public string NameText => TextOf(Name);
    public string FilenameText => TextOf(Filename);
    public string? QualNameText => QualName is null ? null : TextOf(QualName);

    /// <summary>Code objects directly among the constants.</summary>
    public IEnumerable<PyCode> NestedCode()
    {
        foreach (var c in Consts.Items)
            if (c is PyCode code)
                yield return code;
    }

    /// <summary>
    /// This code object, then every nested one, depth first in co_consts order: the order in which dis.dis prints
    /// "Disassembly of …" sections.
    /// </summary>
    public IEnumerable<PyCode> SelfAndNested()
    {
        var stack = new Stack<PyCode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var code = stack.Pop();
            yield return code;
            var nested = code.Consts.Items;
            for (int i = nested.Length - 1; i >= 0; i--)
                if (nested[i] is PyCode c)
                    stack.Push(c);
        }
    }

    public static string TextOf(PyObject o) => o switch
    {
        PyString s => s.Value,
        PyBytes b => b.ToString(),
        _ => $"<{o.TypeName}>",
    };

    public override string ToString() => $"<code object {NameText}, file \"{FilenameText}\", line {FirstLineNo}>";
}
