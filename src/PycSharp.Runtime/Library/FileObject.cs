using System.Text;
using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime;

/// <summary>A text file (sys.stdout, sys.stderr, sys.stdin, open() in text mode): io.TextIOWrapper's common surface.</summary>
public sealed class FileObject : PyObject
{
    public static readonly PyType TypeObject = new("TextIOWrapper", PyType.ObjectType) { IsBaseType = false, Module = "_io" };

    private readonly TextWriter? _writer;
    private readonly TextReader? _reader;
    private readonly string _name;
    private readonly string _mode;
    public bool Closed { get; private set; }

    public FileObject(string name, string mode, TextWriter? writer, TextReader? reader)
    {
        _name = name;
        _mode = mode;
        _writer = writer;
        _reader = reader;
    }

    public override PyType Type => TypeObject;

    public void Write(string s)
    {
        if (Closed)
            throw Err.Value("I/O operation on closed file.");
        (_writer ?? throw Err.New(PyType.OSError, "not writable")).Write(s);
    }

    public void Flush() => _writer?.Flush();

    public void Close()
    {
        if (Closed)
            return;
        Closed = true;
        _writer?.Flush();
        if (_name is not ("<stdout>" or "<stderr>" or "<stdin>"))
        {
            _writer?.Dispose();
            _reader?.Dispose();
        }
    }

    static FileObject()
    {
        var t = TypeObject;
        t.Repr = o => PyStr.Of($"<_io.TextIOWrapper name='{((FileObject)o)._name}' mode='{((FileObject)o)._mode}' encoding='utf-8'>");
        t.Iter = o => o;
        t.Next = o => ((FileObject)o)._reader?.ReadLine() is { } l ? PyStr.Of(l + "\n") : null;
        TypeSetup.Method(t, "write", (self, a, k) =>
        {
            var s = a[0] as PyStr ?? throw Err.Type($"write() argument must be str, not {a[0].Type.Name}");
            ((FileObject)self).Write(s.Value);
            return PyInt.Of(s.Length);
        });
        TypeSetup.Method(t, "flush", (self, a, k) => { ((FileObject)self).Flush(); return PyNone.Instance; });
        TypeSetup.Method(t, "close", (self, a, k) => { ((FileObject)self).Close(); return PyNone.Instance; });
        TypeSetup.Method(t, "read", (self, a, k) => PyStr.Of(((FileObject)self)._reader?.ReadToEnd() ?? ""));
        TypeSetup.Method(t, "readline", (self, a, k) =>
        {
            var r = ((FileObject)self)._reader!;
            var sb = new StringBuilder();
            int c;
            while ((c = r.Read()) >= 0)
            {
                sb.Append((char)c);
                if (c == '\n')
                    break;
            }
            return PyStr.Of(sb.ToString());
        });
        TypeSetup.Method(t, "readlines", (self, a, k) =>
        {
            var list = new PyList();
            while (t.Next!(self) is { } line)
                list.Append(line);
            return list;
        });
        TypeSetup.Method(t, "writelines", (self, a, k) => { foreach (var x in Ops.ToArray(a[0])) ((FileObject)self).Write(Ops.StrText(x)); return PyNone.Instance; });
        TypeSetup.Method(t, "__enter__", (self, a, k) => self);
        TypeSetup.Method(t, "__exit__", (self, a, k) => { ((FileObject)self).Close(); return PyNone.Instance; });
        TypeSetup.Method(t, "fileno", (self, a, k) => PyInt.Of(((FileObject)self)._name switch { "<stdin>" => 0, "<stdout>" => 1, "<stderr>" => 2, _ => 3 }));
        TypeSetup.Method(t, "isatty", (self, a, k) => PyBool.False);
        TypeSetup.Getter(t, "closed", o => PyBool.Of(((FileObject)o).Closed));
        TypeSetup.Getter(t, "name", o => PyStr.Of(((FileObject)o)._name));
        TypeSetup.Getter(t, "mode", o => PyStr.Of(((FileObject)o)._mode));
        TypeSetup.Getter(t, "encoding", o => PyStr.Of("utf-8"));
    }

    internal static PyException OsError(PyType type, int errno, string text, string path) =>
        Builtins.ExceptionSubtypes.OsError(type, errno, text, PyStr.Of(path));
}
