using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// A minimal os (Lib/os.py over posix) with os.path as posixpath (Lib/posixpath.py, Lib/genericpath.py).
/// Relative paths resolve against the program's working directory, never the VM host's.
/// </summary>
internal static class OsModule
{
    public static PyModule Create(PyRuntime rt)
    {
        var os = new PyModule("os");
        var path = CreatePath(rt);
        rt.Modules.SetStr("os.path", path);
        os.Set("path", path);
        os.Set("name", PyStr.Of("posix"));
        os.Set("sep", PyStr.Of("/"));
        os.Set("altsep", PyNone.Instance);
        os.Set("extsep", PyStr.Of("."));
        os.Set("pathsep", PyStr.Of(":"));
        os.Set("linesep", PyStr.Of("\n"));
        os.Set("curdir", PyStr.Of("."));
        os.Set("pardir", PyStr.Of(".."));
        os.Set("devnull", PyStr.Of("/dev/null"));
        var environ = new PyDict();
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
            environ.SetItem(PyStr.Of((string)e.Key), PyStr.Of((string?)e.Value ?? ""));
        os.Set("environ", environ);
        Def(os, "getcwd", (a, k) => { Args.Exactly("os.getcwd", a, k, 0); return PyStr.Of(rt.WorkingDirectory); });
        Def(os, "getpid", (a, k) => { Args.Exactly("os.getpid", a, k, 0); return PyInt.Of(Environment.ProcessId); });
        Def(os, "cpu_count", (a, k) => { Args.Exactly("os.cpu_count", a, k, 0); return PyInt.Of(Environment.ProcessorCount); });
        Def(os, "getenv", (a, k) =>
        {
            Args.Range("getenv", a, k, 1, 2);
            return environ.GetOrNull(PathArg(a[0], "getenv")) ?? (a.Length > 1 ? a[1] : PyNone.Instance);
        });
        Def(os, "fspath", (a, k) => { Args.Exactly("os.fspath", a, k, 1); return PathArg(a[0], "fspath"); });
        foreach (var name in new[] { "remove", "unlink" })
        {
            Def(os, name, (a, k) =>
            {
                var p = OnePath(name, a, k);
                string full = Resolve(p);
                if (Directory.Exists(full))
                    throw FileObject.OsError(PyType.IsADirectoryError, 21, "Is a directory", p);
                return Io(p, () =>
                {
                    if (!File.Exists(full))
                        throw FileObject.OsError(PyType.FileNotFoundError, 2, "No such file or directory", p);
                    File.Delete(full);
                });
            });
        }
        Def(os, "mkdir", (a, k) =>
        {
            var p = OnePath("mkdir", a[..Math.Min(a.Length, 1)], null);
            string full = Resolve(p);
            if (Path.Exists(full))
                throw FileObject.OsError(PyType.FileExistsError, 17, "File exists", p);
            return Io(p, () => Directory.CreateDirectory(full));
        });
        Def(os, "rmdir", (a, k) =>
        {
            var p = OnePath("rmdir", a, k);
            string full = Resolve(p);
            if (!Directory.Exists(full))
                throw FileObject.OsError(File.Exists(full) ? PyType.NotADirectoryError : PyType.FileNotFoundError, File.Exists(full) ? 20 : 2,
                    File.Exists(full) ? "Not a directory" : "No such file or directory", p);
            if (Directory.EnumerateFileSystemEntries(full).Any())
                throw FileObject.OsError(PyType.OSError, 39, "Directory not empty", p);
            return Io(p, () => Directory.Delete(full));
        });
        Def(os, "rename", (a, k) =>
        {
            Args.Range("rename", a, k, 2, 2);
            string src = PathArg(a[0], "rename").Value, dst = PathArg(a[1], "rename").Value;
            if (!Path.Exists(Resolve(src)))
                throw FileObject.OsError(PyType.FileNotFoundError, 2, "No such file or directory", src);
            return Io(src, () =>
            {
                if (Directory.Exists(Resolve(src)))
                    Directory.Move(Resolve(src), Resolve(dst));
                else
                    File.Move(Resolve(src), Resolve(dst), overwrite: true);
            });
        });
        Def(os, "listdir", (a, k) =>
        {
            Args.Range("listdir", a, k, 0, 1);
            string p = a.Length > 0 ? PathArg(a[0], "listdir").Value : ".";
            string full = Resolve(p);
            if (!Directory.Exists(full))
                throw FileObject.OsError(File.Exists(full) ? PyType.NotADirectoryError : PyType.FileNotFoundError, File.Exists(full) ? 20 : 2,
                    File.Exists(full) ? "Not a directory" : "No such file or directory", p);
            return new PyList(Directory.EnumerateFileSystemEntries(full).Select(e => (PyObject)PyStr.Of(Path.GetFileName(e))).ToArray(), true);
        });
        return os;
    }

    private static PyModule CreatePath(PyRuntime rt)
    {
        var m = new PyModule("posixpath");
        m.Set("sep", PyStr.Of("/"));
        m.Set("curdir", PyStr.Of("."));
        m.Set("pardir", PyStr.Of(".."));
        m.Set("extsep", PyStr.Of("."));
        Def(m, "exists", (a, k) => PyBool.Of(Path.Exists(Resolve(OnePath("exists", a, k)))));
        Def(m, "isfile", (a, k) => PyBool.Of(File.Exists(Resolve(OnePath("isfile", a, k)))));
        Def(m, "isdir", (a, k) => PyBool.Of(Directory.Exists(Resolve(OnePath("isdir", a, k)))));
        Def(m, "isabs", (a, k) => PyBool.Of(OnePath("isabs", a, k).StartsWith('/')));
        Def(m, "getsize", (a, k) =>
        {
            var p = OnePath("getsize", a, k);
            var full = Resolve(p);
            if (Directory.Exists(full))
                return PyInt.Of(4096);
            return File.Exists(full) ? PyInt.Of(new FileInfo(full).Length) : throw FileObject.OsError(PyType.FileNotFoundError, 2, "No such file or directory", p);
        });
        Def(m, "join", (a, k) =>
        {
            Args.NoKeywords("join", k);
            if (a.Length == 0)
                throw Err.Type("join() missing 1 required positional argument: 'a'");
            string path = PathArg(a[0], "join").Value;
            foreach (var part in a[1..])
            {
                string b = PathArg(part, "join").Value;
                if (b.StartsWith('/'))
                    path = b;
                else if (path.Length == 0 || path.EndsWith('/'))
                    path += b;
                else
                    path += "/" + b;
            }
            return PyStr.Of(path);
        });
        Def(m, "split", (a, k) =>
        {
            var (head, tail) = Split(OnePath("split", a, k));
            return PyTuple.Of(PyStr.Of(head), PyStr.Of(tail));
        });
        Def(m, "basename", (a, k) => PyStr.Of(Split(OnePath("basename", a, k)).Tail));
        Def(m, "dirname", (a, k) => PyStr.Of(Split(OnePath("dirname", a, k)).Head));
        Def(m, "splitext", (a, k) =>
        {
            var (root, ext) = SplitExt(OnePath("splitext", a, k));
            return PyTuple.Of(PyStr.Of(root), PyStr.Of(ext));
        });
        Def(m, "normpath", (a, k) => PyStr.Of(NormPath(OnePath("normpath", a, k))));
        Def(m, "abspath", (a, k) =>
        {
            string p = OnePath("abspath", a, k);
            return PyStr.Of(NormPath(p.StartsWith('/') ? p : rt.WorkingDirectory.TrimEnd('/') + "/" + p));
        });
        return m;
    }

    private static void Def(PyModule m, string name, NativeFunction body) => BuiltinModules.Def(m, name, body);

    /// <summary>A path argument: str, or an object with __fspath__ returning str (os.fspath).</summary>
    private static PyStr PathArg(PyObject o, string func)
    {
        if (o is PyStr s)
            return s;
        if (Ops.CallSpecial(o, "__fspath__", []) is PyStr fs)
            return fs;
        throw Err.Type($"{func}: path should be string, bytes or os.PathLike, not {o.Type.Name}");
    }

    private static string OnePath(string func, ReadOnlySpan<PyObject> a, PyTuple? k)
    {
        Args.Range(func, a, k, 1, 1);
        return PathArg(a[0], func).Value;
    }

    internal static string Resolve(string path) => Path.Combine(PyRuntime.Current.WorkingDirectory, path);

    private static PyObject Io(string path, Action action)
    {
        try
        {
            action();
        }
        catch (UnauthorizedAccessException)
        {
            throw FileObject.OsError(PyType.PermissionError, 13, "Permission denied", path);
        }
        catch (IOException e)
        {
            throw FileObject.OsError(PyType.OSError, 5, e.Message, path);
        }
        return PyNone.Instance;
    }

    /// <summary>posixpath.split: the head loses its trailing slashes unless it is all slashes.</summary>
    private static (string Head, string Tail) Split(string p)
    {
        int i = p.LastIndexOf('/') + 1;
        string head = p[..i], tail = p[i..];
        if (head.Length > 0 && head.Trim('/').Length > 0)
            head = head.TrimEnd('/');
        return (head, tail);
    }

    /// <summary>genericpath._splitext: the last dot after the last slash, unless only dots lead up to it.</summary>
    private static (string Root, string Ext) SplitExt(string p)
    {
        int sepIndex = p.LastIndexOf('/');
        int dotIndex = p.LastIndexOf('.');
        if (dotIndex > sepIndex)
        {
            for (int i = sepIndex + 1; i < dotIndex; i++)
            {
                if (p[i] != '.')
                    return (p[..dotIndex], p[dotIndex..]);
            }
        }
        return (p, "");
    }

    /// <summary>posixpath.normpath: drops empty and "." parts, resolves "..", keeps exactly two leading slashes.</summary>
    private static string NormPath(string path)
    {
        if (path.Length == 0)
            return ".";
        int initialSlashes = path.StartsWith('/') ? (path.StartsWith("//") && !path.StartsWith("///") ? 2 : 1) : 0;
        var comps = new List<string>();
        foreach (var comp in path.Split('/'))
        {
            if (comp is "" or ".")
                continue;
            if (comp != ".." || (initialSlashes == 0 && comps.Count == 0) || (comps.Count > 0 && comps[^1] == ".."))
                comps.Add(comp);
            else if (comps.Count > 0)
                comps.RemoveAt(comps.Count - 1);
        }
        string result = new string('/', initialSlashes) + string.Join('/', comps);
        return result.Length == 0 ? "." : result;
    }
}
