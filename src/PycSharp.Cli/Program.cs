using System.CommandLine;
using PycSharp.Cli;

// The `pyc` command: argument parsing and output only; the work is done by the libraries.
if (ProcessMode.RelaunchForBatch(args) is int exitCode)
    return exitCode;
var root = new RootCommand("PycSharp: read, check, inspect and edit CPython .pyc files of every version.")
{
    InfoCommand.Create(),
    CheckCommand.Create(),
    TextCommand.Dis(),
    TextCommand.Show(),
    GotoCommand.Create(),
    AsmCommand.Create(),
    RunCommand.Create(),
};
return CommandLine.Run(root, args);
