using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>Modules implemented in C# (the VM has no standard library of .py files): see <see cref="Names"/>.</summary>
internal static class BuiltinModules
{
    /// <summary>What sys.builtin_module_names reports: every module <see cref="Create"/> makes (os.path comes with os).</summary>
    public static readonly string[] Names =
    [
        "__future__", "builtins", "collections", "dataclasses", "enum", "functools", "itertools", "json", "math", "os",
        "re", "string", "sys", "time", "typing",
    ];

    public static PyModule? Create(PyRuntime rt, string name) => name switch
    {
        "builtins" => rt.BuiltinsModule,
        "sys" => rt.SysModule,
        "__future__" => Future(),
        "math" => MathModule.Create(rt),
        "time" => TimeModule.Create(rt),
        "functools" => FunctoolsModule.Create(rt),
        "os" => OsModule.Create(rt),
        "enum" => EnumModule.Create(rt),
        "dataclasses" => DataclassesModule.Create(rt),
        "typing" => TypingModule.Create(rt),
        "collections" => CollectionsModule.Create(rt),
        "itertools" => ItertoolsModule.Create(rt),
        "string" => StringModule.Create(rt),
        "json" => JsonModule.Create(rt),
        "re" => ReModule.Create(rt),
        _ => null,
    };

    /// <summary>Adds a module-level built-in function (its __module__ is the module's name).</summary>
    internal static void Def(PyModule m, string name, NativeFunction body) =>
        m.Set(name, new PyBuiltinFunction(name, body, m.Name));

    private static PyModule Future()
    {
        var m = new PyModule("__future__");
        foreach (var feature in new[] { "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations" })
            m.Set(feature, PyStr.Of(feature));
        m.Set("all_feature_names", PyList.Of(new[] { "nested_scopes", "generators", "division", "absolute_import", "with_statement", "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations" }.Select(s => (PyObject)PyStr.Of(s)).ToArray()));
        return m;
    }
}
