using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>The sys module, reporting the version of the bytecode being run.</summary>
internal static class SysModule
{
    public static PyModule Create(PyRuntime rt)
    {
        var m = new PyModule("sys");
        m.Set("stdout", new FileObject("<stdout>", "w", rt.Stdout, null));
        m.Set("stderr", new FileObject("<stderr>", "w", rt.Stderr, null));
        m.Set("stdin", new FileObject("<stdin>", "r", null, rt.Stdin));
        m.Set("__stdout__", m.ModuleDict.GetStr("stdout")!);
        m.Set("__stderr__", m.ModuleDict.GetStr("stderr")!);
        m.Set("__stdin__", m.ModuleDict.GetStr("stdin")!);
        m.Set("argv", new PyList());
        m.Set("path", new PyList());
        m.Set("modules", rt.Modules);
        m.Set("maxsize", PyInt.Of(long.MaxValue));
        m.Set("byteorder", PyStr.Of("little"));
        m.Set("platform", PyStr.Of("linux"));
        m.Set("implementation_name", PyStr.Of("pycsharp"));
        var v = rt.Version;
        m.Set("version_info", Seq("version_info", ["major", "minor", "micro", "releaselevel", "serial"],
            PyInt.Of(v.Major), PyInt.Of(v.Minor), PyInt.Of(0), PyStr.Of("final"), PyInt.Of(0)));
        // Python/sysmodule.c and Objects/floatobject.c: the values of a 64-bit Linux build, hashes seeded with 0.
        m.Set("float_info", Seq("float_info", ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"],
            new PyFloat(double.MaxValue), PyInt.Of(1024), PyInt.Of(308), new PyFloat(2.2250738585072014e-308), PyInt.Of(-1021), PyInt.Of(-307),
            PyInt.Of(15), PyInt.Of(53), new PyFloat(Math.BitIncrement(1.0) - 1.0), PyInt.Of(2), PyInt.Of(1)));
        m.Set("int_info", Seq("int_info", ["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
            PyInt.Of(30), PyInt.Of(4), PyInt.Of(4300), PyInt.Of(640)));
        m.Set("hash_info", Seq("hash_info", ["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
            PyInt.Of(64), PyInt.Of((1L << 61) - 1), PyInt.Of(314159), PyInt.Zero, PyInt.Of(1000003), PyStr.Of("siphash13"), PyInt.Of(64), PyInt.Of(128), PyInt.Zero));
        m.Set("flags", Seq("flags", ["debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site", "ignore_environment",
            "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"],
            PyInt.Zero, PyInt.Zero, PyInt.Zero, PyInt.Zero, PyInt.Zero, PyInt.Zero, PyInt.Zero, PyInt.Zero, PyInt.Zero, PyInt.Zero, PyInt.Zero, PyInt.Zero,
            PyInt.Zero, PyBool.False, PyInt.Zero, PyInt.Zero, PyBool.False, PyInt.Of(v.Minor == 11 ? -1 : 4300)));
        m.Set("version", PyStr.Of($"{v.Major}.{v.Minor}.0 (PycSharp VM)"));
        m.Set("hexversion", PyInt.Of((v.Major << 24) | (v.Minor << 16) | 0xF0));
        m.Set("maxunicode", PyInt.Of(0x10FFFF));
        m.Set("builtin_module_names", PyTuple.Of(BuiltinModules.Names.Select(n => (PyObject)PyStr.Of(n)).ToArray()));
        m.Set("exit", new PyBuiltinFunction("exit", (a, k) =>
        {
            Args.Range("exit", a, k, 0, 1);
            throw new PyException(Err.Make(PyType.SystemExit, a.Length == 0 ? PyTuple.Empty : PyTuple.Of(a[0])));
        }, "sys"));
        m.Set("getrecursionlimit", new PyBuiltinFunction("getrecursionlimit", (a, k) => PyInt.Of(Recursion.Limit), "sys"));
        m.Set("setrecursionlimit", new PyBuiltinFunction("setrecursionlimit", (a, k) =>
        {
            long n = Ops.IndexLong(a[0]);
            if (n < 1)
                throw Err.Value("recursion limit must be greater or equal than 1");
            Recursion.Limit = (int)Math.Min(n, 200000);
            return PyNone.Instance;
        }, "sys"));
        m.Set("exc_info", new PyBuiltinFunction("exc_info", (a, k) =>
        {
            var e = VmThread.TopmostException();
            return e is PyBaseException be ? PyTuple.Of(be.Type, be, (PyObject?)be.Traceback ?? PyNone.Instance) : PyTuple.Of(PyNone.Instance, PyNone.Instance, PyNone.Instance);
        }, "sys"));
        m.Set("exception", new PyBuiltinFunction("exception", (a, k) => VmThread.TopmostException() ?? PyNone.Instance, "sys"));
        m.Set("intern", new PyBuiltinFunction("intern", (a, k) => PyStr.Intern(((PyStr)a[0]).Value), "sys"));
        m.Set("getsizeof", new PyBuiltinFunction("getsizeof", (a, k) => PyInt.Of(64), "sys"));
        var excepthook = new PyBuiltinFunction("excepthook", (a, k) =>
        {
            Args.Exactly("excepthook", a, k, 3);
            if (a[1] is PyBaseException e)
                ExceptionReports.Print(rt, e);
            else
                ((FileObject)rt.Sys.GetStr("stderr")!).Write($"TypeError: print_exception(): Exception expected for value, {a[1].Type.Name} found\n");
            return PyNone.Instance;
        }, "sys");
        m.Set("excepthook", excepthook);
        m.Set("__excepthook__", excepthook);
        m.Set("displayhook", new PyBuiltinFunction("displayhook", (a, k) =>
        {
            if (a[0] is not PyNone)
            {
                ((FileObject)rt.Sys.GetStr("stdout")!).Write(Ops.ReprText(a[0]) + "\n");
                rt.BuiltinsDict.SetStr("_", a[0]);
            }
            return PyNone.Instance;
        }, "sys"));
        return m;
    }

    private static PyTuple Seq(string name, string[] fields, params PyObject[] values) =>
        new StructSequence("sys", name, fields).Make(values);
}
