using PycSharp.Format.Pyc;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Interpreter;

/// <summary>
/// import: built-in modules first, then the program's own modules as .pyc files in the search path (the main
/// program's directory), beside it or in __pycache__ (Lib/importlib/_bootstrap.py, simplified to these finders).
/// </summary>
internal static class Importer
{
    public static PyObject ImportName(Frame f, PyStr name, PyObject fromlist, PyObject level)
    {
        if (Ops.IndexLong(level) != 0)
            throw Err.New(PyType.ImportError, "attempted relative import with no known parent package");
        var rt = PyRuntime.Current;
        var parts = name.Value.Split('.');
        PyObject? top = null;
        string prefix = "";
        PyObject? last = null;
        foreach (var part in parts)
        {
            prefix = prefix.Length == 0 ? part : prefix + "." + part;
            last = Load(rt, prefix);
            top ??= last;
        }
        bool hasFromlist = fromlist is not PyNone && Ops.IsTrue(fromlist);
        return hasFromlist ? last! : top!;
    }

    private static PyObject Load(PyRuntime rt, string fullName)
    {
        if (rt.Modules.GetStr(fullName) is { } cached)
            return cached;
        var module = Library.BuiltinModules.Create(rt, fullName);
        if (module is not null)
        {
            rt.Modules.SetStr(fullName, module);
            return module;
        }
        // A submodule is searched for in its parent's __path__ only (importlib._bootstrap._find_and_load_unlocked).
        int dot = fullName.LastIndexOf('.');
        IEnumerable<string> dirs = rt.SearchPath;
        if (dot >= 0)
        {
            var parentName = fullName[..dot];
            var parent = rt.Modules.GetStr(parentName);
            if (parent is null || Ops.TryGetAttr(parent, "__path__") is not { } parentPath)
                throw NotFound($"No module named '{fullName}'; '{parentName}' is not a package", fullName);
            dirs = Ops.ToList(parentPath).OfType<PyStr>().Select(p => p.Value).ToList();
        }
        var found = Find(rt, fullName[(dot + 1)..], dirs) ?? throw NotFound($"No module named '{fullName}'", fullName);
        var loaded = Execute(rt, fullName, found.Path, found.PackageDir);
        // The parent package gets the submodule as an attribute (_bootstrap._find_and_load_unlocked).
        if (dot >= 0 && rt.Modules.GetStr(fullName[..dot]) is { } owner)
            Ops.SetAttr(owner, PyStr.Intern(fullName[(dot + 1)..]), loaded);
        return loaded;
    }

    private static PyException NotFound(string message, string name)
    {
        var e = Err.New(PyType.ModuleNotFoundError, message);
        e.Value.Extra = PyStr.Of(name);
        return e;
    }

    /// <summary>
    /// The .pyc of a module or package named <paramref name="name"/> in one of <paramref name="dirs"/>: a package
    /// directory's __init__ first, then NAME.pyc, then __pycache__/NAME.cpython-3X.pyc (FileFinder's order).
    /// </summary>
    private static (string Path, string? PackageDir)? Find(PyRuntime rt, string name, IEnumerable<string> dirs)
    {
        string tag = $"cpython-{rt.Version.Major}{rt.Version.Minor}";
        foreach (var dir in dirs)
        {
            var package = Path.Combine(dir, name);
            foreach (var init in new[] { Path.Combine(package, "__init__.pyc"), Path.Combine(package, "__pycache__", "__init__." + tag + ".pyc") })
                if (File.Exists(init))
                    return (init, package);
            foreach (var candidate in new[] { Path.Combine(dir, name + ".pyc"), Path.Combine(dir, "__pycache__", name + "." + tag + ".pyc") })
                if (File.Exists(candidate))
                    return (candidate, null);
        }
        return null;
    }

    private static PyObject Execute(PyRuntime rt, string name, string path, string? packageDir)
    {
        PycFile file;
        try
        {
            file = PycFile.Load(path);
        }
        catch (Exception e) when (e is PycSharp.Format.PycFormatException or IOException)
        {
            throw Err.New(PyType.ImportError, $"bad bytecode in {path}: {e.Message}");
        }
        if (file.Version != rt.Version || file.Code is null)
            throw Err.New(PyType.ImportError, $"{path} holds CPython {file.Version} bytecode; the program runs {rt.Version}");
        var code = PyCodeObject.Load(file.Code, rt.Dialect);
        var module = new PyModule(name);
        module.Set("__file__", PyStr.Of(path));
        module.Set("__builtins__", rt.BuiltinsModule);
        if (packageDir is not null)
        {
            module.Set("__path__", PyList.Of([PyStr.Of(packageDir)]));
            module.Set("__package__", PyStr.Of(name));
        }
        else
        {
            module.Set("__package__", PyStr.Of(name.Contains('.') ? name[..name.LastIndexOf('.')] : ""));
        }
        rt.Modules.SetStr(name, module);
        try
        {
            var frame = new Frame(code, module.ModuleDict, rt.BuiltinsDict, module.ModuleDict);
            Eval.Run(frame);
        }
        catch
        {
            rt.Modules.Remove(PyStr.Intern(name));
            throw;
        }
        return rt.Modules.GetStr(name) ?? module;
    }

    public static PyObject ImportFrom(PyObject module, PyStr name)
    {
        var v = Ops.TryGetAttr(module, name);
        if (v is not null)
            return v;
        string modName = module is PyModule m ? m.Name : "?";
        if (PyRuntime.Current.Modules.GetStr(modName + "." + name.Value) is { } sub)
            return sub;
        string where = module is PyModule mm && mm.ModuleDict.GetStr("__file__") is PyStr file ? file.Value : "unknown location";
        var e = Err.New(PyType.ImportError, $"cannot import name '{name.Value}' from '{modName}' ({where})");
        e.Value.Extra = PyStr.Of(modName);
        throw e;
    }

    public static void ImportStar(Frame f, PyObject module)
    {
        var locals = f.Locals ?? throw Err.New(PyType.SystemError, "no locals found during 'import *'");
        var dict = module.Dict ?? throw Err.Type("module has no __dict__");
        var all = dict.GetStr("__all__");
        var names = all is not null ? Ops.ToArray(all) : dict.KeysArray().Where(k => k is PyStr s && !s.Value.StartsWith('_')).ToArray();
        foreach (var n in names)
            Ops.SetItem(locals, n, Ops.GetAttr(module, (PyStr)n));
    }
}
