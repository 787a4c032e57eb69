using PycSharp.Bytecode.Editing;
using PycSharp.Format;
using PycSharp.Format.Objects;
using PycSharp.Format.Pyc;
using PycSharp.Format.Text;

namespace PycSharp.Examples;

/// <summary>
/// The classic bytecode hacks, for any CPython from 3.8 to 3.14 (README.md, "Editing bytecode"). Each takes and gives
/// whole .pyc files; the editor recomputes jumps, caches, line and exception tables and the stack size.
/// </summary>
public static class Hacks
{
    /// <summary>A "hello world" module written instruction by instruction, with no compiler.</summary>
    public static PycFile HelloWorld(PythonVersion version, string text = "Hello, world!")
    {
        var m = EditableCode.Create(version, "<module>", "hello.py");
        bool has(string name) => m.Table.OpcodeOf(name) is not null;
        if (has("RESUME"))
            m.Add("RESUME", 0);                        // 3.11+: every code object starts here
        // print(text): the callable and, from 3.11, a NULL slot for a method's self (3.13 put it after the callable).
        if (version >= new PythonVersion(3, 13))
        {
            m.Add("LOAD_NAME", m.AddName("print"));
            m.Add("PUSH_NULL");
        }
        else if (has("PUSH_NULL"))
        {
            m.Add("PUSH_NULL");
            m.Add("LOAD_NAME", m.AddName("print"));
        }
        else
            m.Add("LOAD_NAME", m.AddName("print"));
        m.Add("LOAD_CONST", m.AddConst(PyString.From(text)));
        if (has("PRECALL"))
            m.Add("PRECALL", 1);                       // 3.11 only
        m.Add(has("CALL_FUNCTION") ? "CALL_FUNCTION" : "CALL", 1);
        m.Add("POP_TOP");
        m.Add("LOAD_CONST", m.AddConst(PyNone.Instance));
        m.Add("RETURN_VALUE");
        return new PycFile(PycHeader.Create(version), version, m.ToCode());
    }

    /// <summary>Replaces a constant of a function: every constant of <paramref name="function"/> whose repr is
    /// <paramref name="oldRepr"/> becomes <paramref name="value"/>.</summary>
    public static PycFile ReplaceConstant(PycFile file, string function, string oldRepr, PyObject value)
    {
        var (code, e) = Find(file, function);
        int replaced = 0;
        for (int i = 0; i < e.Consts.Count; i++)
        {
            if (PyRepr.Of(e.Consts[i], file.Version) == oldRepr)
            {
                e.Consts[i] = value;
                replaced++;
            }
        }
        if (replaced == 0)
            throw new EditException($"{function} has no constant {oldRepr}");
        return With(file, code, e.ToCode());
    }

    /// <summary>
    /// Turns every <c>*</c> of a function into <c>+</c>: BINARY_MULTIPLY becomes BINARY_ADD up to 3.10; from 3.11
    /// the operator is BINARY_OP's argument, looked up in the version's own table of operator names.
    /// </summary>
    public static PycFile MultiplyBecomesAdd(PycFile file, string function)
    {
        var (code, e) = Find(file, function);
        var table = e.Table;
        int changed = 0;
        foreach (var ins in e.Instructions)
        {
            if (table.OpName(ins.Opcode) == "BINARY_MULTIPLY")
            {
                ins.Opcode = table.OpcodeOf("BINARY_ADD")!.Value;
                changed++;
            }
            else if (table.OpName(ins.Opcode) == "BINARY_OP" && table.RuleOf(ins.Opcode) is { } rule
                     && ins.Arg < rule.Table.Length && rule.Table[ins.Arg] == "*")
            {
                ins.Arg = rule.Table.IndexOf("+");
                changed++;
            }
        }
        if (changed == 0)
            throw new EditException($"{function} has no *");
        return With(file, code, e.ToCode());
    }

    /// <summary>The code object of a function (by name or qualified name) and its editable form.</summary>
    public static (PyCode Code, EditableCode Editable) Find(PycFile file, string function)
    {
        var root = file.Code ?? throw new EditException("the file holds no code object");
        var code = root.SelfAndNested().FirstOrDefault(c => c.QualNameText == function || c.NameText == function)
            ?? throw new EditException($"no function {function} in {root.FilenameText}");
        return (code, EditableCode.Load(code, file.Version));
    }

    /// <summary>The file with one code object replaced (the module's code objects on the way rewritten).</summary>
    public static PycFile With(PycFile file, PyCode old, PyCode replacement) =>
        new(file.Header, file.Version, EditableCode.ReplaceNested(file.Code!, file.Version, old, replacement));
}
