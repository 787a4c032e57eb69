using System.Diagnostics;
using PycSharp.Bytecode.Editing;
using PycSharp.Examples;
using PycSharp.Format;
using PycSharp.Format.Objects;
using PycSharp.Format.Pyc;

namespace PycSharp.Bytecode.Tests;

/// <summary>
/// The hacks of README.md against the real interpreters: a hand-written hello world, a function with its * made +
/// and a constant replaced, and goto. Expected outputs are CPython's: "Hello, world!", and the output of the
/// plain-Python twins of the corpus programs (hack_targets_edited.py, goto_idioms_plain.py). With the interpreter
/// installed the written file runs under it; without, the bytes must be the ones tools/record_hacks.sh ran under
/// it (tests/fixtures/hacks/X.Y/).
/// </summary>
public class HackTests
{
    public static TheoryData<string> Versions() => ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"];

    [Theory]
    [MemberData(nameof(Versions))]
    public void Hacks_run_under_the_real_interpreter(string version)
    {
        var v = PythonVersion.Parse(version);
        var fixtures = Path.Combine(Repo.Fixtures, version);
        var targets = PycFile.Read(File.ReadAllBytes(Path.Combine(fixtures, "hack_targets.pyc")));
        var edited = Hacks.ReplaceConstant(Hacks.MultiplyBecomesAdd(targets, "scale"), "greet", "'hello, '", PyString.From("goodbye, "));
        var gotoFile = PycFile.Read(File.ReadAllBytes(Path.Combine(fixtures, "goto_idioms.pyc")));
        var written = new (string Name, byte[] Bytes, string Expected)[]
        {
            ("hello", Hacks.HelloWorld(v).ToBytes(), "Hello, world!\n"),
            ("edited", edited.ToBytes(), File.ReadAllText(Path.Combine(fixtures, "hack_targets_edited.out"))),
            ("goto", new PycFile(gotoFile.Header, v, Goto.Transform(gotoFile.Code!, v)).ToBytes(),
                File.ReadAllText(Path.Combine(fixtures, "goto_idioms_plain.out"))),
        };
        var recorded = Path.Combine(Repo.Fixtures, "hacks", version);
        var outputs = RealPython.Run(version, written.Select(w => w.Bytes).ToList());
        foreach (var (name, bytes, expected) in written)
        {
            if (outputs is not null)
            {
                Assert.Equal(expected, outputs[Array.FindIndex(written, w => w.Name == name)]);
                continue;
            }
            // No interpreter here: these must be the bytes that CPython ran when they were recorded.
            Assert.Equal(File.ReadAllBytes(Path.Combine(recorded, name + ".pyc")), bytes);
            Assert.Equal(expected, File.ReadAllText(Path.Combine(recorded, name + ".out")));
        }
    }

    /// <summary>Every jump goto_refused.py tries is refused, naming the line of the goto.</summary>
    [Theory]
    [MemberData(nameof(Versions))]
    public void Goto_refuses_jumps_that_break_the_stack_or_exception_handling(string version)
    {
        var v = PythonVersion.Parse(version);
        var file = PycFile.Read(File.ReadAllBytes(Path.Combine(Repo.Fixtures, version, "goto_refused.pyc")));
        var expected = new Dictionary<string, string>
        {
            ["into_loop"] = "line 7: goto .inside would jump into a loop",
            ["out_of_with"] = "line 15: goto .after would jump into or out of a with, try, except or finally block",
            // 3.11+ drop an empty try body, and with it the only way into its handler.
            ["into_handler"] = v.Minor >= 11
                ? "line 21: goto .handler would jump to code that nothing else reaches"
                : "line 21: goto .handler would jump into or out of a with, try, except or finally block",
            ["out_of_finally"] = "line 33: goto .end would jump into or out of a with, try, except or finally block",
        };
        foreach (var code in file.Code!.NestedCode())
        {
            var e = Assert.Throws<EditException>(() => Goto.Transform(code, v));
            Assert.StartsWith(expected[code.NameText], e.Message);
        }
        Assert.Equal(4, file.Code!.NestedCode().Count());
    }
}

/// <summary>The real interpreters of this machine, when there are any: pyenv's 3.8–3.13, pyodide for 3.14.</summary>
internal static class RealPython
{
    /// <summary>What each file prints when run as <c>python FILE.pyc</c>; null if the interpreter is not here.</summary>
    public static List<string>? Run(string version, List<byte[]> files)
    {
        var dir = Directory.CreateTempSubdirectory("pycsharp-run-");
        try
        {
            var paths = files.Select((bytes, i) =>
            {
                var path = Path.Combine(dir.FullName, $"f{i}.pyc");
                File.WriteAllBytes(path, bytes);
                return path;
            }).ToList();
            if (version == "3.14")
            {
                var tools = Path.Combine(Repo.Root, "tools", "pyodide");
                if (!Directory.Exists(Path.Combine(tools, "node_modules", "pyodide")))
                    return null;
                // run_pyc.mjs runs the files one after another in one pyodide; each of ours prints whole lines,
                // so the output is split by file by running them one at a time.
                return [.. paths.Select(p => Start("node", tools, [Path.Combine(tools, "run_pyc.mjs"), p]))];
            }
            var pyenv = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv", "versions");
            var python = Directory.Exists(pyenv)
                ? Directory.GetDirectories(pyenv, version + ".*").Select(d => Path.Combine(d, "bin", "python" + version)).FirstOrDefault(File.Exists)
                : null;
            return python is null ? null : [.. paths.Select(p => Start(python, dir.FullName, [p]))];
        }
        finally
        {
            dir.Delete(true);
        }
    }

    private static string Start(string program, string workingDirectory, string[] args)
    {
        var start = new ProcessStartInfo(program, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.Environment["PYTHONHASHSEED"] = "0";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill();
            throw new TimeoutException($"{program} {string.Join(' ', args)}");
        }
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result}");
        return stdout;
    }
}
