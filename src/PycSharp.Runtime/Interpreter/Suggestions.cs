using System.Text;
using PycSharp.Format;
using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Interpreter;

/// <summary>
/// The "Did you mean" name offered for an uncaught NameError, AttributeError or ImportError: Python/suggestions.c
/// (3.11, 3.12, and 3.13's _suggestions module) with the candidate lists of each version (3.13 builds them in
/// Lib/traceback.py _compute_suggestion_error).
/// </summary>
internal static class Suggestions
{
    private const int MaxCandidateItems = 750;
    private const int MaxStringSize = 40;
    private const int MoveCost = 2;
    private const int CaseCost = 1;

    public static string? For(PyBaseException e)
    {
        try
        {
            var version = PyRuntime.Current.Version;
            bool is313 = version >= new PythonVersion(3, 13);
            // 3.11 and 3.12 test the exact type (Py_IS_TYPE); 3.13's traceback.py uses isinstance.
            bool Is(PyType t) => is313 ? e.Type.IsSubtypeOf(t) : ReferenceEquals(e.Type, t);
            if (Is(PyType.AttributeError))
                return ForAttribute(e, is313);
            if (Is(PyType.NameError))
                return ForName(e, version);
            return null;
        }
        catch (PyException)
        {
            return null;
        }
    }

    private static string? ForAttribute(PyBaseException e, bool is313)
    {
        if (e.AttrName is not PyStr name || e.Extra is not { } obj)
            return null;
        var dir = Strings(BuiltinFunctions.ObjectDir(obj));
        if (is313 && !name.Value.StartsWith('_'))
        {
            bool selfIsObj = LastFrame(e) is { } f && LocalsOf(f).TryGetStr(PyStr.Intern("self"), out var self) && ReferenceEquals(self, obj);
            if (!selfIsObj)
                dir = dir.Where(x => !x.StartsWith('_')).ToList();
        }
        return Calculate(dir, name.Value);
    }

    private static string? ForName(PyBaseException e, PythonVersion version)
    {
        if (e.Extra is not PyStr name || LastFrame(e) is not { } frame)
            return null;
        var locals = LocalsOf(frame);
        var globals = Strings(PyList.Of(frame.Globals.KeysArray()));
        var builtins = Strings(PyList.Of(frame.Builtins.KeysArray()));
        if (version >= new PythonVersion(3, 12)
            && locals.TryGetStr(PyStr.Intern("self"), out var self) && Ops.TryGetAttr(self, name) is not null)
            return "self." + name.Value;
        if (version >= new PythonVersion(3, 13))
            return Calculate([.. Strings(PyList.Of(locals.KeysArray())), .. globals, .. builtins], name.Value);
        // 3.11 and 3.12: co_varnames, then the globals, then the builtins, each list on its own.
        var varnames = frame.Code.VarNames.Select(n => n.Value).ToList();
        return Calculate(varnames, name.Value) ?? Calculate(globals, name.Value) ?? Calculate(builtins, name.Value);
    }

    private static Frame? LastFrame(PyBaseException e)
    {
        var tb = e.Traceback;
        if (tb is null)
            return null;
        while (tb.Next is not null)
            tb = tb.Next;
        return tb.Frame;
    }

    /// <summary>frame.f_locals: the locals mapping of module and class bodies, else the bound fast locals and cells.</summary>
    private static PyDict LocalsOf(Frame f) => f.Locals as PyDict ?? BuiltinFunctions.LocalsOf(f);

    private static List<string> Strings(PyList list) => list.AsSpan().ToArray().OfType<PyStr>().Select(s => s.Value).ToList();

    /// <summary>calculate_suggestions: the candidate nearest to <paramref name="name"/>, within a third of their lengths.</summary>
    private static string? Calculate(List<string> dir, string name)
    {
        if (dir.Count >= MaxCandidateItems)
            return null;
        var nameBytes = Encoding.UTF8.GetBytes(name);
        int bestDistance = int.MaxValue;
        string? suggestion = null;
        foreach (var item in dir)
        {
            if (item == name)
                continue;
            var itemBytes = Encoding.UTF8.GetBytes(item);
            int maxDistance = (nameBytes.Length + itemBytes.Length + 3) * MoveCost / 6;
            maxDistance = Math.Min(maxDistance, bestDistance - 1);
            int distance = Levenshtein(nameBytes, itemBytes, maxDistance);
            if (distance > maxDistance)
                continue;
            if (suggestion is null || distance < bestDistance)
            {
                suggestion = item;
                bestDistance = distance;
            }
        }
        return suggestion;
    }

    private static int SubstitutionCost(byte a, byte b)
    {
        if ((a & 31) != (b & 31))
            return MoveCost;
        if (a == b)
            return 0;
        if (a is >= (byte)'A' and <= (byte)'Z')
            a += 'a' - 'A';
        if (b is >= (byte)'A' and <= (byte)'Z')
            b += 'a' - 'A';
        return a == b ? CaseCost : MoveCost;
    }

    /// <summary>levenshtein_distance over UTF-8 bytes, giving up (max_cost + 1) as soon as a row exceeds max_cost.</summary>
    private static int Levenshtein(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int maxCost)
    {
        while (a.Length > 0 && b.Length > 0 && a[0] == b[0])
        {
            a = a[1..];
            b = b[1..];
        }
        while (a.Length > 0 && b.Length > 0 && a[^1] == b[^1])
        {
            a = a[..^1];
            b = b[..^1];
        }
        if (a.Length == 0 || b.Length == 0)
            return (a.Length + b.Length) * MoveCost;
        if (a.Length > MaxStringSize || b.Length > MaxStringSize)
            return maxCost + 1;
        if (b.Length < a.Length)
        {
            var t = a;
            a = b;
            b = t;
        }
        if ((b.Length - a.Length) * MoveCost > maxCost)
            return maxCost + 1;
        Span<int> row = stackalloc int[MaxStringSize];
        for (int i = 0; i < a.Length; i++)
            row[i] = (i + 1) * MoveCost;
        int result = 0;
        for (int bi = 0; bi < b.Length; bi++)
        {
            int distance = result = bi * MoveCost;
            int minimum = int.MaxValue;
            for (int ai = 0; ai < a.Length; ai++)
            {
                int substitute = distance + SubstitutionCost(b[bi], a[ai]);
                distance = row[ai];
                int insertDelete = Math.Min(result, distance) + MoveCost;
                result = Math.Min(insertDelete, substitute);
                row[ai] = result;
                minimum = Math.Min(minimum, result);
            }
            if (minimum > maxCost)
                return maxCost + 1;
        }
        return result;
    }
}
