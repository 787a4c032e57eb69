using System.Text;
using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// A file from open() (Modules/_io): binary files as BufferedReader/BufferedWriter/BufferedRandom over the byte
/// stream, text files as TextIOWrapper that encodes on write and, on the first read, decodes the rest of the
/// file with universal newlines.
/// </summary>
internal sealed class DiskFile : PyObject
{
    public static readonly PyType UnsupportedOperation = MakeUnsupportedOperation();
    private static readonly PyType s_text = MakeType("TextIOWrapper");
    private static readonly PyType s_reader = MakeType("BufferedReader");
    private static readonly PyType s_writer = MakeType("BufferedWriter");
    private static readonly PyType s_random = MakeType("BufferedRandom");

    private readonly FileStream _stream;
    private readonly PyObject _name;
    private readonly string _mode;
    private readonly bool _binary, _readable, _writable;
    private readonly string _encoding, _errors;
    private readonly PyType _type;
    private string? _text;
    private int _textPos;

    private DiskFile(FileStream stream, PyObject name, string mode, bool binary, bool readable, bool writable, string encoding, string errors)
    {
        _stream = stream;
        _name = name;
        _mode = mode;
        _binary = binary;
        _readable = readable;
        _writable = writable;
        _encoding = encoding;
        _errors = errors;
        _type = !binary ? s_text : readable && writable ? s_random : writable ? s_writer : s_reader;
    }

    public bool Closed { get; private set; }
    public override PyType Type => _type;

    private static PyType MakeUnsupportedOperation()
    {
        // Modules/_io/_iomodule.c: class UnsupportedOperation(OSError, ValueError).
        var t = new PyType("UnsupportedOperation", PyType.OSError, [PyType.OSError, PyType.ValueError]) { HasDict = true, Module = "io" };
        t.ComputeMro();
        return t;
    }

    /// <summary>open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True).</summary>
    public static PyObject Open(ReadOnlySpan<PyObject> a, PyTuple? k)
    {
        var pos = Args.Split(a, k, out var kwargs);
        string[] names = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"];
        if (pos.Length > names.Length)
            throw Err.Type($"open() takes at most 8 arguments ({pos.Length} given)");
        var values = new PyObject?[names.Length];
        for (int i = 0; i < names.Length; i++)
            values[i] = i < pos.Length ? pos[i] : Args.Take(kwargs, names[i]);
        Args.NoMore("open", kwargs);
        var file = values[0] ?? throw Err.Type("open() missing required argument 'file' (pos 1)");
        string mode = values[1] is null ? "r" : values[1] as PyStr is { } ms ? ms.Value : throw Err.Type($"open() argument 'mode' must be str, not {values[1]!.Type.Name}");
        string? encoding = values[3] is null or PyNone ? null : ((PyStr)values[3]!).Value;
        string? errors = values[4] is null or PyNone ? null : ((PyStr)values[4]!).Value;
        var pathName = file as PyStr ?? throw Err.Type($"expected str, bytes or os.PathLike object, not {file.Type.Name}");

        // Modules/_io/_iomodule.c _io_open_impl: mode validation.
        if (mode.Distinct().Count() != mode.Length || mode.Any(c => "rwaxbt+".IndexOf(c) < 0))
            throw Err.Value($"invalid mode: '{mode}'");
        bool creating = mode.Contains('x'), reading = mode.Contains('r'), writing = mode.Contains('w'), appending = mode.Contains('a');
        bool updating = mode.Contains('+'), binary = mode.Contains('b'), text = mode.Contains('t');
        if (text && binary)
            throw Err.Value("can't have text and binary mode at once");
        if ((creating ? 1 : 0) + (reading ? 1 : 0) + (writing ? 1 : 0) + (appending ? 1 : 0) != 1)
            throw Err.Value("must have exactly one of create/read/write/append mode");
        if (binary && encoding is not null)
            throw Err.Value("binary mode doesn't take an encoding argument");
        if (binary && errors is not null)
            throw Err.Value("binary mode doesn't take an errors argument");
        if (encoding is not null)
            Builtins.Codecs.Normalize(encoding);

        string name = pathName.Value;
        string path = OsModule.Resolve(name);
        if (Directory.Exists(path))
            throw FileObject.OsError(PyType.IsADirectoryError, 21, "Is a directory", name);
        FileMode fm = creating ? FileMode.CreateNew : writing ? FileMode.Create : appending ? FileMode.Append : FileMode.Open;
        if (creating && File.Exists(path))
            throw FileObject.OsError(PyType.FileExistsError, 17, "File exists", name);
        if ((reading || appending && updating) && !File.Exists(path) && !appending)
            throw FileObject.OsError(PyType.FileNotFoundError, 2, "No such file or directory", name);
        bool canRead = reading || updating, canWrite = !reading || updating;
        if (appending && updating)
            fm = FileMode.OpenOrCreate;
        try
        {
            var stream = new FileStream(path, fm, canRead && canWrite ? FileAccess.ReadWrite : canRead ? FileAccess.Read : FileAccess.Write);
            if (appending && updating)
                stream.Seek(0, SeekOrigin.End);
            return new DiskFile(stream, pathName, mode, binary, canRead, canWrite, encoding ?? "utf-8", errors ?? "strict");
        }
        catch (UnauthorizedAccessException)
        {
            throw FileObject.OsError(PyType.PermissionError, 13, "Permission denied", name);
        }
        catch (IOException e)
        {
            throw FileObject.OsError(PyType.OSError, 5, e.Message, name);
        }
    }

    private void CheckOpen()
    {
        if (Closed)
            throw Err.Value("I/O operation on closed file.");
    }

    private void CheckReadable()
    {
        CheckOpen();
        if (!_readable)
            throw new PyException(Err.Make(UnsupportedOperation, PyTuple.Of(PyStr.Of(_binary ? "read" : "not readable"))));
    }

    private void CheckWritable()
    {
        CheckOpen();
        if (!_writable)
            throw new PyException(Err.Make(UnsupportedOperation, PyTuple.Of(PyStr.Of(_binary ? "write" : "not writable"))));
    }

    private void Close()
    {
        if (Closed)
            return;
        _stream.Flush();
        _stream.Dispose();
        Closed = true;
    }

    private byte[] ReadBytes(long size)
    {
        long remaining = Math.Max(0, _stream.Length - _stream.Position);
        long n = size < 0 ? remaining : Math.Min(size, remaining);
        var buffer = new byte[n];
        int got = 0;
        while (got < n)
        {
            int r = _stream.Read(buffer, got, (int)(n - got));
            if (r == 0)
                break;
            got += r;
        }
        return got == n ? buffer : buffer[..got];
    }

    /// <summary>The decoded rest of the file, newlines translated (Modules/_io/textio.c with newline=None).</summary>
    private string Text()
    {
        if (_text is null)
        {
            string s = Builtins.Codecs.Decode(ReadBytes(-1), _encoding, _errors).Value;
            _text = s.Replace("\r\n", "\n").Replace('\r', '\n');
            _textPos = 0;
        }
        return _text;
    }

    private string ReadLineText(long limit)
    {
        string t = Text();
        int nl = t.IndexOf('\n', _textPos);
        int end = nl < 0 ? t.Length : nl + 1;
        if (limit >= 0 && end - _textPos > limit)
            end = _textPos + (int)limit;
        string line = t[_textPos..end];
        _textPos = end;
        return line;
    }

    private PyObject ReadLine(long limit)
    {
        CheckReadable();
        if (!_binary)
            return PyStr.Of(ReadLineText(limit));
        var bytes = new List<byte>();
        int b;
        while ((limit < 0 || bytes.Count < limit) && (b = _stream.ReadByte()) >= 0)
        {
            bytes.Add((byte)b);
            if (b == '\n')
                break;
        }
        return new PyBytes(bytes.ToArray());
    }

    private PyObject? NextLine()
    {
        var line = ReadLine(-1);
        return (line is PyStr s ? s.Length : ((PyBytes)line).Value.Length) == 0 ? null : line;
    }

    private static long SizeArg(ReadOnlySpan<PyObject> a) => a.Length == 0 || a[0] is PyNone ? -1 : Ops.IndexLong(a[0]);

    private static PyType MakeType(string name)
    {
        var t = new PyType(name, PyType.ObjectType) { IsBaseType = false, Module = "_io" };
        t.ComputeMro();
        static DiskFile F(PyObject o) => (DiskFile)o;
        t.Repr = o => PyStr.Of(F(o)._binary
            ? $"<_io.{name} name={Ops.ReprText(F(o)._name)}>"
            : $"<_io.TextIOWrapper name={Ops.ReprText(F(o)._name)} mode='{F(o)._mode}' encoding='{F(o)._encoding}'>");
        t.Iter = o =>
        {
            F(o).CheckOpen();
            return o;
        };
        t.Next = o => F(o).NextLine();
        TypeSetup.Method(t, "read", (self, a, k) =>
        {
            var f = F(self);
            f.CheckReadable();
            long size = SizeArg(a);
            if (f._binary)
                return new PyBytes(f.ReadBytes(size));
            string text = f.Text();
            int end = size < 0 ? text.Length : (int)Math.Min(text.Length, f._textPos + size);
            string r = text[f._textPos..end];
            f._textPos = end;
            return PyStr.Of(r);
        });
        TypeSetup.Method(t, "readline", (self, a, k) => F(self).ReadLine(SizeArg(a)));
        TypeSetup.Method(t, "readlines", (self, a, k) =>
        {
            var list = new PyList();
            while (F(self).NextLine() is { } line)
                list.Append(line);
            return list;
        });
        TypeSetup.Method(t, "write", (self, a, k) =>
        {
            var f = F(self);
            Args.Exactly("write", a, k, 1);
            f.CheckWritable();
            if (f._binary)
            {
                var data = a[0] switch
                {
                    PyBytes b => b.Value,
                    PyByteArray ba => ba.Value.ToArray(),
                    _ => throw Err.Type($"a bytes-like object is required, not '{a[0].Type.Name}'"),
                };
                f._stream.Write(data);
                return PyInt.Of(data.Length);
            }
            var s = a[0] as PyStr ?? throw Err.Type($"write() argument must be str, not {a[0].Type.Name}");
            f._stream.Write(Builtins.Codecs.Encode(s, f._encoding, f._errors));
            return PyInt.Of(s.Length);
        });
        TypeSetup.Method(t, "writelines", (self, a, k) =>
        {
            var write = Ops.GetAttr(self, "write");
            foreach (var line in Ops.ToArray(a[0]))
                Ops.Call(write, line);
            return PyNone.Instance;
        });
        TypeSetup.Method(t, "seek", (self, a, k) =>
        {
            var f = F(self);
            f.CheckOpen();
            Args.Range("seek", a, k, 1, 2);
            long offset = Ops.IndexLong(a[0]);
            int whence = a.Length > 1 ? Ops.IndexInt(a[1]) : 0;
            if (!f._binary && (whence == 1 && offset != 0 || whence == 2 && offset != 0))
                throw new PyException(Err.Make(UnsupportedOperation, PyTuple.Of(PyStr.Of(whence == 1 ? "can't do nonzero cur-relative seeks" : "can't do nonzero end-relative seeks"))));
            if (whence is < 0 or > 2)
                throw Err.Value($"whence value {whence} unsupported");
            if (whence == 0 && offset < 0)
                throw Err.Value($"negative seek position {offset}");
            f._text = null;
            return PyInt.Of(f._stream.Seek(offset, whence == 0 ? SeekOrigin.Begin : whence == 1 ? SeekOrigin.Current : SeekOrigin.End));
        });
        TypeSetup.Method(t, "tell", (self, a, k) =>
        {
            var f = F(self);
            f.CheckOpen();
            if (f._text is not null)
                return PyInt.Of(f._stream.Position - Encoding.UTF8.GetByteCount(f._text.AsSpan(f._textPos)));
            return PyInt.Of(f._stream.Position);
        });
        TypeSetup.Method(t, "truncate", (self, a, k) =>
        {
            var f = F(self);
            f.CheckWritable();
            long size = a.Length == 0 || a[0] is PyNone ? f._stream.Position : Ops.IndexLong(a[0]);
            f._stream.SetLength(size);
            return PyInt.Of(size);
        });
        TypeSetup.Method(t, "flush", (self, a, k) => { F(self).CheckOpen(); F(self)._stream.Flush(); return PyNone.Instance; });
        TypeSetup.Method(t, "close", (self, a, k) => { F(self).Close(); return PyNone.Instance; });
        TypeSetup.Method(t, "readable", (self, a, k) => { F(self).CheckOpen(); return PyBool.Of(F(self)._readable); });
        TypeSetup.Method(t, "writable", (self, a, k) => { F(self).CheckOpen(); return PyBool.Of(F(self)._writable); });
        TypeSetup.Method(t, "seekable", (self, a, k) => { F(self).CheckOpen(); return PyBool.True; });
        TypeSetup.Method(t, "isatty", (self, a, k) => { F(self).CheckOpen(); return PyBool.False; });
        TypeSetup.Method(t, "fileno", (self, a, k) => { F(self).CheckOpen(); return PyInt.Of(3); });
        TypeSetup.Method(t, "__enter__", (self, a, k) => { F(self).CheckOpen(); return self; });
        TypeSetup.Method(t, "__exit__", (self, a, k) => { F(self).Close(); return PyNone.Instance; });
        TypeSetup.Getter(t, "closed", o => PyBool.Of(F(o).Closed));
        TypeSetup.Getter(t, "name", o => F(o)._name);
        TypeSetup.Getter(t, "mode", o => PyStr.Of(F(o)._mode));
        if (name == "TextIOWrapper")
        {
            TypeSetup.Getter(t, "encoding", o => PyStr.Of(F(o)._encoding));
            TypeSetup.Getter(t, "errors", o => PyStr.Of(F(o)._errors));
        }
        return t;
    }

    /// <summary>The (encoding, errors) arguments of str.encode and bytes.decode, defaulting to utf-8 and strict.</summary>
    public static (string Encoding, string Errors) CodecArgs(string func, ReadOnlySpan<PyObject> a, PyTuple? k)
    {
        var pos = Args.Split(a, k, out var kwargs);
        if (pos.Length > 2)
            throw Err.Type($"{func}() takes at most 2 arguments ({pos.Length} given)");
        var enc = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "encoding");
        var err = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "errors");
        Args.NoMore(func, kwargs);
        string Text(PyObject? o, string name, string dflt) => o is null ? dflt : o as PyStr is { } s ? s.Value
            : throw Err.Type($"{func}() argument '{name}' must be str, not {o.Type.Name}");
        return (Text(enc, "encoding", "utf-8"), Text(err, "errors", "strict"));
    }
}
