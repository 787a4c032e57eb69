using System.ComponentModel;
using System.Diagnostics;

namespace PycSharp.Cli;

/// <summary>
/// The runtime settings a pyc process runs under. The project's own (tiered compilation with dynamic PGO, the
/// workstation GC, every assembly precompiled ReadyToRun in the published tool) suit a command on a few files and
/// above all the virtual machine, whose loop is recompiled with the profile it gathers: pyc run starts in one
/// process (an empty program: 0.21 s when it relaunched itself, see bench/README.md for today's figure) and
/// runs its loop at full speed (bench/vm, tiered against not: calls 3.95 -> 2.83 s, scheduler 4.96 -> 3.20 s).
/// A command over a whole tree (a directory, or many files) is a batch job instead, whose hot loops run once per
/// process: it relaunches itself with tiered compilation off, the server GC (collections on every core) and
/// Format and Bytecode JIT-compiled rather than precompiled (pyc dis -o on the 3.11 standard library: 8.8 s
/// tiered against 6.2 s; the precompiled code is about 15% slower than the JIT's). The runtime reads these
/// settings only at startup, hence the second process with DOTNET_ variables.
/// </summary>
internal static class ProcessMode
{
    private const string Marker = "PYCSHARP_BATCH_PROCESS";
    private static readonly string[] s_batchCommands = ["info", "check", "dis", "show"];
    /// <summary>From this many files named on the command line, a command counts as a batch job.</summary>
    private const int BatchFiles = 16;

    /// <summary>The exit code of the relaunched batch command, or null to go on in this process.</summary>
    public static int? RelaunchForBatch(string[] args)
    {
        if (args.Length == 0 || !s_batchCommands.Contains(args[0]) || !IsBatch(args)
            || Environment.GetEnvironmentVariable(Marker) is not null || Environment.ProcessPath is not { } host)
            return null;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        // Under `dotnet pyc.dll` the host is dotnet itself and needs the assembly.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            start.ArgumentList.Add(typeof(ProcessMode).Assembly.Location);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment[Marker] = "1";
        start.Environment["DOTNET_TieredCompilation"] = "0";
        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment["DOTNET_ReadyToRunExcludeList"] = "PycSharp.Format;PycSharp.Bytecode";
        try
        {
            using var child = Process.Start(start);
            if (child is null)
                return null;
            // Ctrl-C reaches the child too (same process group); this side only waits for it.
            Console.CancelKeyPress += (_, e) => e.Cancel = true;
            child.WaitForExit();
            return child.ExitCode;
        }
        catch (Win32Exception)
        {
            return null;
        }
    }

    /// <summary>A directory among the arguments, or many files.</summary>
    private static bool IsBatch(string[] args)
    {
        int files = 0;
        foreach (var a in args.AsSpan(1))
        {
            if (a.StartsWith('-'))
                continue;
            if (Directory.Exists(a) || (File.Exists(a) && ++files >= BatchFiles))
                return true;
        }
        return false;
    }
}
