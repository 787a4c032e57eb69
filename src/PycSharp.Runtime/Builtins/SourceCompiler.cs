using System.Text;
using PycSharp.Bytecode.Compiler;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>
/// Source text to a runnable code object for compile(), exec() and eval(), through the PycSharp compiler for the
/// version of the code that is running; its errors become SyntaxError / IndentationError as CPython raises them, or
/// NotImplementedError for valid code outside the compiler's subset.
/// </summary>
internal static class SourceCompiler
{
    // Include/cpython/compile.h: PyCF_ONLY_AST asks for an ast.Module, which the VM has no module for.
    private const int PyCF_ONLY_AST = 0x400;

    public static PyCodeObject Compile(PyObject source, string filename, string mode, int flags, string caller)
    {
        if ((flags & PyCF_ONLY_AST) != 0)
            throw Err.New(PyType.NotImplementedError, "compile(): ast.PyCF_ONLY_AST is not supported by the PycSharp compiler");
        var text = source switch
        {
            PyStr s => s.Value,
            PyBytes b => Encoding.UTF8.GetString(b.Value),
            PyByteArray b => Encoding.UTF8.GetString([.. b.Value]),
            _ => throw Err.Type($"{caller}() arg 1 must be a string, bytes or code object"),
        };
        if (text.Contains('\0'))
            throw Err.New(PyType.SyntaxError, "source code string cannot contain null bytes");
        // Python/bltinmodule.c builtin_eval_impl: eval() of a string skips leading spaces and tabs.
        if (caller == "eval")
            text = text.TrimStart(' ', '\t');
        var dialect = VmThread.CurrentFrame!.Code.Dialect;
        CompileMode compileMode;
        try
        {
            compileMode = PythonCompiler.ParseMode(mode);
        }
        catch (ArgumentException e)
        {
            throw Err.Value(e.Message);
        }
        try
        {
            return PyCodeObject.Load(PythonCompiler.Compile(text, filename, compileMode, dialect.Version), dialect);
        }
        catch (CompileError e) when (e.Kind == CompileErrorKind.Unsupported)
        {
            throw Err.New(PyType.NotImplementedError, e.Message);
        }
        catch (CompileError e)
        {
            throw SyntaxError(e, filename);
        }
    }

    /// <summary>A SyntaxError with CPython's args (msg, (filename, lineno, offset, text, end_lineno, end_offset)) and attributes.</summary>
    private static PyException SyntaxError(CompileError e, string filename)
    {
        var type = e.Kind == CompileErrorKind.IndentationError ? PyType.IndentationError : PyType.SyntaxError;
        PyObject text = e.Text is null ? PyNone.Instance : PyStr.Of(e.Text + "\n");
        var details = PyTuple.Of(PyStr.Of(filename), PyInt.Of(e.Line), PyInt.Of(e.Offset), text, PyInt.Of(e.EndLine), PyInt.Of(e.EndOffset));
        var error = Err.Make(type, PyTuple.Of(PyStr.Of(e.Msg), details));
        Ops.SetAttr(error, "msg", PyStr.Of(e.Msg));
        Ops.SetAttr(error, "filename", PyStr.Of(filename));
        Ops.SetAttr(error, "lineno", PyInt.Of(e.Line));
        Ops.SetAttr(error, "offset", PyInt.Of(e.Offset));
        Ops.SetAttr(error, "text", text);
        Ops.SetAttr(error, "end_lineno", PyInt.Of(e.EndLine));
        Ops.SetAttr(error, "end_offset", PyInt.Of(e.EndOffset));
        return new PyException(error);
    }
}
