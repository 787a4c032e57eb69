using System.CommandLine;
using PycSharp.Format;
using PycSharp.Format.Pyc;

namespace PycSharp.Cli;

/// <summary>Options shared by commands, exit codes, and error reporting.</summary>
internal static class CommandLine
{
    public const int Success = 0;
    public const int BadInput = 1;
    public const int UsageError = 2;

    public static Argument<string[]> PathsArgument()
    {
        var paths = new Argument<string[]>("PATH") { Description = ".pyc files, or directories to search for *.pyc", Arity = ArgumentArity.OneOrMore };
        // An unknown option would otherwise be taken for a path; a real file that starts with '-' still works.
        paths.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (token.Value.StartsWith('-') && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                    r.AddError($"unknown option '{token.Value}'");
        });
        return paths;
    }

    public static Option<PythonVersion?> PythonOption() =>
        new("--python")
        {
            Description = "Read the files as this Python version (e.g. 3.12), whatever their magic number says",
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (PythonVersion.TryParse(text, out var v))
                    return v;
                r.AddError($"--python: '{text}' is not a version like 3.12");
                return null;
            },
        };

    public static Option<bool> RawOption() =>
        new("--raw") { Description = "The files are bare marshal data with no .pyc header" };

    public static int Run(RootCommand root, string[] args)
    {
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
                Console.Error.WriteLine($"pyc: {error.Message}");
            Console.Error.WriteLine("Try 'pyc --help'.");
            return UsageError;
        }
        return result.Invoke();
    }

    public static PycReadOptions ReadOptions(ParseResult result, Option<PythonVersion?> python, Option<bool> raw) =>
        new() { Version = result.GetValue(python), Raw = result.GetValue(raw) };

    /// <summary>Reads one input; on failure prints one line on stderr and returns null.</summary>
    public static byte[]? ReadBytes(PycInput input)
    {
        if (input.Error is not null)
        {
            ReportError(input.Path, input.Error);
            return null;
        }
        try
        {
            return File.ReadAllBytes(input.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ReportError(input.Path, e.Message);
            return null;
        }
    }

    public static void ReportError(string path, string message) => Console.Error.WriteLine($"pyc: {path}: {message}");

    public static void ReportError(string path, PycFormatException e) =>
        ReportError(path, $"offset {e.Offset}: {e.Reason}");
}
