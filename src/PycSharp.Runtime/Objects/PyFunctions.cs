using PycSharp.Runtime.Interpreter;

namespace PycSharp.Runtime.Objects;

public delegate PyObject NativeFunction(ReadOnlySpan<PyObject> args, PyTuple? kwnames);

public delegate PyObject NativeMethod(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames);

/// <summary>A function defined in Python: a code object with its globals, defaults and closure.</summary>
public sealed class PyFunction : PyObject
{
    public PyFunction(PyCodeObject code, PyDict globals, PyObject qualName, PyDict builtins)
    {
        Code = code;
        Globals = globals;
        Builtins = builtins;
        Name = code.Name;
        QualName = qualName;
        Module = globals.GetStr("__name__");
        Doc = code.HasDocstring && code.Consts.Length > 0 && code.Consts[0] is PyStr s ? s : PyNone.Instance;
    }

    public PyCodeObject Code;
    public readonly PyDict Globals;
    /// <summary>func_builtins: the builtins of the frame that made the function (Objects/funcobject.c).</summary>
    public readonly PyDict Builtins;
    public PyObject Name;
    public PyObject QualName;
    public PyObject? Module;
    public PyObject Doc;
    public PyTuple? Defaults;
    public PyDict? KwDefaults;
    public PyObject?[]? Closure;
    public PyObject? Annotations;
    private PyDict? _dict;

    public override PyType Type => PyType.FunctionType;
    public override PyDict? Dict => _dict ??= new PyDict();
}

/// <summary>A function bound to its first argument (Objects/classobject.c).</summary>
public sealed class PyMethod(PyObject function, PyObject self) : PyObject
{
    public readonly PyObject Function = function;
    public readonly PyObject Self = self;
    public override PyType Type => PyType.MethodType;
}

/// <summary>A function implemented in C# (builtins, module functions).</summary>
public sealed class PyBuiltinFunction(string name, NativeFunction body, string? module = "builtins") : PyObject
{
    public readonly string Name = name;
    public readonly NativeFunction Body = body;
    public readonly string? ModuleName = module;
    /// <summary>__self__: the type whose tp_new a built-in <c>__new__</c> wraps; else null.</summary>
    public PyObject? Self;
    public override PyType Type => PyType.BuiltinFunctionType;
}

/// <summary>A method of a built-in type as found in the type's dict (list.append); binds like a function.</summary>
public sealed class PyMethodDescriptor(PyType owner, string name, NativeMethod body) : PyObject
{
    public readonly PyType Owner = owner;
    public readonly string Name = name;
    public readonly NativeMethod Body = body;
    public override PyType Type => PyType.MethodDescriptorType;
}

/// <summary>A method of a built-in type bound to an object (<c>[].append</c>).</summary>
public sealed class PyBuiltinMethod(PyObject self, PyMethodDescriptor descriptor) : PyObject
{
    public readonly PyObject Self = self;
    public readonly PyMethodDescriptor Descriptor = descriptor;
    public override PyType Type => PyType.BuiltinFunctionType;
}

/// <summary>A slot of a built-in type exposed as a dunder method (int.__add__), Objects/descrobject.c wrapper_descriptor.</summary>
public sealed class PySlotWrapper(PyType owner, string name, NativeMethod body) : PyObject
{
    public readonly PyType Owner = owner;
    public readonly string Name = name;
    public readonly NativeMethod Body = body;
    public override PyType Type => PyType.WrapperDescriptorType;
}

public sealed class PyStaticMethod(PyObject function) : PyObject
{
    public PyObject Function = function;
    private PyDict? _dict;
    public override PyType Type => PyType.StaticMethodType;
    public override PyDict? Dict => _dict ??= new PyDict();
}

public sealed class PyClassMethod(PyObject function) : PyObject
{
    public PyObject Function = function;
    private PyDict? _dict;
    public override PyType Type => PyType.ClassMethodType;
    public override PyDict? Dict => _dict ??= new PyDict();
}

public class PyProperty(PyObject? getter, PyObject? setter, PyObject? deleter, PyObject? doc) : PyObject
{
    public PyObject? Getter = getter;
    public PyObject? Setter = setter;
    public PyObject? Deleter = deleter;
    public PyObject? Doc = doc;
    public PyObject? Name;
    public override PyType Type => PyType.PropertyType;
}

/// <summary>A <c>__slots__</c> member: reads and writes one slot of the instance.</summary>
public sealed class PyMemberDescriptor(PyType owner, string name, int index) : PyObject
{
    public readonly PyType Owner = owner;
    public readonly string Name = name;
    public readonly int Index = index;
    public override PyType Type => PyType.MemberDescriptorType;
}

/// <summary>A read-only or computed attribute of a built-in type (<c>__dict__</c>, <c>__name__</c>, <c>real</c>).</summary>
public sealed class PyGetSetDescriptor(PyType owner, string name, Func<PyObject, PyObject> get, Action<PyObject, PyObject?>? set = null) : PyObject
{
    public readonly PyType Owner = owner;
    public readonly string Name = name;
    public readonly Func<PyObject, PyObject> Get = get;
    public readonly Action<PyObject, PyObject?>? Set = set;
    public override PyType Type => PyType.GetSetDescriptorType;
}

public sealed class PyModule : PyObject
{
    public PyModule(string name, PyDict? dict = null)
    {
        ModuleDict = dict ?? new PyDict();
        if (dict is null)
        {
            ModuleDict.SetStr("__name__", PyStr.Of(name));
            ModuleDict.SetStr("__doc__", PyNone.Instance);
            ModuleDict.SetStr("__package__", PyNone.Instance);
            ModuleDict.SetStr("__loader__", PyNone.Instance);
            ModuleDict.SetStr("__spec__", PyNone.Instance);
        }
    }

    public readonly PyDict ModuleDict;
    public string Name => (ModuleDict.GetStr("__name__") as PyStr)?.Value ?? "?";
    public override PyType Type => PyType.ModuleType;
    public override PyDict? Dict => ModuleDict;

    public void Set(string name, PyObject value) => ModuleDict.SetStr(name, value);
}

public sealed class PyRange(PyObject start, PyObject stop, PyObject step) : PyObject
{
    public readonly PyObject Start = start, Stop = stop, Step = step;
    public override PyType Type => PyType.RangeType;
}

public sealed class PySlice(PyObject start, PyObject stop, PyObject step) : PyObject
{
    public readonly PyObject Start = start, Stop = stop, Step = step;
    public override PyType Type => PyType.SliceType;
}

/// <summary>The object <c>super()</c> returns (Objects/typeobject.c super_getattro).</summary>
public sealed class PySuper(PyType thisType, PyObject? obj, PyType? objType) : PyObject
{
    public readonly PyType ThisType = thisType;
    public readonly PyObject? Obj = obj;
    public readonly PyType? ObjType = objType;
    public override PyType Type => PyType.SuperType;
}
