using System.Text;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Interpreter;

public static partial class Eval
{
    /// <summary>Calls a Python function: binds the arguments into a new frame and runs it.</summary>
    public static PyObject CallFunction(PyFunction f, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        CallFunction(f, null, args, kwnames, VmThread.State);

    public static PyObject CallFunction(PyFunction f, PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames) =>
        CallFunction(f, self, args, kwnames, VmThread.State);

    /// <summary>The call itself, with <paramref name="self"/> (or null) before the arguments; the interpreter
    /// passes its thread state along instead of reading the thread-static again.</summary>
    internal static PyObject CallFunction(PyFunction f, PyObject? self, ReadOnlySpan<PyObject> args, PyTuple? kwnames, VmThreadState ts)
    {
        var code = f.Code;
        var frame = Frame.Take(code, f.Globals, f.Builtins);
        frame.Function = f;
        int shift = self is null ? 0 : 1;
        if (kwnames is null && args.Length + shift == code.ArgCount && (code.Flags & (PyCodeObject.CO_VARARGS | PyCodeObject.CO_VARKEYWORDS)) == 0 && code.KwOnlyArgCount == 0)
        {
            if (self is not null)
                ObjectArray.Put(frame.Fast, 0, self);
            args.CopyTo(frame.Fast.AsSpan(shift));
        }
        else
        {
            BindArguments(f, frame.Fast, self, args, kwnames);
        }
        var result = Run(frame, null, ts);
        frame.Recycle();
        return result;
    }

    /// <summary>Python/ceval.c initialize_locals, with its error messages.</summary>
    private static void BindArguments(PyFunction f, PyObject[] fast, PyObject? self, ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        var code = f.Code;
        int nkw = kwnames?.Count ?? 0;
        int npos = args.Length - nkw + (self is null ? 0 : 1);
        int argcount = code.ArgCount;
        int total = argcount + code.KwOnlyArgCount;
        bool hasVarargs = (code.Flags & PyCodeObject.CO_VARARGS) != 0;
        bool hasVarkw = (code.Flags & PyCodeObject.CO_VARKEYWORDS) != 0;
        string qual = ((PyStr)f.QualName).Value;
        PyDict? kwdict = null;
        if (hasVarkw)
        {
            kwdict = new PyDict();
            ObjectArray.Put(fast, total + (hasVarargs ? 1 : 0), kwdict);
        }
        int shift = self is null ? 0 : 1;
        int n = Math.Min(npos, argcount);
        for (int i = 0; i < n; i++)
            ObjectArray.Put(fast, i, i < shift ? self! : args[i - shift]);
        if (hasVarargs)
        {
            var rest = npos > argcount ? new PyObject[npos - argcount] : [];
            for (int i = argcount; i < npos; i++)
                rest[i - argcount] = i < shift ? self! : args[i - shift];
            ObjectArray.Put(fast, total, PyTuple.Of(rest));
        }
        for (int k = 0; k < nkw; k++)
        {
            var name = (PyStr)kwnames![k];
            var value = args[args.Length - nkw + k];
            int j = -1;
            for (int p = code.PosOnlyArgCount; p < total; p++)
            {
                if (ReferenceEquals(code.LocalsPlusNames[p], name) || code.LocalsPlusNames[p].Value == name.Value)
                {
                    j = p;
                    break;
                }
            }
            if (j < 0)
            {
                if (kwdict is not null)
                {
                    kwdict.SetItem(name, value);
                    continue;
                }
                // Python/ceval.c positional_only_passed_as_keyword names every one of them.
                var posonly = new List<string>();
                for (int p = 0; p < code.PosOnlyArgCount; p++)
                    for (int q = 0; q < nkw; q++)
                        if (code.LocalsPlusNames[p].Value == ((PyStr)kwnames[q]).Value)
                            posonly.Add(code.LocalsPlusNames[p].Value);
                if (posonly.Count > 0)
                    throw Err.Type($"{qual}() got some positional-only arguments passed as keyword arguments: '{string.Join(", ", posonly)}'");
                throw Err.Type($"{qual}() got an unexpected keyword argument '{name.Value}'");
            }
            if (fast[j] is not null)
                throw Err.Type($"{qual}() got multiple values for argument '{name.Value}'");
            ObjectArray.Put(fast, j, value);
        }
        if (npos > argcount && !hasVarargs)
            throw TooManyPositional(f, npos, fast);
        if (npos < argcount)
        {
            int defcount = f.Defaults?.Count ?? 0;
            int m = argcount - defcount;
            var missing = new List<string>();
            for (int i = npos; i < m; i++)
                if (fast[i] is null)
                    missing.Add(code.LocalsPlusNames[i].Value);
            if (missing.Count > 0)
                throw Missing(qual, missing, "positional");
            for (int i = Math.Max(npos, m); i < argcount; i++)
                fast[i] ??= f.Defaults!.Items[i - m];
        }
        if (code.KwOnlyArgCount > 0)
        {
            var missing = new List<string>();
            for (int i = argcount; i < total; i++)
            {
                if (fast[i] is not null)
                    continue;
                var name = code.LocalsPlusNames[i];
                if (f.KwDefaults is not null && f.KwDefaults.TryGetStr(name, out var dv))
                    ObjectArray.Put(fast, i, dv);
                else
                    missing.Add(name.Value);
            }
            if (missing.Count > 0)
                throw Missing(qual, missing, "keyword-only");
        }
    }

    /// <summary>"f() missing 2 required positional arguments: 'a' and 'b'" (Python/ceval.c missing_arguments).</summary>
    internal static PyException Missing(string qual, List<string> names, string kind)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < names.Count; i++)
        {
            if (i > 0)
                sb.Append(names.Count == 2 ? " and " : i == names.Count - 1 ? ", and " : ", ");
            sb.Append('\'').Append(names[i]).Append('\'');
        }
        return Err.Type($"{qual}() missing {names.Count} required {kind} argument{(names.Count == 1 ? "" : "s")}: {sb}");
    }

    private static PyException TooManyPositional(PyFunction f, int given, PyObject[] fast)
    {
        var code = f.Code;
        int argcount = code.ArgCount;
        int defcount = f.Defaults?.Count ?? 0;
        int kwonlyGiven = 0;
        for (int i = argcount; i < argcount + code.KwOnlyArgCount; i++)
            if (fast[i] is not null)
                kwonlyGiven++;
        string sig = defcount > 0
            ? $"from {argcount - defcount} to {argcount} positional arguments"
            : $"{argcount} positional argument{(argcount == 1 ? "" : "s")}";
        string kwText = kwonlyGiven > 0
            ? $" positional argument{(given == 1 ? "" : "s")} (and {kwonlyGiven} keyword-only argument{(kwonlyGiven == 1 ? "" : "s")})"
            : "";
        string was = given == 1 && kwonlyGiven == 0 ? "was" : "were";
        return Err.Type($"{((PyStr)f.QualName).Value}() takes {sig} but {given}{kwText} {was} given");
    }
}
