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
        if (module is null)
        {
            var path = Find(rt, fullName);
            if (path is null)
            {
                var e = Err.New(PyType.ModuleNotFoundError, $"No module named '{fullName}'");
                e.Value.Extra = PyStr.Of(fullName);
                throw e;
            }
            return Execute(rt, fullName, path);
        }
        rt.Modules.SetStr(fullName, module);
        return module;
    }

    private static string? Find(PyRuntime rt, string fullName)
    {
        var rel = fullName.Replace('.', Path.DirectorySeparatorChar);
        string tag = $"cpython-{rt.Version.Major}{rt.Version.Minor}";
        foreach (var dir in rt.SearchPath)
        {
            foreach (var candidate in new[]
            {
                Path.Combine(dir, rel + ".pyc"),
                Path.Combine(dir, Path.GetDirectoryName(rel) ?? "", "__pycache__", Path.GetFileName(rel) + "." + tag + ".pyc"),
            })
            {
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    private static PyObject Execute(PyRuntime rt, string name, string path)
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
