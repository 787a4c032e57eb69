using System.Text;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// The parameter list of a method that CPython generates as Python source (dataclasses' __init__): self, then
/// positional-or-keyword parameters, then keyword-only ones, each with an optional default. Binding follows
/// Python/ceval.c initialize_locals, with its messages naming the method by its qualified name.
/// </summary>
internal sealed class NativeSignature(string qualName, string[] positional, string[] kwOnly, PyObject?[] defaults)
{
    public readonly string QualName = qualName;
    public readonly string[] Positional = positional;
    public readonly string[] KwOnly = kwOnly;
    /// <summary>One per parameter (positional then keyword-only); null where the parameter is required.</summary>
    public readonly PyObject?[] Defaults = defaults;

    /// <summary>The argument values in parameter order (self excluded).</summary>
    public PyObject[] Bind(ReadOnlySpan<PyObject> args, PyTuple? kwnames)
    {
        int nkw = kwnames?.Count ?? 0;
        int npos = args.Length - nkw;
        int total = Positional.Length + KwOnly.Length;
        var values = new PyObject?[total];
        for (int i = 0; i < Math.Min(npos, Positional.Length); i++)
            values[i] = args[i];
        for (int k = 0; k < nkw; k++)
        {
            var name = ((PyStr)kwnames![k]).Value;
            int j = Array.IndexOf(Positional, name);
            if (j < 0 && Array.IndexOf(KwOnly, name) is int kj and >= 0)
                j = Positional.Length + kj;
            if (j < 0)
                throw Err.Type($"{QualName}() got an unexpected keyword argument '{name}'");
            if (values[j] is not null)
                throw Err.Type($"{QualName}() got multiple values for argument '{name}'");
            values[j] = args[npos + k];
        }
        if (npos > Positional.Length)
            throw TooManyPositional(npos, values);
        var missing = new List<string>();
        for (int i = 0; i < Positional.Length; i++)
            if (values[i] is null && Defaults[i] is null)
                missing.Add(Positional[i]);
        if (missing.Count > 0)
            throw Interpreter.Eval.Missing(QualName, missing, "positional");
        for (int i = Positional.Length; i < total; i++)
            if (values[i] is null && Defaults[i] is null)
                missing.Add(KwOnly[i - Positional.Length]);
        if (missing.Count > 0)
            throw Interpreter.Eval.Missing(QualName, missing, "keyword-only");
        var result = new PyObject[total];
        for (int i = 0; i < total; i++)
            result[i] = values[i] ?? Defaults[i]!;
        return result;
    }

    /// <summary>too_many_positional: the counts include self.</summary>
    private PyException TooManyPositional(int npos, PyObject?[] values)
    {
        int argcount = Positional.Length + 1;
        int defcount = Defaults.Take(Positional.Length).Count(d => d is not null);
        int given = npos + 1;
        int kwonlyGiven = values.Skip(Positional.Length).Count(v => v is not null);
        string sig = defcount > 0
            ? $"from {argcount - defcount} to {argcount} positional arguments"
            : $"{argcount} positional argument{(argcount == 1 ? "" : "s")}";
        string kwText = kwonlyGiven > 0
            ? $" positional argument{(given == 1 ? "" : "s")} (and {kwonlyGiven} keyword-only argument{(kwonlyGiven == 1 ? "" : "s")})"
            : "";
        string was = given == 1 && kwonlyGiven == 0 ? "was" : "were";
        return Err.Type($"{QualName}() takes {sig} but {given}{kwText} {was} given");
    }
}
