using System.Text;
using System.Text.RegularExpressions;
using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>re.Pattern (Modules/_sre/sre.c pattern methods) over three .NET regexes: search, anchored, full.</summary>
internal sealed class PyPattern : PyObject
{
    public enum Mode { Search, Match, FullMatch }

    public static readonly PyType TypeObject = Make();

    public readonly PyStr Source;
    public readonly int Flags;
    public readonly List<string?> GroupNames;
    private readonly Regex _search, _anchored, _full;

    public PyPattern(PyStr source, int flags)
    {
        Source = source;
        var t = new PatternTranslator(source.Value, flags);
        string net = t.Translate();
        // A str pattern is UNICODE unless ASCII was asked for (Lib/re/_parser.py fix_flags).
        Flags = t.Flags;
        if ((Flags & ReModule.ASCII) == 0)
            Flags |= ReModule.UNICODE;
        else if ((Flags & ReModule.UNICODE) != 0)
            throw ReModule.Error("ASCII and UNICODE flags are incompatible", null);
        GroupNames = t.GroupNames;
        var options = RegexOptions.CultureInvariant;
        if ((Flags & ReModule.IGNORECASE) != 0)
            options |= RegexOptions.IgnoreCase;
        if ((Flags & ReModule.MULTILINE) != 0)
            options |= RegexOptions.Multiline;
        if ((Flags & ReModule.DOTALL) != 0)
            options |= RegexOptions.Singleline;
        try
        {
            _search = new Regex(net, options);
            _anchored = new Regex("\\G(?:" + net + ")", options);
            _full = new Regex("\\G(?:" + net + ")\\z", options);
        }
        catch (ArgumentException e)
        {
            throw ReModule.Error(e.Message, null, source.Value);
        }
    }

    public override PyType Type => TypeObject;
    public int GroupCount => GroupNames.Count - 1;

    private static string Text(PyObject s) => s is PyStr str ? str.Value
        : throw Err.Type(s is PyBytes or PyByteArray ? "cannot use a string pattern on a bytes-like object" : $"expected string or bytes-like object, got '{s.Type.Name}'");

    /// <summary>The [pos, endpos) window in UTF-16 units, clamped as sre's state_init does.</summary>
    private static (string Input, int Pos) Window(string s, long pos, long? endpos)
    {
        var map = new CodePoints(s);
        long n = map.Length;
        long end = endpos is { } e ? Math.Clamp(e, 0, n) : n;
        pos = Math.Clamp(pos < 0 ? 0 : pos, 0, n);
        var input = end == n ? s : s[..map.ToUtf16(end)];
        return (input, map.ToUtf16(Math.Min(pos, end)));
    }

    public PyObject Run(PyObject str, long pos, long? endpos, Mode mode)
    {
        var s = Text(str);
        var (input, start) = Window(s, pos, endpos);
        if (start > input.Length)
            return PyNone.Instance;
        var re = mode switch { Mode.Search => _search, Mode.Match => _anchored, _ => _full };
        var m = re.Match(input, start);
        return m.Success ? new PyMatch(this, (PyStr)str, m, pos, endpos ?? new CodePoints(s).Length) : PyNone.Instance;
    }

    /// <summary>
    /// The successive matches of finditer/findall/sub/split: each search starts where the last match ended, and
    /// after an empty match sre's must_advance rules out another empty match at the same place (the .NET engine
    /// cannot be asked for a longer match there, so the search moves on one character).
    /// </summary>
    private IEnumerable<Match> All(string input, int start)
    {
        int at = start;
        bool mustAdvance = false;
        while (at <= input.Length)
        {
            var m = _search.Match(input, at);
            if (!m.Success)
                yield break;
            if (mustAdvance && m.Length == 0 && m.Index == at)
            {
                if (at >= input.Length)
                    yield break;
                m = _search.Match(input, at + (char.IsHighSurrogate(input[at]) && at + 1 < input.Length ? 2 : 1));
                if (!m.Success)
                    yield break;
            }
            yield return m;
            at = m.Index + m.Length;
            mustAdvance = m.Length == 0;
        }
    }

    public PyObject FindAll(PyObject str, long pos, long? endpos)
    {
        var s = Text(str);
        var (input, start) = Window(s, pos, endpos);
        var result = new PyList();
        foreach (var m in All(input, start))
        {
            if (GroupCount == 0)
                result.Append(PyStr.Of(m.Value));
            else if (GroupCount == 1)
                result.Append(PyStr.Of(m.Groups[1].Success ? m.Groups[1].Value : ""));
            else
                result.Append(PyTuple.Of(Enumerable.Range(1, GroupCount).Select(g => (PyObject)PyStr.Of(m.Groups[g].Success ? m.Groups[g].Value : "")).ToArray()));
        }
        return result;
    }

    public PyObject FindIter(PyObject str, long pos, long? endpos)
    {
        var s = Text(str);
        var (input, start) = Window(s, pos, endpos);
        long end = endpos ?? new CodePoints(s).Length;
        return new PyLibIterator(ScannerType, All(input, start).Select(m => (PyObject)new PyMatch(this, (PyStr)str, m, pos, end)).GetEnumerator());
    }

    private static readonly PyType ScannerType = LibSupport.IteratorType("re", "callable_iterator");

    public PyObject Sub(PyObject repl, PyObject str, long count, bool withCount)
    {
        var s = Text(str);
        Func<PyMatch, string> replace;
        if (repl is PyStr template)
        {
            var parts = ParseTemplate(template.Value);
            replace = m => Expand(parts, m);
        }
        else if (Ops.IsCallable(repl))
        {
            replace = m =>
            {
                var r = Ops.Call(repl, m);
                return r is PyStr rs ? rs.Value : throw Err.Type($"expected str instance, {r.Type.Name} found");
            };
        }
        else
        {
            throw Err.Type($"expected str instance, {repl.Type.Name} found");
        }
        var sb = new StringBuilder();
        int last = 0;
        long n = 0;
        long length = new CodePoints(s).Length;
        foreach (var m in All(s, 0))
        {
            if (count > 0 && n >= count)
                break;
            sb.Append(s, last, m.Index - last);
            sb.Append(replace(new PyMatch(this, (PyStr)str, m, 0, length)));
            last = m.Index + m.Length;
            n++;
        }
        sb.Append(s, last, s.Length - last);
        var text = PyStr.Of(sb.ToString());
        return withCount ? PyTuple.Of(text, PyInt.Of(n)) : text;
    }

    public PyObject Split(PyObject str, long maxsplit)
    {
        var s = Text(str);
        var result = new PyList();
        int last = 0;
        long n = 0;
        foreach (var m in All(s, 0))
        {
            if (maxsplit > 0 && n >= maxsplit)
                break;
            result.Append(PyStr.Of(s[last..m.Index]));
            for (int g = 1; g <= GroupCount; g++)
                result.Append(m.Groups[g].Success ? PyStr.Of(m.Groups[g].Value) : PyNone.Instance);
            last = m.Index + m.Length;
            n++;
        }
        result.Append(PyStr.Of(s[last..]));
        return result;
    }

    // ---- replacement templates (Lib/re/_parser.py parse_template) ----

    /// <summary>The template as literal text (string) and group numbers (int).</summary>
    internal List<object> ParseTemplate(string t)
    {
        var parts = new List<object>();
        var lit = new StringBuilder();
        for (int i = 0; i < t.Length; i++)
        {
            char c = t[i];
            if (c != '\\')
            {
                lit.Append(c);
                continue;
            }
            int start = i;
            if (++i >= t.Length)
                throw ReModule.Error("bad escape (end of pattern)", start);
            c = t[i];
            if (c == 'g')
            {
                int close = t.IndexOf('>', i);
                if (i + 1 >= t.Length || t[i + 1] != '<')
                    throw ReModule.Error("missing <", i + 1);
                if (close < 0)
                    throw ReModule.Error("missing >, unterminated name", i + 2);
                var name = t[(i + 2)..close];
                if (name.Length == 0)
                    throw ReModule.Error("missing group name", i + 2);
                int group;
                if (name.All(char.IsAsciiDigit))
                {
                    group = int.Parse(name);
                    if (group > GroupCount)
                        throw ReModule.Error($"invalid group reference {group}", i + 2);
                }
                else
                {
                    if (!StrCase.IsIdentifier(PyStr.Of(name).CodePoints()))
                        throw ReModule.Error($"bad character in group name {Ops.ReprText(PyStr.Of(name))}", i + 2);
                    group = GroupNames.IndexOf(name);
                    if (group < 0)
                        throw new PyException(Err.Make(PyType.IndexError, PyTuple.Of(PyStr.Of($"unknown group name {Ops.ReprText(PyStr.Of(name))}"))));
                }
                Flush();
                parts.Add(group);
                i = close;
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                int j = i;
                if (c == '0' || (j + 2 < t.Length + 1 && j + 2 <= t.Length - 1 && IsOctal3(t, j)))
                {
                    int len = 1;
                    while (len < 3 && j + len < t.Length && t[j + len] is >= '0' and <= '7')
                        len++;
                    lit.Append((char)Convert.ToInt32(t.Substring(j, len), 8));
                    i = j + len - 1;
                    continue;
                }
                int k = j;
                while (k < t.Length && k < j + 2 && char.IsAsciiDigit(t[k]))
                    k++;
                int group = int.Parse(t[j..k]);
                if (group > GroupCount)
                    throw ReModule.Error($"invalid group reference {group}", j);
                Flush();
                parts.Add(group);
                i = k - 1;
                continue;
            }
            string? esc = c switch
            {
                'n' => "\n", 't' => "\t", 'r' => "\r", 'f' => "\f", 'v' => "\v", 'a' => "\a", 'b' => "\b", '\\' => "\\", _ => null,
            };
            if (esc is not null)
            {
                lit.Append(esc);
                continue;
            }
            if (char.IsAsciiLetter(c))
                throw ReModule.Error($"bad escape \\{c}", start);
            lit.Append('\\').Append(c);
        }
        Flush();
        return parts;

        void Flush()
        {
            if (lit.Length > 0)
                parts.Add(lit.ToString());
            lit.Clear();
        }
    }

    private static bool IsOctal3(string t, int j) =>
        j + 2 < t.Length && t[j] is >= '0' and <= '7' && t[j + 1] is >= '0' and <= '7' && t[j + 2] is >= '0' and <= '7';

    internal static string Expand(List<object> parts, PyMatch m)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (part is string s)
                sb.Append(s);
            else if (m.Net.Groups[(int)part] is { Success: true } g)
                sb.Append(g.Value);
        }
        return sb.ToString();
    }

    // ---- the type ----

    private static PyPattern Self(PyObject o) => (PyPattern)o;

    private static PyType Make()
    {
        var t = new PyType("Pattern", PyType.ObjectType) { Module = "re", IsBaseType = false };
        t.ComputeMro();
        t.Repr = o =>
        {
            var p = Self(o);
            var source = Ops.ReprText(p.Source);
            if (source.Length > 200)
                source = source[..200];
            int shown = p.Flags & ~ReModule.UNICODE;
            return PyStr.Of(shown == 0 ? $"re.compile({source})" : $"re.compile({source}, {Ops.ReprText(ReModule.Flag(shown))})");
        };
        t.Hash = o => Ops.Hash(Self(o).Source) ^ Self(o).Flags;
        t.Compare = (a, b, op) =>
        {
            if (b is not PyPattern pb || op is not (CompareOp.Eq or CompareOp.Ne))
                return Ops.NotImplemented;
            bool eq = Self(a).Flags == pb.Flags && Self(a).Source.Value == pb.Source.Value;
            return PyBool.Of(op == CompareOp.Eq ? eq : !eq);
        };
        void Searcher(string name, Mode mode) => TypeSetup.Method(t, name, (self, a, k) =>
        {
            var v = LibSupport.Bind(name, a, k, ["string", "pos", "endpos"], 1);
            return Self(self).Run(v[0]!, v[1] is { } pos ? Ops.IndexLong(pos) : 0, v[2] is { } end ? Ops.IndexLong(end) : null, mode);
        });
        Searcher("match", Mode.Match);
        Searcher("search", Mode.Search);
        Searcher("fullmatch", Mode.FullMatch);
        TypeSetup.Method(t, "findall", (self, a, k) =>
        {
            var v = LibSupport.Bind("findall", a, k, ["string", "pos", "endpos"], 1);
            return Self(self).FindAll(v[0]!, v[1] is { } pos ? Ops.IndexLong(pos) : 0, v[2] is { } end ? Ops.IndexLong(end) : null);
        });
        TypeSetup.Method(t, "finditer", (self, a, k) =>
        {
            var v = LibSupport.Bind("finditer", a, k, ["string", "pos", "endpos"], 1);
            return Self(self).FindIter(v[0]!, v[1] is { } pos ? Ops.IndexLong(pos) : 0, v[2] is { } end ? Ops.IndexLong(end) : null);
        });
        void Subber(string name, bool withCount) => TypeSetup.Method(t, name, (self, a, k) =>
        {
            var v = LibSupport.Bind(name, a, k, ["repl", "string", "count"], 2);
            return Self(self).Sub(v[0]!, v[1]!, v[2] is { } c ? Ops.IndexLong(c) : 0, withCount);
        });
        Subber("sub", false);
        Subber("subn", true);
        TypeSetup.Method(t, "split", (self, a, k) =>
        {
            var v = LibSupport.Bind("split", a, k, ["string", "maxsplit"], 1);
            return Self(self).Split(v[0]!, v[1] is { } c ? Ops.IndexLong(c) : 0);
        });
        TypeSetup.Getter(t, "pattern", o => Self(o).Source);
        TypeSetup.Getter(t, "flags", o => PyInt.Of(Self(o).Flags));
        TypeSetup.Getter(t, "groups", o => PyInt.Of(Self(o).GroupCount));
        TypeSetup.Getter(t, "groupindex", o =>
        {
            var d = new PyDict();
            var names = Self(o).GroupNames;
            for (int i = 1; i < names.Count; i++)
            {
                if (names[i] is { } n)
                    d.SetStr(n, PyInt.Of(i));
            }
            return d;
        });
        return TypeSetup.Finish(t);
    }
}

/// <summary>Code point positions of a .NET string (astral characters are two UTF-16 units, one Python index).</summary>
internal readonly struct CodePoints
{
    private readonly string _s;
    private readonly bool _plain;

    public CodePoints(string s)
    {
        _s = s;
        _plain = !s.Any(char.IsSurrogate);
        Length = _plain ? s.Length : s.Length - s.Count(char.IsLowSurrogate);
    }

    public long Length { get; }

    public int ToUtf16(long cp)
    {
        if (_plain)
            return (int)cp;
        int i = 0;
        for (long n = 0; n < cp && i < _s.Length; n++)
            i += char.IsHighSurrogate(_s[i]) && i + 1 < _s.Length ? 2 : 1;
        return i;
    }

    public long ToCodePoint(int utf16)
    {
        if (_plain)
            return utf16;
        long n = 0;
        for (int i = 0; i < utf16 && i < _s.Length; i++)
        {
            if (!char.IsLowSurrogate(_s[i]))
                n++;
        }
        return n;
    }
}

/// <summary>re.Match (Modules/_sre/sre.c match methods).</summary>
internal sealed class PyMatch(PyPattern pattern, PyStr str, Match m, long pos, long endpos) : PyObject
{
    public static readonly PyType TypeObject = Make();

    public readonly PyPattern Pattern = pattern;
    public readonly PyStr String = str;
    public readonly Match Net = m;
    private readonly CodePoints _map = new(str.Value);

    public override PyType Type => TypeObject;

    private int GroupIndex(PyObject g)
    {
        if (g is PyStr name)
        {
            int i = Pattern.GroupNames.IndexOf(name.Value);
            if (i > 0)
                return i;
        }
        else if (g is PyInt n and not PyBool || g.Type.Index is not null && g is not PyBool)
        {
            long i = Ops.IndexLong(g);
            if (i >= 0 && i <= Pattern.GroupCount)
                return (int)i;
        }
        throw Err.Index("no such group");
    }

    private PyObject Group(int i, PyObject dflt) => Net.Groups[i] is { Success: true } g ? PyStr.Of(g.Value) : dflt;

    private (long Start, long End) Span(int i) =>
        Net.Groups[i] is { Success: true } g ? (_map.ToCodePoint(g.Index), _map.ToCodePoint(g.Index + g.Length)) : (-1, -1);

    private static PyMatch Self(PyObject o) => (PyMatch)o;

    private static PyType Make()
    {
        var t = new PyType("Match", PyType.ObjectType) { Module = "re", IsBaseType = false };
        t.ComputeMro();
        t.Repr = o =>
        {
            var m = Self(o);
            var (s, e) = m.Span(0);
            return PyStr.Of($"<re.Match object; span=({s}, {e}), match={Ops.ReprText(PyStr.Of(m.Net.Value))}>");
        };
        t.GetItem = (o, k) => Self(o).Group(Self(o).GroupIndex(k), PyNone.Instance);
        TypeSetup.Method(t, "group", (self, a, k) =>
        {
            Args.NoKeywords("group", k);
            var m = Self(self);
            if (a.Length == 0)
                return m.Group(0, PyNone.Instance);
            if (a.Length == 1)
                return m.Group(m.GroupIndex(a[0]), PyNone.Instance);
            var r = new PyObject[a.Length];
            for (int i = 0; i < a.Length; i++)
                r[i] = m.Group(m.GroupIndex(a[i]), PyNone.Instance);
            return PyTuple.Of(r);
        });
        TypeSetup.Method(t, "groups", (self, a, k) =>
        {
            var v = LibSupport.Bind("groups", a, k, ["default"], 0);
            var m = Self(self);
            return PyTuple.Of(Enumerable.Range(1, m.Pattern.GroupCount).Select(i => m.Group(i, v[0] ?? PyNone.Instance)).ToArray());
        });
        TypeSetup.Method(t, "groupdict", (self, a, k) =>
        {
            var v = LibSupport.Bind("groupdict", a, k, ["default"], 0);
            var m = Self(self);
            var d = new PyDict();
            for (int i = 1; i <= m.Pattern.GroupCount; i++)
            {
                if (m.Pattern.GroupNames[i] is { } name)
                    d.SetStr(name, m.Group(i, v[0] ?? PyNone.Instance));
            }
            return d;
        });
        void SpanMethod(string name, Func<(long Start, long End), PyObject> pick) => TypeSetup.Method(t, name, (self, a, k) =>
        {
            Args.Range(name, a, k, 0, 1);
            var m = Self(self);
            return pick(m.Span(a.Length == 0 ? 0 : m.GroupIndex(a[0])));
        });
        SpanMethod("start", s => PyInt.Of(s.Start));
        SpanMethod("end", s => PyInt.Of(s.End));
        SpanMethod("span", s => PyTuple.Of(PyInt.Of(s.Start), PyInt.Of(s.End)));
        TypeSetup.Method(t, "expand", (self, a, k) =>
        {
            Args.Exactly("expand", a, k, 1);
            var m = Self(self);
            return PyStr.Of(PyPattern.Expand(m.Pattern.ParseTemplate(Ops.StrText(a[0])), m));
        });
        TypeSetup.Method(t, "__copy__", (self, a, k) => self);
        TypeSetup.Getter(t, "string", o => Self(o).String);
        TypeSetup.Getter(t, "re", o => Self(o).Pattern);
        TypeSetup.Getter(t, "pos", o => PyInt.Of(Self(o)._pos));
        TypeSetup.Getter(t, "endpos", o => PyInt.Of(Self(o)._endpos));
        TypeSetup.Getter(t, "lastindex", o =>
        {
            // The group that closed last: the matched group with the greatest end, the outermost on ties.
            var m = Self(o);
            int best = -1;
            int bestEnd = -1;
            for (int i = 1; i <= m.Pattern.GroupCount; i++)
            {
                var g = m.Net.Groups[i];
                if (g.Success && g.Index + g.Length > bestEnd)
                {
                    best = i;
                    bestEnd = g.Index + g.Length;
                }
            }
            return best < 0 ? PyNone.Instance : PyInt.Of(best);
        });
        TypeSetup.Getter(t, "lastgroup", o =>
        {
            var last = Ops.GetAttr(o, "lastindex");
            return last is PyInt i && Self(o).Pattern.GroupNames[(int)i.Value] is { } name ? PyStr.Of(name) : PyNone.Instance;
        });
        return TypeSetup.Finish(t);
    }

    private readonly long _pos = pos;
    private readonly long _endpos = endpos;
}
