using System.CommandLine;
using PycSharp.Bytecode.Asm;

namespace PycSharp.Cli;

/// <summary>`pyc asm IN.pyasm -o OUT.pyc`: assembles the text `pyc dis --asm` prints (docs/pyasm.md).</summary>
internal static class AsmCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("IN") { Description = "A .pyasm file (pyc dis --asm writes them)" };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the .pyc", Required = true };
        var command = new Command("asm", "Assemble .pyasm text into a .pyc") { input, output };
        command.SetAction(result =>
        {
            string path = result.GetValue(input)!;
            try
            {
                var bytes = AsmReader.Assemble(File.ReadAllText(path));
                File.WriteAllBytes(result.GetValue(output)!, bytes);
                return CommandLine.Success;
            }
            catch (AsmException e)
            {
                // FILE:LINE:COLUMN: reason, as compilers print it.
                Console.Error.WriteLine($"pyc: {path}:{e.Line}:{e.Column}: {e.Reason}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                CommandLine.ReportError(path, e.Message);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or OverflowException)
            {
                // Text the reader did not foresee: still one line, never a stack trace.
                CommandLine.ReportError(path, e.Message);
            }
            return CommandLine.BadInput;
        });
        return command;
    }
}
