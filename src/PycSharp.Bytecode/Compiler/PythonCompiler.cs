using PycSharp.Bytecode.Editing;
using PycSharp.Format;
using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Compiler;

/// <summary>
/// compile(source, filename, mode) for a subset of Python, producing the code object CPython 3.11, 3.12 or 3.13
/// would: tokenizer → parser → constant folding → code generation and flow-graph optimisation → assembly
/// through <see cref="EditableCode"/>.
/// </summary>
public static class PythonCompiler
{
    /// <summary>Compiles module-level source text.</summary>
    /// <exception cref="CompileError">A syntax error, or a construct outside the subset.</exception>
    public static PyCode Compile(string source, string filename, CompileMode mode, PythonVersion version)
    {
        var dialect = CodegenDialect.For(version);
        var module = ConstantFolder.Fold(Parser.Parse(source, mode));
        var code = EditableCode.Create(version, "<module>", filename, 1);
        return CodeGenerator.Generate(dialect, code, module);
    }

    /// <summary>The mode named as compile() names it.</summary>
    public static CompileMode ParseMode(string mode) => mode switch
    {
        "exec" => CompileMode.Exec,
        "eval" => CompileMode.Eval,
        "single" => CompileMode.Single,
        _ => throw new ArgumentException("compile() mode must be 'exec', 'eval' or 'single'", nameof(mode)),
    };
}
