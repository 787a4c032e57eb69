using System.ComponentModel;
using System.Diagnostics;

namespace PycSharp.Cli;

/// <summary>
/// <c>pyc run</c> executes in a child process of its own runtime configuration. The batch commands want what the
/// project file sets (no tiered compilation, server GC: pyc dis -o on the 3.11 standard library 6.1 s against
/// 8.9 s with tiering), the interpreter the opposite: tiered compilation with dynamic PGO and the workstation GC
/// (bench/vm: calls 3.95 -> 2.83 s, scheduler 4.96 -> 3.20 s, nbody 5.14 -> 4.39 s, wordfreq 3.76 -> 3.18 s;
/// startup 0.57 -> 0.25 s), well above the ~0.1 s a second process start costs. The runtime reads these settings
/// only at startup, hence the relaunch with DOTNET_ variables.
/// </summary>
internal static class VmProcess
{
    private const string Marker = "PYCSHARP_VM_PROCESS";

    /// <summary>The exit code of the relaunched <c>run</c>, or null to go on in this process.</summary>
    public static int? RelaunchRun(string[] args)
    {
        if (args.Length == 0 || args[0] != "run" || Environment.GetEnvironmentVariable(Marker) is not null
            || Environment.ProcessPath is not { } host)
            return null;
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        // Under `dotnet pyc.dll` the host is dotnet itself and needs the assembly.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            start.ArgumentList.Add(typeof(VmProcess).Assembly.Location);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment[Marker] = "1";
        start.Environment["DOTNET_TieredCompilation"] = "1";
        start.Environment["DOTNET_TieredPGO"] = "1";
        start.Environment["DOTNET_gcServer"] = "0";
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
}
