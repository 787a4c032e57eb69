using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>
/// The exception types with attributes of their own (Objects/exceptions.c): OSError and its errno subclasses,
/// UnicodeDecodeError/UnicodeEncodeError, and the keyword-only name/obj of NameError and AttributeError.
/// Attributes live in <see cref="PyBaseException.Members"/>, in the order of each type's member table.
/// </summary>
internal static class ExceptionSubtypes
{
    private const int Errno = 0, Strerror = 1, Filename = 2, Filename2 = 3;
    private const int Encoding = 0, Object = 1, Start = 2, End = 3, Reason = 4;

    public static void Install()
    {
        OsErrorInstall();
        UnicodeErrorInstall();
        KeywordOnly(PyType.NameError, "name");
        KeywordOnly(PyType.AttributeError, "name", "obj");
        Member(PyType.AttributeError, "name", 0);
    }

    private static PyObject? Get(PyObject o, int index)
    {
        var m = ((PyBaseException)o).Members;
        return m is not null && index < m.Length ? m[index] : null;
    }

    private static void Set(PyObject o, int index, PyObject? v)
    {
        var e = (PyBaseException)o;
        e.Members ??= new PyObject?[5];
        e.Members[index] = v;
    }

    /// <summary>A T_OBJECT member: None while unset, writable, deletable back to unset.</summary>
    private static void Member(PyType t, string name, int index) =>
        TypeSetup.Getter(t, name, o => Get(o, index) ?? PyNone.Instance, (o, v) => Set(o, index, v));

    // ---- OSError ----

    private static readonly Dictionary<long, PyType> s_errnoMap = [];

    private static void OsErrorInstall()
    {
        var t = PyType.OSError;
        // _PyExc_InitState's errnomap, with Linux's errno values.
        foreach (var (errno, type) in new (long, PyType)[]
        {
            (11, PyType.BlockingIOError), (114, PyType.BlockingIOError), (115, PyType.BlockingIOError),
            (32, PyType.BrokenPipeError), (108, PyType.BrokenPipeError), (10, PyType.ChildProcessError),
            (103, PyType.ConnectionAbortedError), (111, PyType.ConnectionRefusedError), (104, PyType.ConnectionResetError),
            (17, PyType.FileExistsError), (2, PyType.FileNotFoundError), (21, PyType.IsADirectoryError),
            (20, PyType.NotADirectoryError), (4, PyType.InterruptedError), (13, PyType.PermissionError),
            (1, PyType.PermissionError), (3, PyType.ProcessLookupError), (110, PyType.TimeoutError),
        })
            s_errnoMap[errno] = type;
        t.New = OsErrorNew;
        t.Init = OsErrorInit;
        t.Str = OsErrorStr;
        Member(t, "errno", Errno);
        Member(t, "strerror", Strerror);
        Member(t, "filename", Filename);
        Member(t, "filename2", Filename2);
    }

    /// <summary>oserror_use_init: a subclass with its own __init__ (and OSError's __new__) parses its arguments there.</summary>
    private static bool UseInit(PyType type) => type.Init != (InitSlot)OsErrorInit && type.New == (NewSlot)OsErrorNew;

    private static PyObject OsErrorNew(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kw)
    {
        var pos = Args.Split(args, kw, out _);
        if (!UseInit(type))
        {
            Args.NoKeywords(type.Name, kw);
            // OSError(errno, ...) becomes the subclass for that errno.
            if (ReferenceEquals(type, PyType.OSError) && pos.Length is >= 2 and <= 5 && pos[0] is PyInt { IsSmall: true } n
                && s_errnoMap.TryGetValue(n.Small, out var sub))
                type = sub;
        }
        var e = (PyBaseException)type.Allocate!(type);
        e.Args = PyTuple.Empty;
        if (!UseInit(type))
            OsErrorSetup(e, pos);
        return e;
    }

    private static void OsErrorInit(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kw)
    {
        if (!UseInit(self.Type))
            return;
        Args.NoKeywords(self.Type.Name, kw);
        OsErrorSetup((PyBaseException)self, args);
    }

    /// <summary>oserror_parse_args and oserror_init: errno, strerror, filename, (winerror,) filename2.</summary>
    private static void OsErrorSetup(PyBaseException e, ReadOnlySpan<PyObject> args)
    {
        PyObject? errno = null, strerror = null, filename = null, filename2 = null;
        if (args.Length is >= 2 and <= 5)
        {
            errno = args[0];
            strerror = args[1];
            filename = args.Length > 2 ? args[2] : null;
            filename2 = args.Length > 4 ? args[4] : null;
        }
        var kept = PyTuple.Of(args);
        if (filename is not null and not PyNone)
        {
            Set(e, Filename, filename);
            if (filename2 is not null and not PyNone)
                Set(e, Filename2, filename2);
            // The filenames (and winerror) are left out of args.
            kept = PyTuple.Of(args[..2]);
        }
        Set(e, Errno, errno);
        Set(e, Strerror, strerror);
        e.Args = kept;
    }

    /// <summary>An OSError raised by the runtime: type(errno, strerror, filename), as PyErr_SetFromErrnoWithFilenameObject makes it.</summary>
    public static PyException OsError(PyType type, int errno, string strerror, PyObject filename)
    {
        var e = (PyBaseException)type.Allocate!(type);
        OsErrorSetup(e, [PyInt.Of(errno), PyStr.Of(strerror), filename]);
        return new PyException(e);
    }

    private static PyStr OsErrorStr(PyObject o)
    {
        var errno = Get(o, Errno) ?? PyNone.Instance;
        var strerror = Get(o, Strerror) ?? PyNone.Instance;
        if (Get(o, Filename) is { } filename)
        {
            string head = $"[Errno {Ops.StrText(errno)}] {Ops.StrText(strerror)}: {Ops.ReprText(filename)}";
            return PyStr.Of(Get(o, Filename2) is { } filename2 ? $"{head} -> {Ops.ReprText(filename2)}" : head);
        }
        if (Get(o, Errno) is not null && Get(o, Strerror) is not null)
            return PyStr.Of($"[Errno {Ops.StrText(errno)}] {Ops.StrText(strerror)}");
        return PyType.BaseException.Str!(o);
    }

    // ---- UnicodeDecodeError / UnicodeEncodeError ----

    private static void UnicodeErrorInstall()
    {
        foreach (var t in new[] { PyType.UnicodeDecodeError, PyType.UnicodeEncodeError })
        {
            Member(t, "encoding", Encoding);
            Member(t, "object", Object);
            Member(t, "start", Start);
            Member(t, "end", End);
            Member(t, "reason", Reason);
        }
        var decode = PyType.UnicodeDecodeError;
        decode.Init = (self, args, kw) => UnicodeErrorInit((PyBaseException)self, args, kw, "UnicodeDecodeError", decoding: true);
        decode.Str = o => UnicodeErrorStr(o, decoding: true);
        var encode = PyType.UnicodeEncodeError;
        encode.Init = (self, args, kw) => UnicodeErrorInit((PyBaseException)self, args, kw, "UnicodeEncodeError", decoding: false);
        encode.Str = o => UnicodeErrorStr(o, decoding: false);
    }

    /// <summary>UnicodeDecodeError_str / UnicodeEncodeError_str: one byte or character is shown, a range by position.</summary>
    private static PyStr UnicodeErrorStr(PyObject o, bool decoding)
    {
        var obj = Get(o, Object);
        if (obj is null)
            return PyStr.Empty;
        long start = Ops.IndexLong(Get(o, Start)!), end = Ops.IndexLong(Get(o, End)!);
        string encoding = Ops.StrText(Get(o, Encoding)!), reason = Ops.StrText(Get(o, Reason)!);
        string verb = decoding ? "decode" : "encode";
        string? single = null;
        if (end == start + 1 && start >= 0)
        {
            if (obj is PyBytes bytes && start < bytes.Value.Length)
                single = $"byte 0x{bytes.Value[start]:x2}";
            else if (obj is PyStr text && text.CodePoints() is var cps && start < cps.Length)
            {
                int c = cps[(int)start];
                single = "character '" + (c <= 0xff ? $"\\x{c:x2}" : c <= 0xffff ? $"\\u{c:x4}" : $"\\U{c:x8}") + "'";
            }
        }
        return PyStr.Of(single is not null
            ? $"'{encoding}' codec can't {verb} {single} in position {start}: {reason}"
            : $"'{encoding}' codec can't {verb} {(decoding ? "bytes" : "characters")} in position {start}-{end - 1}: {reason}");
    }

    /// <summary>UnicodeDecodeError_init ("UOnnU", the object as bytes) and UnicodeEncodeError_init ("UUnnU").</summary>
    private static void UnicodeErrorInit(PyBaseException e, ReadOnlySpan<PyObject> args, PyTuple? kw, string name, bool decoding)
    {
        Args.NoKeywords(name, kw);
        e.Args = PyTuple.Of(args);
        if (args.Length != 5)
            throw Err.Type($"function takes exactly 5 arguments ({args.Length} given)");
        if (args[0] is not PyStr)
            throw Err.Type($"argument 1 must be str, not {args[0].Type.Name}");
        var obj = args[1];
        if (decoding)
        {
            obj = obj switch
            {
                PyBytes => obj,
                PyByteArray ba => new PyBytes([.. ba.Value]),
                _ => throw Err.Type($"a bytes-like object is required, not '{obj.Type.Name}'"),
            };
        }
        else if (obj is not PyStr)
        {
            throw Err.Type($"argument 2 must be str, not {obj.Type.Name}");
        }
        var start = PyInt.Of(Ops.IndexLong(args[2]));
        var end = PyInt.Of(Ops.IndexLong(args[3]));
        if (args[4] is not PyStr)
            throw Err.Type($"argument 5 must be str, not {args[4].Type.Name}");
        Set(e, Encoding, args[0]);
        Set(e, Object, obj);
        Set(e, Start, start);
        Set(e, End, end);
        Set(e, Reason, args[4]);
    }

    // ---- NameError(name=...), AttributeError(name=..., obj=...) ----

    /// <summary>
    /// NameError_init / AttributeError_init: BaseException_init on the positional arguments, then keyword-only
    /// attributes ("|$O..." formats). The first (name) is kept where the runtime keeps it, in Extra for NameError.
    /// </summary>
    private static void KeywordOnly(PyType t, params string[] names)
    {
        t.Init = (self, args, kw) =>
        {
            var e = (PyBaseException)self;
            var pos = Args.Split(args, kw, out var kwargs);
            e.Args = PyTuple.Of(pos);
            if (kwargs is null)
                return;
            foreach (var (key, value) in kwargs)
            {
                int i = Array.IndexOf(names, key);
                // Python/getargs.c vgetargskeywords: the message changed in 3.13.
                if (i < 0)
                    throw Err.Type(PyRuntime.Current.Version.Minor >= 13
                        ? $"{t.Name}() got an unexpected keyword argument '{key}'"
                        : $"'{key}' is an invalid keyword argument for {t.Name}()");
                SetKeyword(e, t, names[i], value);
            }
        };
    }

    private static void SetKeyword(PyBaseException e, PyType t, string name, PyObject value)
    {
        if (ReferenceEquals(t, PyType.AttributeError))
        {
            if (name == "obj")
                e.Extra = value;
            else
                Set(e, 0, value);
        }
        else
        {
            e.Extra = value;
        }
    }
}
