using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// typing.get_type_hints: annotations with strings evaluated. The VM has no compiler, so the strings are read by
/// a small evaluator of type expressions (names, attributes, subscriptions, |, None, ..., string literals),
/// which covers what annotations hold.
/// </summary>
internal static partial class TypingModule
{
    private static PyObject GetTypeHints(ReadOnlySpan<PyObject> a, PyTuple? k)
    {
        var pos = Args.Split(a, k, out var kwargs);
        var obj = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "obj") ?? throw Err.Type("get_type_hints() missing 1 required positional argument: 'obj'");
        var globalns = (pos.Length > 1 ? pos[1] : Args.Take(kwargs, "globalns")) as PyDict;
        var localns = (pos.Length > 2 ? pos[2] : Args.Take(kwargs, "localns")) as PyDict;
        Args.Take(kwargs, "include_extras");
        Args.NoMore("get_type_hints", kwargs);
        var hints = new PyDict();
        if (obj is PyType cls)
        {
            for (int i = cls.Mro.Length - 1; i >= 0; i--)
            {
                var b = cls.Mro[i];
                if (b.TypeDict.GetStr("__annotations__") is not PyDict ann)
                    continue;
                var ns = globalns ?? (PyRuntime.Current.Modules.GetStr(b.Module) as PyModule)?.ModuleDict ?? new PyDict();
                var local = localns ?? b.TypeDict;
                foreach (var (name, value) in ann.Items())
                    hints.SetItem(name, Evaluate(value, ns, local));
            }
            return hints;
        }
        var annotations = Ops.TryGetAttr(obj, "__annotations__");
        if (annotations is not PyDict d)
        {
            if (obj is PyModule or PyFunction or PyMethod)
                return hints;
            throw Err.Type($"{Ops.ReprText(obj)} is not a module, class, method, or function.");
        }
        var globals = globalns ?? (obj as PyFunction)?.Globals ?? ((obj as PyMethod)?.Function as PyFunction)?.Globals ?? (obj as PyModule)?.ModuleDict ?? new PyDict();
        foreach (var (name, value) in d.Items())
            hints.SetItem(name, Evaluate(value, globals, localns ?? globals));
        return hints;
    }

    private static PyObject Evaluate(PyObject annotation, PyDict globals, PyDict locals) => annotation switch
    {
        PyNone => PyType.NoneType,
        PyStr s => Evaluate(new HintParser(s.Value, globals, locals).Parse(), globals, locals),
        PyForwardRef f => Evaluate(f.Arg, globals, locals),
        PyTypingAlias { Args: not null } alias when alias.Args.Items.Any(x => x is PyForwardRef or PyStr) =>
            ReferenceEquals(alias.Origin, Union)
                ? MakeUnion(alias.Args.Items.Select(x => Evaluate(x, globals, locals)))
                : new PyTypingAlias(alias.Type, alias.Name, alias.Origin, PyTuple.Of(alias.Args.Items.Select(x => Evaluate(x, globals, locals)).ToArray())) { Inst = alias.Inst },
        _ => annotation,
    };

    /// <summary>Recursive descent over a type expression; names come from locals, globals, then builtins.</summary>
    private sealed class HintParser(string text, PyDict globals, PyDict locals)
    {
        private int _pos;

        public PyObject Parse()
        {
            var result = Or();
            Skip();
            if (_pos < text.Length)
                throw Err.New(PyType.SyntaxError, "invalid syntax");
            return result;
        }

        private void Skip()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
                _pos++;
        }

        private bool Eat(char c)
        {
            Skip();
            if (_pos < text.Length && text[_pos] == c)
            {
                _pos++;
                return true;
            }
            return false;
        }

        private PyObject Or()
        {
            var left = Postfix();
            while (Eat('|'))
                left = Ops.Binary(left, Postfix(), NumOp.Or);
            return left;
        }

        private PyObject Postfix()
        {
            var value = Atom();
            while (true)
            {
                if (Eat('.'))
                {
                    value = Ops.GetAttr(value, Name());
                }
                else if (Eat('['))
                {
                    var items = new List<PyObject>();
                    bool tuple = false;
                    while (!Eat(']'))
                    {
                        items.Add(Or());
                        if (Eat(','))
                            tuple = true;
                    }
                    value = Ops.GetItem(value, tuple || items.Count != 1 ? PyTuple.Of(items.ToArray()) : items[0]);
                }
                else
                {
                    return value;
                }
            }
        }

        private string Name()
        {
            Skip();
            int start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_'))
                _pos++;
            if (start == _pos)
                throw Err.New(PyType.SyntaxError, "invalid syntax");
            return text[start.._pos];
        }

        private PyObject Atom()
        {
            Skip();
            if (_pos >= text.Length)
                throw Err.New(PyType.SyntaxError, "invalid syntax");
            char c = text[_pos];
            if (text.AsSpan(_pos).StartsWith("..."))
            {
                _pos += 3;
                return PyEllipsis.Instance;
            }
            if (c is '\'' or '"')
            {
                int end = text.IndexOf(c, _pos + 1);
                if (end < 0)
                    throw Err.New(PyType.SyntaxError, "unterminated string literal");
                var s = text[(_pos + 1)..end];
                _pos = end + 1;
                return PyStr.Of(s);
            }
            if (c == '[')
            {
                _pos++;
                var items = new List<PyObject>();
                while (!Eat(']'))
                {
                    items.Add(Or());
                    Eat(',');
                }
                return PyList.Of(items.ToArray());
            }
            if (char.IsDigit(c) || c == '-')
            {
                int start = _pos++;
                while (_pos < text.Length && char.IsDigit(text[_pos]))
                    _pos++;
                return PyInt.Of(long.Parse(text[start.._pos], System.Globalization.CultureInfo.InvariantCulture));
            }
            var name = Name();
            switch (name)
            {
                case "None":
                    return PyNone.Instance;
                case "True":
                    return PyBool.True;
                case "False":
                    return PyBool.False;
            }
            var key = PyStr.Intern(name);
            if (locals.TryGetStr(key, out var v) || globals.TryGetStr(key, out v) || PyRuntime.Current.BuiltinsDict.TryGetStr(key, out v))
                return v;
            throw Err.Name(name);
        }
    }
}
