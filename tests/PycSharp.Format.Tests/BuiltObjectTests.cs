using System.Collections.Immutable;
using System.Diagnostics;
using PycSharp.Format.Objects;
using PycSharp.Format.Pyc;

namespace PycSharp.Format.Tests;

/// <summary>
/// Objects built in code (no marshal type bytes, no references) are written in the form CPython's writer would
/// choose. Each fixture's module is rebuilt from scratch through the public constructors, written, read back and
/// compared; where the real interpreter is on the machine it runs the written file and must print what the
/// fixture recorded.
/// </summary>
public class BuiltObjectTests
{
    public static TheoryData<string> Versions() => PycFixtureTests.Versions();

    [Theory]
    [MemberData(nameof(Versions))]
    public void Rebuilt_modules_read_back_equal_and_run_under_CPython(string version)
    {
        var v = PythonVersion.Parse(version);
        var python = Repo.Interpreter(v);
        var work = Directory.CreateTempSubdirectory("pycsharp-built-");
        int ran = 0;
        try
        {
            foreach (var path in Directory.GetFiles(Path.Combine(Repo.Fixtures, version), "*.pyc").Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (name.Count(c => c == '.') > 1)
                    continue; // the hash-based variants hold the same code
                var original = PycFile.Read(File.ReadAllBytes(path));
                var rebuilt = Rebuild(original.Object);
                var bytes = new PycFile(original.Header, original.Version, rebuilt).ToBytes();
                var reread = PycFile.Read(bytes);
                Assert.Equal(Describe.Of(original.Object), Describe.Of(reread.Object));

                if (python is null)
                    continue;
                // The oracle is CPython running its own .pyc of the program (not the source: Python 2.7, for one,
                // marshals a surrogate pair as one astral character, so the .pyc can behave unlike the .py).
                var program = Path.GetFileNameWithoutExtension(name);
                var stdin = Path.Combine(Repo.Corpus, program + ".stdin");
                var ours = Path.Combine(work.FullName, "ours", name);
                var theirs = Path.Combine(work.FullName, "cpython", name);
                Directory.CreateDirectory(Path.GetDirectoryName(ours)!);
                Directory.CreateDirectory(Path.GetDirectoryName(theirs)!);
                File.WriteAllBytes(ours, bytes);
                File.Copy(path, theirs);
                var expected = Run(python, theirs, stdin);
                var actual = Run(python, ours, stdin);
                Assert.True(expected == actual, $"{version} {program}: CPython's .pyc gives {expected}, ours {actual}");
                ran++;
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
        Assert.True(python is null || ran >= 30, $"{version}: ran {ran}");
    }

    private static (string Stdout, int Exit) Run(string python, string pyc, string stdinPath)
    {
        var start = new ProcessStartInfo(python, [pyc])
        {
            WorkingDirectory = Path.GetDirectoryName(pyc)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONHASHSEED"] = "0";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        if (File.Exists(stdinPath))
            process.StandardInput.Write(File.ReadAllText(stdinPath));
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        _ = stderr.Result;
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new TimeoutException(pyc);
        }
        return (stdout, process.ExitCode);
    }

    /// <summary>A copy made only through the public constructors, as a program building objects would.</summary>
    internal static PyObject Rebuild(PyObject o) => o switch
    {
        PyNone => PyNone.Instance,
        PyBool b => PyBool.Of(b.Value),
        PyEllipsis => PyEllipsis.Instance,
        PyStopIteration => PyStopIteration.Instance,
        PyInt { IsPython2Long: true } i => PyInt.Python2Long(i.Value),
        PyInt i => new PyInt(i.Value),
        PyFloat f => new PyFloat(f.Value),
        PyComplex c => new PyComplex(c.Real, c.Imag),
        PyBytes b => new PyBytes(b.Span),
        PyString s => PyString.FromCodePoints(s.CodePoints(), s.IsInterned),
        PyTuple t => new PyTuple(Items(t.Items)),
        PyList l => new PyList(Items(l.Items)),
        PySet s => new PySet(Items(s.Items), s.IsFrozen),
        PyDict d => new PyDict([.. d.Entries.Select(e => new KeyValuePair<PyObject, PyObject>(Rebuild(e.Key), Rebuild(e.Value)))]),
        PySlice s => new PySlice(Rebuild(s.Start), Rebuild(s.Stop), Rebuild(s.Step)),
        PyCode c => new PyCode
        {
            Layout = c.Layout,
            ArgCount = c.ArgCount,
            PosOnlyArgCount = c.PosOnlyArgCount,
            KwOnlyArgCount = c.KwOnlyArgCount,
            NLocals = c.NLocals,
            StackSize = c.StackSize,
            Flags = c.Flags,
            FirstLineNo = c.FirstLineNo,
            Code = (PyBytes)Rebuild(c.Code),
            Consts = (PyTuple)Rebuild(c.Consts),
            Names = (PyTuple)Rebuild(c.Names),
            VarNames = c.VarNames is null ? null : (PyTuple)Rebuild(c.VarNames),
            FreeVars = c.FreeVars is null ? null : (PyTuple)Rebuild(c.FreeVars),
            CellVars = c.CellVars is null ? null : (PyTuple)Rebuild(c.CellVars),
            LocalsPlusNames = c.LocalsPlusNames is null ? null : (PyTuple)Rebuild(c.LocalsPlusNames),
            LocalsPlusKinds = c.LocalsPlusKinds is null ? null : (PyBytes)Rebuild(c.LocalsPlusKinds),
            Filename = Rebuild(c.Filename),
            Name = Rebuild(c.Name),
            QualName = c.QualName is null ? null : Rebuild(c.QualName),
            LineTable = (PyBytes)Rebuild(c.LineTable),
            ExceptionTable = c.ExceptionTable is null ? null : (PyBytes)Rebuild(c.ExceptionTable),
        },
        _ => throw new InvalidOperationException(o.TypeName),
    };

    private static ImmutableArray<PyObject> Items(ImmutableArray<PyObject> items) => [.. items.Select(Rebuild)];
}
