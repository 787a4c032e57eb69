using System.CommandLine;
using PycSharp.Bytecode.Asm;
using PycSharp.Bytecode.Editing;
using PycSharp.Format.Pyc;

namespace PycSharp.Cli;

internal static class CheckCommand
{
    public static Command Create()
    {
        var paths = CommandLine.PathsArgument();
        var python = CommandLine.PythonOption();
        var raw = CommandLine.RawOption();
        var edit = new Option<bool>("--edit")
        {
            Description = "Instead, load every code object into the editable form and write it back unchanged: co_code, "
                + "line and exception tables must come out the same",
        };
        var asm = new Option<bool>("--asm")
        {
            Description = "Instead, write every file as .pyasm text and assemble it again: the bytes must come out the same",
        };
        var command = new Command("check", "Read every .pyc, write it back in memory and compare the bytes") { paths, python, raw, edit, asm };
        command.SetAction(result =>
        {
            var options = CommandLine.ReadOptions(result, python, raw);
            Func<byte[], PycReadOptions, RoundTripResult> check = result.GetValue(asm) ? AsmRoundTrip.Check
                : result.GetValue(edit) ? EditRoundTrip.Check
                : RoundTripResult.Check;
            var inputs = PycPaths.Expand(result.GetValue(paths)!).ToArray();
            var outcomes = new RoundTripResult[inputs.Length];
            Parallel.For(0, inputs.Length, i =>
            {
                var input = inputs[i];
                if (input.Error is not null)
                {
                    outcomes[i] = new(RoundTripOutcome.Unreadable, 0, input.Error);
                    return;
                }
                try
                {
                    outcomes[i] = check(File.ReadAllBytes(input.Path), options);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    outcomes[i] = new(RoundTripOutcome.Unreadable, 0, e.Message);
                }
            });

            int identical = 0, differ = 0, unreadable = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                var r = outcomes[i];
                switch (r.Outcome)
                {
                    case RoundTripOutcome.Identical:
                        identical++;
                        break;
                    case RoundTripOutcome.Differs:
                        differ++;
                        Console.Out.WriteLine($"{inputs[i].Path}: differs: {r.Reason}");
                        break;
                    default:
                        unreadable++;
                        Console.Out.WriteLine($"{inputs[i].Path}: unreadable: offset {r.Offset}: {r.Reason}");
                        break;
                }
            }
            Console.Out.WriteLine($"checked {inputs.Length} files: {identical} identical, {differ} differ, {unreadable} unreadable");
            return differ + unreadable == 0 ? CommandLine.Success : CommandLine.BadInput;
        });
        return command;
    }
}
