using System.Text;
using PycSharp.Format;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Interpreter;

/// <summary>
/// One interpreter session: the bytecode version it runs, builtins, sys, the module table and the standard
/// streams. Current per thread (a program runs on its own thread, with a large stack for deep recursion).
/// </summary>
public sealed class PyRuntime
{
    [ThreadStatic] private static PyRuntime? t_current;

    public static PyRuntime Current => t_current ?? throw new InvalidOperationException("no VM runtime on this thread");

    public PyRuntime(PythonVersion version, TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        Version = version;
        Dialect = Dialect.For(version) ?? throw new BadCodeException($"the VM runs CPython 3.11-3.13 bytecode, not {version}");
        Stdout = stdout;
        Stderr = stderr;
        Stdin = stdin;
        PyType.EnsureInitialized();
        BuiltinsModule = Builtins.BuiltinFunctions.CreateModule(this);
        BuiltinsDict = BuiltinsModule.ModuleDict;
        Modules = new PyDict();
        Modules.SetStr("builtins", BuiltinsModule);
        SysModule = Library.SysModule.Create(this);
        Sys = SysModule.ModuleDict;
        Modules.SetStr("sys", SysModule);
    }

    public PythonVersion Version { get; }
    public Dialect Dialect { get; }
    public TextWriter Stdout { get; }
    public TextWriter Stderr { get; }
    public TextReader Stdin { get; }
    public PyModule BuiltinsModule { get; }
    public PyDict BuiltinsDict { get; }
    public PyModule SysModule { get; }
    public PyDict Sys { get; }
    public PyDict Modules { get; }
    public List<string> SearchPath { get; } = [];
    /// <summary>The program's current directory (absolute): open() and traceback source lines resolve against it.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();
    public string[] Argv { get; set; } = [];

    internal static PyRuntime? Enter(PyRuntime r)
    {
        var previous = t_current;
        t_current = r;
        return previous;
    }

    internal static void Leave(PyRuntime? previous) => t_current = previous;
}
