namespace PycSharp.Runtime.Objects;

public sealed partial class PyType
{
    // The built-in types. Created in dependency order by the static constructor; their behaviour is installed by
    // Builtins.TypeSetup once all exist (methods refer to other types).
    public static readonly PyType ObjectType, TypeType, NoneType, NotImplementedType, EllipsisType, IntType, BoolType,
        FloatType, ComplexType, StrType, BytesType, ByteArrayType, TupleType, ListType, DictType, SetType, FrozenSetType,
        RangeType, SliceType, FunctionType, MethodType, BuiltinFunctionType, MethodDescriptorType, WrapperDescriptorType,
        StaticMethodType, ClassMethodType, PropertyType, MemberDescriptorType, GetSetDescriptorType, ModuleType, CellType,
        CodeType, SuperType, GeneratorType, CoroutineType, AsyncGeneratorType, AsyncGenASendType, AsyncGenAThrowType,
        TracebackType, FrameType,
        IteratorType, CallableIteratorType, ListIteratorType, ListReverseIteratorType, TupleIteratorType,
        RangeIteratorType, StrIteratorType, DictKeyIteratorType, DictValueIteratorType, DictItemIteratorType,
        SetIteratorType, DictKeysType, DictValuesType, DictItemsType, MappingProxyType,
        MapType, FilterType, ZipType, EnumerateType, ReversedType,
        GenericAliasType, UnionType, TypeVarType, ParamSpecType, TypeVarTupleType, TypeAliasType, GenericType, NoDefaultType;

    public static readonly PyType BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError,
        FloatingPointError, AssertionError, AttributeError, BufferError, EOFError, ImportError, ModuleNotFoundError,
        LookupError, IndexError, KeyError, MemoryError, NameError, UnboundLocalError, OSError, FileNotFoundError,
        FileExistsError, PermissionError, IsADirectoryError, NotADirectoryError, ReferenceError, RuntimeError,
        NotImplementedError, RecursionError, StopIteration, StopAsyncIteration, SyntaxError, IndentationError,
        TabError, SystemError, TypeError, ValueError, UnicodeError, UnicodeDecodeError, UnicodeEncodeError,
        UnicodeTranslateError, GeneratorExit, KeyboardInterrupt, SystemExit, BaseExceptionGroup, ExceptionGroup,
        Warning, UserWarning, DeprecationWarning, PendingDeprecationWarning, SyntaxWarning, RuntimeWarning,
        FutureWarning, ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning,
        ConnectionError, TimeoutError, InterruptedError, ChildProcessError, ProcessLookupError,
        BlockingIOError, BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError;

    public static readonly List<PyType> ExceptionTypes = [];

    static PyType()
    {
        ObjectType = new PyType("object", null);
        TypeType = new PyType("type", ObjectType);
        PyType T(string name, PyType? b = null, bool subclassable = true) => new(name, b ?? ObjectType) { IsBaseType = subclassable };
        NoneType = T("NoneType", subclassable: false);
        NotImplementedType = T("NotImplementedType", subclassable: false);
        EllipsisType = T("ellipsis", subclassable: false);
        IntType = T("int");
        BoolType = T("bool", IntType, false);
        FloatType = T("float");
        ComplexType = T("complex");
        StrType = T("str");
        BytesType = T("bytes");
        ByteArrayType = T("bytearray");
        TupleType = T("tuple");
        ListType = T("list");
        DictType = T("dict");
        SetType = T("set");
        FrozenSetType = T("frozenset");
        RangeType = T("range", subclassable: false);
        SliceType = T("slice", subclassable: false);
        FunctionType = T("function", subclassable: false);
        MethodType = T("method", subclassable: false);
        BuiltinFunctionType = T("builtin_function_or_method", subclassable: false);
        MethodDescriptorType = T("method_descriptor", subclassable: false);
        WrapperDescriptorType = T("wrapper_descriptor", subclassable: false);
        StaticMethodType = T("staticmethod");
        ClassMethodType = T("classmethod");
        PropertyType = T("property");
        MemberDescriptorType = T("member_descriptor", subclassable: false);
        GetSetDescriptorType = T("getset_descriptor", subclassable: false);
        ModuleType = T("module");
        CellType = T("cell", subclassable: false);
        CodeType = T("code", subclassable: false);
        SuperType = T("super");
        GeneratorType = T("generator", subclassable: false);
        CoroutineType = T("coroutine", subclassable: false);
        AsyncGeneratorType = T("async_generator", subclassable: false);
        AsyncGenASendType = T("async_generator_asend", subclassable: false);
        AsyncGenAThrowType = T("async_generator_athrow", subclassable: false);
        TracebackType = T("traceback", subclassable: false);
        FrameType = T("frame", subclassable: false);
        IteratorType = T("iterator", subclassable: false);
        CallableIteratorType = T("callable_iterator", subclassable: false);
        ListIteratorType = T("list_iterator", subclassable: false);
        ListReverseIteratorType = T("list_reverseiterator", subclassable: false);
        TupleIteratorType = T("tuple_iterator", subclassable: false);
        RangeIteratorType = T("range_iterator", subclassable: false);
        StrIteratorType = T("str_ascii_iterator", subclassable: false);
        DictKeyIteratorType = T("dict_keyiterator", subclassable: false);
        DictValueIteratorType = T("dict_valueiterator", subclassable: false);
        DictItemIteratorType = T("dict_itemiterator", subclassable: false);
        SetIteratorType = T("set_iterator", subclassable: false);
        DictKeysType = T("dict_keys", subclassable: false);
        DictValuesType = T("dict_values", subclassable: false);
        DictItemsType = T("dict_items", subclassable: false);
        MappingProxyType = T("mappingproxy", subclassable: false);
        MapType = T("map");
        FilterType = T("filter");
        ZipType = T("zip");
        EnumerateType = T("enumerate");
        ReversedType = T("reversed");
        // Objects/genericaliasobject.c, unionobject.c (module types) and typevarobject.c (module typing).
        GenericAliasType = new PyType("GenericAlias", ObjectType) { Module = "types" };
        UnionType = new PyType("UnionType", ObjectType) { Module = "types" };
        TypeVarType = new PyType("TypeVar", ObjectType) { Module = "typing" };
        ParamSpecType = new PyType("ParamSpec", ObjectType) { Module = "typing" };
        TypeVarTupleType = new PyType("TypeVarTuple", ObjectType) { Module = "typing" };
        TypeAliasType = new PyType("TypeAliasType", ObjectType) { Module = "typing" };
        GenericType = new PyType("Generic", ObjectType) { Module = "typing", IsBaseType = true };
        NoDefaultType = new PyType("NoDefaultType", ObjectType) { Module = "typing" };

        PyType E(string name, PyType? b) 
        {
            var t = new PyType(name, b ?? ObjectType) { HasDict = true };
            ExceptionTypes.Add(t);
            return t;
        }
        BaseException = E("BaseException", null);
        Exception = E("Exception", BaseException);
        ArithmeticError = E("ArithmeticError", Exception);
        ZeroDivisionError = E("ZeroDivisionError", ArithmeticError);
        OverflowError = E("OverflowError", ArithmeticError);
        FloatingPointError = E("FloatingPointError", ArithmeticError);
        AssertionError = E("AssertionError", Exception);
        AttributeError = E("AttributeError", Exception);
        BufferError = E("BufferError", Exception);
        EOFError = E("EOFError", Exception);
        ImportError = E("ImportError", Exception);
        ModuleNotFoundError = E("ModuleNotFoundError", ImportError);
        LookupError = E("LookupError", Exception);
        IndexError = E("IndexError", LookupError);
        KeyError = E("KeyError", LookupError);
        MemoryError = E("MemoryError", Exception);
        NameError = E("NameError", Exception);
        UnboundLocalError = E("UnboundLocalError", NameError);
        OSError = E("OSError", Exception);
        BlockingIOError = E("BlockingIOError", OSError);
        ChildProcessError = E("ChildProcessError", OSError);
        ConnectionError = E("ConnectionError", OSError);
        BrokenPipeError = E("BrokenPipeError", ConnectionError);
        ConnectionAbortedError = E("ConnectionAbortedError", ConnectionError);
        ConnectionRefusedError = E("ConnectionRefusedError", ConnectionError);
        ConnectionResetError = E("ConnectionResetError", ConnectionError);
        FileExistsError = E("FileExistsError", OSError);
        FileNotFoundError = E("FileNotFoundError", OSError);
        InterruptedError = E("InterruptedError", OSError);
        IsADirectoryError = E("IsADirectoryError", OSError);
        NotADirectoryError = E("NotADirectoryError", OSError);
        PermissionError = E("PermissionError", OSError);
        ProcessLookupError = E("ProcessLookupError", OSError);
        TimeoutError = E("TimeoutError", OSError);
        ReferenceError = E("ReferenceError", Exception);
        RuntimeError = E("RuntimeError", Exception);
        NotImplementedError = E("NotImplementedError", RuntimeError);
        RecursionError = E("RecursionError", RuntimeError);
        StopIteration = E("StopIteration", Exception);
        StopAsyncIteration = E("StopAsyncIteration", Exception);
        SyntaxError = E("SyntaxError", Exception);
        IndentationError = E("IndentationError", SyntaxError);
        TabError = E("TabError", IndentationError);
        SystemError = E("SystemError", Exception);
        TypeError = E("TypeError", Exception);
        ValueError = E("ValueError", Exception);
        UnicodeError = E("UnicodeError", ValueError);
        UnicodeDecodeError = E("UnicodeDecodeError", UnicodeError);
        UnicodeEncodeError = E("UnicodeEncodeError", UnicodeError);
        UnicodeTranslateError = E("UnicodeTranslateError", UnicodeError);
        GeneratorExit = E("GeneratorExit", BaseException);
        KeyboardInterrupt = E("KeyboardInterrupt", BaseException);
        SystemExit = E("SystemExit", BaseException);
        BaseExceptionGroup = E("BaseExceptionGroup", BaseException);
        ExceptionGroup = new PyType("ExceptionGroup", BaseExceptionGroup, [BaseExceptionGroup, Exception]) { HasDict = true };
        ExceptionTypes.Add(ExceptionGroup);
        Warning = E("Warning", Exception);
        UserWarning = E("UserWarning", Warning);
        DeprecationWarning = E("DeprecationWarning", Warning);
        PendingDeprecationWarning = E("PendingDeprecationWarning", Warning);
        SyntaxWarning = E("SyntaxWarning", Warning);
        RuntimeWarning = E("RuntimeWarning", Warning);
        FutureWarning = E("FutureWarning", Warning);
        ImportWarning = E("ImportWarning", Warning);
        UnicodeWarning = E("UnicodeWarning", Warning);
        BytesWarning = E("BytesWarning", Warning);
        ResourceWarning = E("ResourceWarning", Warning);
        EncodingWarning = E("EncodingWarning", Warning);

        foreach (var f in typeof(PyType).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            if (f.GetValue(null) is PyType t)
                t.ComputeMro();
    }

    private static int s_initialized;

    /// <summary>Installs the behaviour of every built-in type (once per process).</summary>
    public static void EnsureInitialized()
    {
        if (Interlocked.CompareExchange(ref s_initialized, 1, 0) == 0)
        {
            lock (ExceptionTypes)
                Builtins.TypeSetup.InstallAll();
            s_ready.Set();
        }
        else
        {
            s_ready.Wait();
        }
    }

    private static readonly ManualResetEventSlim s_ready = new(false);
}
