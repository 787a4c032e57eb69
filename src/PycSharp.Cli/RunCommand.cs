using System.CommandLine;
using System.Text;
using PycSharp.Runtime;

namespace PycSharp.Cli;

/// <summary>`pyc run FILE.pyc [ARGS...]`: runs the program in the VM like `python FILE` (CPython 3.11-3.13 bytecode).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("FILE") { Description = "The .pyc to run (CPython 3.11, 3.12 or 3.13 bytecode)" };
        var rest = new Argument<string[]>("ARGS") { Description = "Arguments for the program (sys.argv[1:])", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("run", "Run a .pyc in PycSharp's own virtual machine") { input, rest };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(result =>
        {
            var utf8 = new UTF8Encoding(false);
            var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, 1 << 16) { AutoFlush = false, NewLine = "\n" };
            var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true, NewLine = "\n" };
            var stdin = new StreamReader(Console.OpenStandardInput(), utf8);
            var args = (result.GetValue(rest) ?? []).Concat(result.UnmatchedTokens).ToArray();
            // Ctrl-C raises KeyboardInterrupt in the program (at its next backward jump), as CPython's SIGINT
            // handler does; a second Ctrl-C ends the process.
            using var interrupt = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = !interrupt.IsCancellationRequested;
                interrupt.Cancel();
            };
            int code = VirtualMachine.RunFile(result.GetValue(input)!, args, stdout, stderr, stdin,
                new RunOptions { Interrupt = interrupt.Token });
            stdout.Flush();
            return code;
        });
        return command;
    }
}
