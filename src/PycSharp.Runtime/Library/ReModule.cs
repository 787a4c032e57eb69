using System.Text;
using System.Text.RegularExpressions;
using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// re (Lib/re/__init__.py, _parser.py, Modules/_sre): Python patterns translated to System.Text.RegularExpressions.
/// Groups are renumbered left to right as Python does (.NET numbers named groups last), so named groups become
/// plain ones with a name table; pattern errors found while translating carry CPython's messages.
/// </summary>
internal static class ReModule
{
    public const int IGNORECASE = 2, LOCALE = 4, MULTILINE = 8, DOTALL = 16, UNICODE = 32, VERBOSE = 64, DEBUG = 128, ASCII = 256;

    private static readonly (int Value, string Name)[] s_flagNames =
        [(IGNORECASE, "IGNORECASE"), (LOCALE, "LOCALE"), (MULTILINE, "MULTILINE"), (DOTALL, "DOTALL"), (UNICODE, "UNICODE"), (VERBOSE, "VERBOSE"), (DEBUG, "DEBUG"), (ASCII, "ASCII")];

    public static readonly PyType FlagType = MakeFlagType();
    private static readonly Dictionary<int, PyType> s_errorTypes = [];

    /// <summary>re.error (re.PatternError in 3.13), one class per runtime version.</summary>
    internal static PyType ErrorType
    {
        get
        {
            int minor = PyRuntime.Current.Version.Minor;
            lock (s_errorTypes)
            {
                if (!s_errorTypes.TryGetValue(minor, out var t))
                {
                    var ns = new PyDict();
                    ns.SetStr("__module__", PyStr.Of("re"));
                    string name = minor >= 13 ? "PatternError" : "error";
                    ns.SetStr("__qualname__", PyStr.Of(name));
                    s_errorTypes[minor] = t = PyType.CreateClass(PyType.TypeType, name, [PyType.Exception], ns);
                }
                return t;
            }
        }
    }

    /// <summary>re.error(msg, pattern, pos) as Lib/re/_constants.py builds it: the position also as line and column.</summary>
    internal static PyException Error(string message, int? pos, string? pattern = null)
    {
        PyObject lineno = PyNone.Instance, colno = PyNone.Instance;
        string text = message;
        if (pattern is not null && pos is { } at)
        {
            // pattern.count('\n', 0, pos) + 1 and pos - pattern.rfind('\n', 0, pos).
            int end = Math.Min(at, pattern.Length);
            int line = 1 + pattern[..end].Count(c => c == '\n');
            int col = at - pattern.LastIndexOf('\n', Math.Max(0, end - 1), end);
            lineno = PyInt.Of(line);
            colno = PyInt.Of(col);
            text = $"{message} at position {at}" + (pattern.Contains('\n') ? $" (line {line}, column {col})" : "");
        }
        else if (pos is { } p)
        {
            text = $"{message} at position {p}";
        }
        var e = (PyBaseException)Ops.Call(ErrorType, PyStr.Of(text));
        Ops.SetAttr(e, "msg", PyStr.Of(message));
        Ops.SetAttr(e, "pattern", pattern is null ? PyNone.Instance : PyStr.Of(pattern));
        Ops.SetAttr(e, "pos", pos is { } q ? PyInt.Of(q) : PyNone.Instance);
        Ops.SetAttr(e, "lineno", lineno);
        Ops.SetAttr(e, "colno", colno);
        return new PyException(e);
    }

    public static PyModule Create(PyRuntime rt)
    {
        var m = new PyModule("re");
        m.Set("error", ErrorType);
        if (rt.Version.Minor >= 13)
            m.Set("PatternError", ErrorType);
        m.Set("RegexFlag", FlagType);
        foreach (var (value, name) in s_flagNames)
        {
            var flag = Flag(value);
            m.Set(name, flag);
            if (value != DEBUG)
                m.Set(name[..1] == "D" ? "S" : name[..1] == "V" ? "X" : name[..1] == "L" ? "L" : name[..1], flag);
        }
        m.Set("NOFLAG", Flag(0));
        m.Set("Pattern", PyPattern.TypeObject);
        m.Set("Match", PyMatch.TypeObject);
        BuiltinModules.Def(m, "compile", (a, k) =>
        {
            var v = LibSupport.Bind("compile", a, k, ["pattern", "flags"], 1);
            return Compile(v[0]!, v[1]);
        });
        void Search(string name, PyPattern.Mode mode) => BuiltinModules.Def(m, name, (a, k) =>
        {
            var v = LibSupport.Bind(name, a, k, ["pattern", "string", "flags"], 2);
            return Compile(v[0]!, v[2]).Run(v[1]!, 0, null, mode);
        });
        Search("match", PyPattern.Mode.Match);
        Search("search", PyPattern.Mode.Search);
        Search("fullmatch", PyPattern.Mode.FullMatch);
        BuiltinModules.Def(m, "findall", (a, k) =>
        {
            var v = LibSupport.Bind("findall", a, k, ["pattern", "string", "flags"], 2);
            return Compile(v[0]!, v[2]).FindAll(v[1]!, 0, null);
        });
        BuiltinModules.Def(m, "finditer", (a, k) =>
        {
            var v = LibSupport.Bind("finditer", a, k, ["pattern", "string", "flags"], 2);
            return Compile(v[0]!, v[2]).FindIter(v[1]!, 0, null);
        });
        void Sub(string name, bool withCount) => BuiltinModules.Def(m, name, (a, k) =>
        {
            var v = LibSupport.Bind(name, a, k, ["pattern", "repl", "string", "count", "flags"], 3);
            return Compile(v[0]!, v[4]).Sub(v[1]!, v[2]!, v[3] is { } c ? Ops.IndexLong(c) : 0, withCount);
        });
        Sub("sub", false);
        Sub("subn", true);
        BuiltinModules.Def(m, "split", (a, k) =>
        {
            var v = LibSupport.Bind("split", a, k, ["pattern", "string", "maxsplit", "flags"], 2);
            return Compile(v[0]!, v[3]).Split(v[1]!, v[2] is { } c ? Ops.IndexLong(c) : 0);
        });
        BuiltinModules.Def(m, "escape", (a, k) =>
        {
            var v = LibSupport.Bind("escape", a, k, ["pattern"], 1);
            if (v[0] is not PyStr s)
                throw Err.Type($"expected str, not {v[0]!.Type.Name}");
            // Lib/re/__init__.py escape: every ASCII character other than letters, digits and '_' is escaped.
            var sb = new StringBuilder();
            foreach (char c in s.Value)
            {
                if (c < 128 && !char.IsAsciiLetterOrDigit(c) && c != '_')
                    sb.Append(c == '\0' ? "\\000" : "\\" + c);
                else
                    sb.Append(c);
            }
            return PyStr.Of(sb.ToString());
        });
        BuiltinModules.Def(m, "purge", (a, k) =>
        {
            lock (s_cache)
                s_cache.Clear();
            return PyNone.Instance;
        });
        return m;
    }

    // ---- flags: re.RegexFlag, an int subclass printed by name ----

    private static PyType MakeFlagType()
    {
        var t = new PyType("RegexFlag", PyType.IntType) { Module = "re", IsBaseType = false };
        t.ComputeMro();
        t.Repr = o => PyStr.Of(FlagText((int)((PyInt)o).Value));
        t.Str = t.Repr;
        foreach (var op in new[] { NumOp.Or, NumOp.And, NumOp.Xor })
        {
            t.Num[(int)op] = (a, b) =>
            {
                var r = PyType.IntType.Num[(int)op]!(a, b);
                return a.Type == b.Type && r is PyInt i ? Flag((int)i.Value) : r;
            };
        }
        return TypeSetup.Finish(t);
    }

    public static PyInt Flag(int value) => PyInt.Subclass(FlagType, value);

    private static string FlagText(int value)
    {
        if (value == 0)
            return "re.NOFLAG";
        var parts = new List<string>();
        foreach (var (v, name) in s_flagNames)
        {
            if ((value & v) != 0)
            {
                parts.Add("re." + name);
                value &= ~v;
            }
        }
        if (value != 0)
            parts.Add("0x" + value.ToString("x"));
        return string.Join("|", parts);
    }

    // ---- compiling ----

    private static readonly Dictionary<(string, bool, int), PyPattern> s_cache = [];

    internal static PyPattern Compile(PyObject pattern, PyObject? flagsObj)
    {
        int flags = flagsObj is null ? 0 : (int)Ops.IndexLong(flagsObj);
        if (pattern is PyPattern p)
        {
            if (flags != 0)
                throw Err.Value("cannot process flags argument with a compiled pattern");
            return p;
        }
        if (pattern is PyBytes)
            throw Err.Type("bytes patterns are not supported by this VM's re module");
        if (pattern is not PyStr s)
            throw Err.Type("first argument must be string or compiled pattern");
        lock (s_cache)
        {
            if (s_cache.TryGetValue((s.Value, false, flags), out var cached))
                return cached;
        }
        var compiled = new PyPattern(s, flags);
        lock (s_cache)
        {
            if (s_cache.Count > 512)
                s_cache.Clear();
            s_cache[(s.Value, false, flags)] = compiled;
        }
        return compiled;
    }
}

/// <summary>Python regex syntax to .NET syntax, with group numbering and the errors of Lib/re/_parser.py.</summary>
internal sealed class PatternTranslator(string p, int flags)
{
    private readonly StringBuilder _out = new();
    public readonly List<string?> GroupNames = [null];
    public int Flags = flags;
    private int _i;

    private PyException Error(string message, int pos) => ReModule.Error(message, pos, p);

    private bool Ascii => (Flags & ReModule.ASCII) != 0;
    private bool Verbose => (Flags & ReModule.VERBOSE) != 0;

    public string Translate()
    {
        ReadGlobalFlags();
        var open = new Stack<int>();
        bool canRepeat = false;
        while (_i < p.Length)
        {
            char c = p[_i];
            if (Verbose && (c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v'))
            {
                _i++;
                continue;
            }
            if (Verbose && c == '#')
            {
                while (_i < p.Length && p[_i] != '\n')
                    _i++;
                continue;
            }
            switch (c)
            {
                case '\\':
                    Escape(false);
                    canRepeat = true;
                    break;
                case '[':
                    CharClass();
                    canRepeat = true;
                    break;
                case '(':
                    open.Push(_i);
                    // A backreference group (?P=name) is complete at once and can be repeated.
                    canRepeat = Group();
                    if (canRepeat)
                        open.Pop();
                    break;
                case ')':
                    if (open.Count == 0)
                        throw Error("unbalanced parenthesis", _i);
                    open.Pop();
                    _out.Append(')');
                    _i++;
                    canRepeat = true;
                    break;
                case '*' or '+' or '?' or '{':
                    if (c == '{' && !IsRepeatBrace(out _, out _))
                    {
                        _out.Append("\\{");
                        _i++;
                        canRepeat = true;
                        break;
                    }
                    if (!canRepeat)
                        throw Error("nothing to repeat", _i);
                    Repeat();
                    canRepeat = false;
                    break;
                case '|':
                    _out.Append('|');
                    _i++;
                    canRepeat = false;
                    break;
                case '^' or '$':
                    _out.Append(c);
                    _i++;
                    canRepeat = true;
                    break;
                case ' ' or '#':
                    _out.Append('\\').Append(c);
                    _i++;
                    canRepeat = true;
                    break;
                default:
                    _out.Append(c);
                    _i++;
                    canRepeat = true;
                    break;
            }
        }
        if (open.Count > 0)
            throw Error("missing ), unterminated subpattern", open.Peek());
        return _out.ToString();
    }

    /// <summary>Leading (?aiLmsux) groups set the pattern's flags.</summary>
    private void ReadGlobalFlags()
    {
        while (_i + 2 < p.Length && p[_i] == '(' && p[_i + 1] == '?' && "aiLmsux".Contains(p[_i + 2]))
        {
            int j = _i + 2;
            int f = 0;
            while (j < p.Length && "aiLmsux".Contains(p[j]))
            {
                f |= p[j] switch
                {
                    'a' => ReModule.ASCII, 'i' => ReModule.IGNORECASE, 'L' => ReModule.LOCALE, 'm' => ReModule.MULTILINE,
                    's' => ReModule.DOTALL, 'u' => ReModule.UNICODE, 'x' => ReModule.VERBOSE, _ => 0,
                };
                j++;
            }
            if (j >= p.Length || p[j] != ')')
                return;
            Flags |= f;
            _i = j + 1;
        }
    }

    private bool IsRepeatBrace(out string min, out string max)
    {
        min = max = "";
        int j = _i + 1;
        while (j < p.Length && char.IsAsciiDigit(p[j]))
            min += p[j++];
        if (j < p.Length && p[j] == '}')
        {
            max = min;
            return min.Length > 0;
        }
        if (j >= p.Length || p[j] != ',')
            return false;
        j++;
        while (j < p.Length && char.IsAsciiDigit(p[j]))
            max += p[j++];
        return j < p.Length && p[j] == '}';
    }

    private void Repeat()
    {
        int start = _i;
        char c = p[_i];
        if (c == '{')
        {
            IsRepeatBrace(out var min, out var max);
            bool exact = p.IndexOf('}', _i) is var close && !p[_i..close].Contains(',');
            if (!exact && min.Length > 0 && max.Length > 0 && System.Numerics.BigInteger.Parse(min) > System.Numerics.BigInteger.Parse(max))
                throw Error("min repeat greater than max repeat", _i + 1);
            _out.Append('{').Append(min.Length == 0 ? "0" : min);
            if (!exact)
                _out.Append(',').Append(max);
            _out.Append('}');
            _i = close + 1;
        }
        else
        {
            _out.Append(c);
            _i++;
        }
        if (_i < p.Length && p[_i] == '?')
        {
            _out.Append('?');
            _i++;
        }
        else if (_i < p.Length && p[_i] == '+')
        {
            // Possessive (3.11): an atomic group around the repeated item is not expressible after the fact.
            throw Error("possessive repeats are not supported by this VM", start);
        }
        if (_i < p.Length && p[_i] is '*' or '+' or '?')
            throw Error("multiple repeat", _i);
    }

    /// <summary>Translates a group opening; true when it consumed the whole group (a backreference).</summary>
    private bool Group()
    {
        int start = _i;
        _i++;
        if (_i >= p.Length || p[_i] != '?')
        {
            GroupNames.Add(null);
            _out.Append('(');
            return false;
        }
        _i++;
        if (_i >= p.Length)
            throw Error("unexpected end of pattern", _i);
        char c = p[_i];
        if (c == 'P')
        {
            _i++;
            if (_i < p.Length && p[_i] == '<')
            {
                int close = p.IndexOf('>', _i);
                if (close < 0)
                    throw Error("missing >, unterminated name", _i + 1);
                var name = p[(_i + 1)..close];
                CheckName(name, _i + 1);
                if (GroupNames.Contains(name))
                    throw Error($"redefinition of group name {Ops.ReprText(PyStr.Of(name))} as group {GroupNames.Count}; was group {GroupNames.IndexOf(name)}", _i + 1);
                GroupNames.Add(name);
                _out.Append('(');
                _i = close + 1;
                return false;
            }
            if (_i < p.Length && p[_i] == '=')
            {
                int close = p.IndexOf(')', _i);
                if (close < 0)
                    throw Error("missing ), unterminated name", _i + 1);
                var name = p[(_i + 1)..close];
                CheckName(name, _i + 1);
                int index = GroupNames.IndexOf(name);
                if (index < 0)
                    throw Error($"unknown group name {Ops.ReprText(PyStr.Of(name))}", _i + 1);
                _out.Append("(?:\\").Append(index).Append(')');
                _i = close + 1;
                return true;
            }
            throw Error("unknown extension ?P" + (_i < p.Length ? p[_i].ToString() : ""), start + 1);
        }
        if (c == '#')
        {
            int close = p.IndexOf(')', _i);
            if (close < 0)
                throw Error("missing ), unterminated comment", start);
            _i = close;
            _out.Append("(?:");
            return false;
        }
        if (c is ':' or '=' or '!' or '>')
        {
            _out.Append("(?").Append(c);
            _i++;
            return false;
        }
        if (c == '<' && _i + 1 < p.Length && p[_i + 1] is '=' or '!')
        {
            _out.Append("(?<").Append(p[_i + 1]);
            _i += 2;
            return false;
        }
        if (c == '(')
        {
            int close = p.IndexOf(')', _i);
            if (close < 0)
                throw Error("missing ), unterminated name", _i + 1);
            var name = p[(_i + 1)..close];
            int index = int.TryParse(name, out var n) ? n : GroupNames.IndexOf(name);
            if (index < 0)
                throw Error($"unknown group name {Ops.ReprText(PyStr.Of(name))}", _i + 1);
            _out.Append("(?(").Append(index).Append(')');
            _i = close + 1;
            return false;
        }
        // Scoped flags (?i:...) and (?-i:...).
        int j = _i;
        while (j < p.Length && "aiLmsux-".Contains(p[j]))
            j++;
        if (j < p.Length && p[j] == ':' && j > _i)
        {
            var spec = p[_i..j].Replace("a", "").Replace("L", "").Replace("u", "");
            _out.Append("(?").Append(spec).Append(':');
            _i = j + 1;
            return false;
        }
        if (j < p.Length && p[j] == ')' && j > _i)
            throw Error("global flags not at the start of the expression", start);
        throw Error("unknown extension ?" + c, start + 1);
    }

    private void CheckName(string name, int pos)
    {
        if (name.Length == 0)
            throw Error("missing group name", pos);
        if (!StrCase.IsIdentifier(PyStr.Of(name).CodePoints()))
            throw Error($"bad character in group name {Ops.ReprText(PyStr.Of(name))}", pos);
    }

    private void CharClass()
    {
        int start = _i;
        _out.Append('[');
        _i++;
        if (_i < p.Length && p[_i] == '^')
        {
            _out.Append('^');
            _i++;
        }
        bool first = true;
        while (true)
        {
            if (_i >= p.Length)
                throw Error("unterminated character set", start);
            char c = p[_i];
            if (c == ']' && !first)
            {
                _out.Append(']');
                _i++;
                return;
            }
            first = false;
            if (c == '\\')
            {
                Escape(true);
                continue;
            }
            // .NET reads "[" and "-[" specially inside a class (subtraction); Python takes them literally.
            if (c is '[' or ']')
                _out.Append('\\');
            _out.Append(c);
            _i++;
        }
    }

    private void Escape(bool inClass)
    {
        int start = _i;
        _i++;
        if (_i >= p.Length)
            throw Error("bad escape (end of pattern)", start);
        char c = p[_i];
        _i++;
        switch (c)
        {
            case 'd':
                _out.Append(Ascii ? (inClass ? "0-9" : "[0-9]") : "\\d");
                return;
            case 'D':
                _out.Append(Ascii ? (inClass ? "\\x00-/:-\\uFFFF" : "[^0-9]") : "\\D");
                return;
            case 'w':
                _out.Append(Ascii ? (inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]") : "\\w");
                return;
            case 'W':
                _out.Append(Ascii && !inClass ? "[^a-zA-Z0-9_]" : "\\W");
                return;
            case 's':
                _out.Append(Ascii ? (inClass ? " \\t\\n\\r\\f\\v" : "[ \\t\\n\\r\\f\\v]") : "\\s");
                return;
            case 'S':
                _out.Append(Ascii && !inClass ? "[^ \\t\\n\\r\\f\\v]" : "\\S");
                return;
            case 'Z' when !inClass:
                _out.Append("\\z");
                return;
            case 'A' or 'b' or 'B' when !inClass:
                _out.Append('\\').Append(c);
                return;
            case 'b':
                _out.Append("\\b");
                return;
            case 'n' or 't' or 'r' or 'f' or 'v' or 'a':
                _out.Append('\\').Append(c);
                return;
            case 'x':
                Hex(2, start);
                return;
            case 'u':
                Hex(4, start);
                return;
            case 'U':
                Hex(8, start);
                return;
            case 'N':
                throw Error("\\N{...} escapes are not supported by this VM", start);
        }
        if (char.IsAsciiDigit(c))
        {
            // Octal escapes (\0, three octal digits) or group references (\1 to \99).
            int j = _i - 1;
            if (c == '0' || IsOctal(p, j, 3))
            {
                int len = 1;
                while (len < 3 && j + len < p.Length && p[j + len] is >= '0' and <= '7')
                    len++;
                int v = Convert.ToInt32(p.Substring(j, len), 8);
                if (v > 255)
                    throw Error($"octal escape value \\{p.Substring(j, len)} outside of range 0-0o377", start);
                AppendLiteral(v);
                _i = j + len;
                return;
            }
            if (inClass)
                throw Error($"bad escape \\{c}", start);
            int k = j;
            while (k < p.Length && k < j + 2 && char.IsAsciiDigit(p[k]))
                k++;
            int group = int.Parse(p[j..k]);
            if (group >= GroupNames.Count)
                throw Error($"invalid group reference {group}", start + 1);
            _out.Append("(?:\\").Append(group).Append(')');
            _i = k;
            return;
        }
        if (char.IsAsciiLetter(c))
            throw Error($"bad escape \\{c}", start);
        AppendLiteral(c);
    }

    private static bool IsOctal(string s, int j, int n)
    {
        for (int i = j; i < j + n; i++)
        {
            if (i >= s.Length || s[i] is < '0' or > '7')
                return false;
        }
        return true;
    }

    private void Hex(int digits, int start)
    {
        if (_i + digits > p.Length || !p.Substring(_i, digits).All(char.IsAsciiHexDigit))
            throw Error($"incomplete escape \\{p[_i - 1]}{p[_i..Math.Min(p.Length, _i + digits)]}", start);
        int v = Convert.ToInt32(p.Substring(_i, digits), 16);
        if (v > 0x10FFFF)
            throw Error($"bad escape \\{p[_i - 1]}{p.Substring(_i, digits)}", start);
        _i += digits;
        AppendLiteral(v);
    }

    private void AppendLiteral(int cp)
    {
        foreach (char ch in char.ConvertFromUtf32(cp))
            _out.Append("\\u").Append(((int)ch).ToString("X4"));
    }
}
