using System.Text;
using PycSharp.Format.Pyc;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime;

/// <summary>Runs a .pyc file as <c>python FILE</c> would: stdin, stdout, stderr, argv and the exit code.</summary>
public static class VirtualMachine
{
    /// <summary>Stack for the interpreter thread: Python calls recurse on it (sys.setrecursionlimit allows deep ones).</summary>
    private const int StackBytes = 1024 * 1024 * 1024;

    public static int RunFile(string path, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TextReader stdin,
        RunOptions? options = null)
    {
        options ??= new RunOptions();
        PycFile file;
        try
        {
            file = PycFile.Load(path);
        }
        catch (Exception e) when (e is PycSharp.Format.PycFormatException or IOException or UnauthorizedAccessException)
        {
            // The format errors name the file themselves.
            stderr.WriteLine(e.Message.StartsWith(path, StringComparison.Ordinal) ? $"pyc: {e.Message}" : $"pyc: {path}: {e.Message}");
            return 1;
        }
        if (file.Code is null)
        {
            stderr.WriteLine($"pyc: {path}: the file holds no code object");
            return 1;
        }
        int exit = 0;
        var thread = new Thread(() =>
        {
            VmThread.State.Interrupt = options.Interrupt;
            exit = RunOnThisThread(file, path, args, stdout, stderr, stdin, options);
        }, StackBytes);
        thread.Start();
        thread.Join();
        return exit;
    }

    private static int RunOnThisThread(PycFile file, string path, IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, TextReader stdin,
        RunOptions options)
    {
        PyRuntime rt;
        PyCodeObject code;
        try
        {
            rt = new PyRuntime(file.Version, stdout, stderr, stdin)
            {
                WorkingDirectory = Path.GetFullPath(options.WorkingDirectory ?? Directory.GetCurrentDirectory()),
            };
            code = PyCodeObject.Load(file.Code!, rt.Dialect);
        }
        catch (BadCodeException e)
        {
            stderr.WriteLine($"pyc: {path}: {e.Message}");
            return 1;
        }
        var previous = PyRuntime.Enter(rt);
        VmThread.State.NativeLimit = rt.Dialect.CRecursionLimit;
        try
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
            rt.SearchPath.Add(dir);
            var argv = (PyList)rt.Sys.GetStr("argv")!;
            argv.Append(PyStr.Of(options.Argv0 ?? path));
            foreach (var a in args)
                argv.Append(PyStr.Of(a));
            ((PyList)rt.Sys.GetStr("path")!).Append(PyStr.Of(dir));
            var main = new PyModule("__main__");
            main.Set("__builtins__", rt.BuiltinsModule);
            main.Set("__file__", PyStr.Of(path));
            main.Set("__cached__", PyNone.Instance);
            rt.Modules.SetStr("__main__", main);
            int status = 0;
            try
            {
                Eval.Run(new Frame(code, main.ModuleDict, rt.BuiltinsDict, main.ModuleDict));
            }
            catch (PyException e)
            {
                status = HandleUncaught(rt, e.Value);
            }
            catch (BadCodeException e)
            {
                Flush(rt);
                stderr.WriteLine($"pyc: {path}: {e.Message}");
                status = 1;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Outside any frame (the uncaught-exception printer, sys.stdout's flush): a VM defect, reported in one line.
                Flush(rt);
                stderr.WriteLine($"pyc: {path}: internal error: {e.GetType().Name}: {e.Message}");
                status = 1;
            }
            Flush(rt);
            return status;
        }
        finally
        {
            PyRuntime.Leave(previous);
        }
    }

    private static void Flush(PyRuntime rt)
    {
        try
        {
            if (rt.Sys.GetStr("stdout") is FileObject o)
                o.Flush();
        }
        catch (PyException)
        {
        }
        rt.Stdout.Flush();
        rt.Stderr.Flush();
    }

    /// <summary>Python/pythonrun.c: SystemExit gives its code; anything else prints a traceback and gives 1.</summary>
    private static int HandleUncaught(PyRuntime rt, PyBaseException e)
    {
        Flush(rt);
        if (e.Type.IsSubtypeOf(PyType.SystemExit))
        {
            var code = e.Args.Count == 0 ? PyNone.Instance : e.Args.Count == 1 ? e.Args[0] : e.Args;
            if (code is PyNone)
                return 0;
            if (code is PyInt i)
                return (int)(long)(i.Value & 0xFF);
            rt.Stderr.WriteLine(Ops.StrText(code));
            return 1;
        }
        // sys.excepthook prints it (Python/pythonrun.c _PyErr_PrintEx); a hook that fails gets both printed.
        var hook = rt.Sys.GetStr("excepthook");
        if (hook is null || ReferenceEquals(hook, rt.Sys.GetStr("__excepthook__")))
        {
            ExceptionReports.Print(rt, e);
        }
        else
        {
            try
            {
                Ops.Call(hook, [e.Type, e, (PyObject?)e.Traceback ?? PyNone.Instance]);
            }
            catch (PyException failed)
            {
                rt.Stderr.Write("Error in sys.excepthook:\n");
                ExceptionReports.Print(rt, failed.Value);
                rt.Stderr.Write("\nOriginal exception was:\n");
                ExceptionReports.Print(rt, e);
            }
        }
        Flush(rt);
        // An uncaught KeyboardInterrupt ends the process as SIGINT would (Modules/main.c exit_sigint).
        return e.Type.IsSubtypeOf(PyType.KeyboardInterrupt) ? 130 : 1;
    }
}

/// <summary>How a program runs besides its arguments and streams.</summary>
public sealed record RunOptions
{
    /// <summary>The program's current directory: relative paths given to open() and the source of tracebacks
    /// resolve against it (default: the process's current directory).</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>sys.argv[0] (default: the path of the .pyc as given).</summary>
    public string? Argv0 { get; init; }

    /// <summary>When cancelled, the program gets KeyboardInterrupt at its next backward jump, like Ctrl-C.</summary>
    public CancellationToken Interrupt { get; init; }
}
