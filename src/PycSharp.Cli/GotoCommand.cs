using System.CommandLine;
using PycSharp.Bytecode.Editing;
using PycSharp.Format;
using PycSharp.Format.Pyc;

namespace PycSharp.Cli;

/// <summary>`pyc goto IN.pyc -o OUT.pyc`: the classic goto idiom made into real jumps (3.8+).</summary>
internal static class GotoCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("IN") { Description = "The .pyc whose `goto .name` / `label .name` statements become jumps" };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the result", Required = true };
        var command = new Command("goto", "Turn `label .name` and `goto .name` statements into real jumps (CPython 3.8+)") { input, output };
        command.SetAction(result =>
        {
            string path = result.GetValue(input)!;
            try
            {
                var file = PycFile.Load(path);
                if (file.Code is not { } code)
                {
                    CommandLine.ReportError(path, $"holds a {file.Object.TypeName}, not a code object");
                    return CommandLine.BadInput;
                }
                var rewritten = Goto.Transform(code, file.Version);
                File.WriteAllBytes(result.GetValue(output)!, new PycFile(file.Header, file.Version, rewritten).ToBytes());
                return CommandLine.Success;
            }
            catch (PycFormatException e)
            {
                CommandLine.ReportError(path, e);
            }
            catch (EditException e)
            {
                CommandLine.ReportError(path, e.Message);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                CommandLine.ReportError(path, e.Message);
            }
            return CommandLine.BadInput;
        });
        return command;
    }
}
