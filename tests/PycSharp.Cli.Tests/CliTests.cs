using System.Text.Json;

namespace PycSharp.Cli.Tests;

public class InfoTests
{
    private static string Fixture(string version, string name) => Path.Combine(Pyc.Fixtures, version, name);

    [Theory]
    [InlineData("3.11", "talk_example")]
    [InlineData("3.12", "fail_exit_code")]
    [InlineData("3.13", "fail_exit_code")]
    public void Run_executes_the_program_like_python(string version, string name)
    {
        // What CPython printed and its exit code, through pyc's own process.
        var r = Pyc.Run("run", Fixture(version, name + ".pyc"));
        Assert.Equal(File.ReadAllText(Fixture(version, name + ".out")), r.Stdout);
        Assert.Equal(File.ReadAllText(Fixture(version, name + ".err")), r.Stderr);
        Assert.Equal(int.Parse(File.ReadAllText(Fixture(version, name + ".exit")).Trim(), System.Globalization.CultureInfo.InvariantCulture), r.ExitCode);
    }

    [Fact]
    public void Info_prints_version_magic_header_and_code_summary()
    {
        var r = Pyc.Run("info", Fixture("3.13", "talk_example.pyc"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        // The magic and the header are what CPython 3.13 wrote (tests/fixtures/3.13/INTERPRETER: magic f30d0d0a;
        // tools/make_fixtures.py writes mtime 0).
        Assert.Contains("  python:      3.13", r.StdoutLines);
        Assert.Contains("  magic:       3571 (f3 0d 0d 0a), release", r.StdoutLines);
        Assert.Contains("  header:      timestamp, 16 bytes, flags 0x00000000", r.StdoutLines);
        Assert.Contains("  timestamp:   1970-01-01T00:00:00Z", r.StdoutLines);
        Assert.Contains("  code:        <module>", r.StdoutLines);
        Assert.Contains("  filename:    talk_example.py", r.StdoutLines);
        var size = new FileInfo(Path.Combine(Pyc.Root, "tests", "corpus", "talk_example.py")).Length;
        Assert.Contains($"  source size: {size}", r.StdoutLines);
    }

    [Fact]
    public void Info_json_has_the_same_facts()
    {
        var r = Pyc.Run("info", "--json", Fixture("3.8", "talk_example.checked-hash.pyc"), Fixture("2.7", "talk_example.pyc"));
        Assert.Equal(0, r.ExitCode);
        var lines = r.StdoutLines;
        Assert.Equal(2, lines.Length);
        var hashed = JsonDocument.Parse(lines[0]).RootElement.GetProperty("info");
        Assert.Equal("3.8", hashed.GetProperty("version").GetString());
        Assert.Equal(3413, hashed.GetProperty("magic").GetInt32());
        Assert.Equal("checked-hash", hashed.GetProperty("header_kind").GetString());
        Assert.Equal(3u, hashed.GetProperty("flags").GetUInt32());
        Assert.Equal(16, hashed.GetProperty("source_hash").GetString()!.Length);
        Assert.False(hashed.TryGetProperty("timestamp", out _));
        var old = JsonDocument.Parse(lines[1]).RootElement.GetProperty("info");
        Assert.Equal("2.7", old.GetProperty("version").GetString());
        Assert.Equal(62211, old.GetProperty("magic").GetInt32());
        Assert.Equal(8, old.GetProperty("header_size").GetInt32());
        Assert.Equal("<module>", old.GetProperty("code_name").GetString());
    }

    [Fact]
    public void A_bad_file_gets_one_line_and_the_others_are_still_processed()
    {
        var dir = Directory.CreateTempSubdirectory("pycsharp-cli-");
        try
        {
            var good = Fixture("3.12", "talk_example.pyc");
            var data = File.ReadAllBytes(good);
            var truncated = Path.Combine(dir.FullName, "truncated.pyc");
            File.WriteAllBytes(truncated, data[..(data.Length / 2)]);
            var r = Pyc.Run("info", truncated, good, Path.Combine(dir.FullName, "missing.pyc"));
            Assert.Equal(1, r.ExitCode);
            Assert.Equal(2, r.StderrLines.Length);
            Assert.StartsWith($"pyc: {truncated}: offset ", r.StderrLines[0]);
            Assert.Contains("marshal data too short", r.StderrLines[0]);
            Assert.Contains("missing.pyc: no such file or directory", r.StderrLines[1]);
            Assert.Contains("  python:      3.12", r.StdoutLines);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Directories_are_walked_for_pyc_files()
    {
        var r = Pyc.Run("info", "--json", Path.Combine(Pyc.Fixtures, "3.10"));
        Assert.Equal(0, r.ExitCode);
        var expected = Directory.GetFiles(Path.Combine(Pyc.Fixtures, "3.10"), "*.pyc").Length;
        Assert.Equal(expected, r.StdoutLines.Length);
    }

    [Fact]
    public void Raw_marshal_data_and_forced_versions()
    {
        var dir = Directory.CreateTempSubdirectory("pycsharp-cli-");
        try
        {
            // A module as PyInstaller keeps it: the marshal data with the 16-byte header cut off.
            var raw = Path.Combine(dir.FullName, "headerless.pyc");
            File.WriteAllBytes(raw, File.ReadAllBytes(Fixture("3.9", "talk_example.pyc"))[16..]);
            var guessed = Pyc.Run("info", "--raw", raw);
            Assert.Equal(0, guessed.ExitCode);
            Assert.Contains("  python:      3.10 (guessed: the data fits 3.8-3.10)", guessed.StdoutLines);
            var forced = Pyc.Run("info", "--raw", "--python", "3.9", raw);
            Assert.Contains("  python:      3.9", forced.StdoutLines);
            Assert.Contains("  header:      none", forced.StdoutLines);

            // A file whose magic was changed (as some obfuscators do) reads when the version is given.
            var renamed = Path.Combine(dir.FullName, "obfuscated.pyc");
            var bytes = File.ReadAllBytes(Fixture("3.11", "talk_example.pyc"));
            bytes[0] = 0x42; bytes[1] = 0x42;
            File.WriteAllBytes(renamed, bytes);
            var refused = Pyc.Run("info", renamed);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("unknown magic number 16962", refused.Stderr);
            var accepted = Pyc.Run("info", "--python", "3.11", renamed);
            Assert.Equal(0, accepted.ExitCode);
            Assert.Contains("  code:        <module>", accepted.StdoutLines);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData("info")]
    [InlineData("info", "--python", "three", "x.pyc")]
    [InlineData("frobnicate")]
    [InlineData("check", "--bogus", "x")]
    public void Usage_errors_exit_with_2(params string[] args)
    {
        var r = Pyc.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.NotEqual("", r.Stderr);
    }
}

public class CheckTests
{
    [Theory]
    [InlineData("check")]
    [InlineData("check", "--edit")]
    public void Check_reports_every_fixture_identical(params string[] command)
    {
        var r = Pyc.Run([.. command, Pyc.Fixtures]);
        Assert.Equal(0, r.ExitCode);
        var count = Directory.GetFiles(Pyc.Fixtures, "*.pyc", SearchOption.AllDirectories).Length;
        Assert.Equal([$"checked {count} files: {count} identical, 0 differ, 0 unreadable"], r.StdoutLines);
    }

    [Fact]
    public void Check_names_unreadable_files_and_counts_them()
    {
        var dir = Directory.CreateTempSubdirectory("pycsharp-cli-");
        try
        {
            var data = File.ReadAllBytes(Path.Combine(Pyc.Fixtures, "3.13", "closures.pyc"));
            File.WriteAllBytes(Path.Combine(dir.FullName, "a_good.pyc"), data);
            var bad = (byte[])data.Clone();
            bad[16] = 0x01; // an unknown type code where the module's code object starts, after the 16-byte header
            File.WriteAllBytes(Path.Combine(dir.FullName, "b_bad.pyc"), bad);
            var r = Pyc.Run("check", dir.FullName);
            Assert.Equal(1, r.ExitCode);
            Assert.Equal(2, r.StdoutLines.Length);
            Assert.Equal($"{Path.Combine(dir.FullName, "b_bad.pyc")}: unreadable: offset 16: bad marshal data (unknown type code)", r.StdoutLines[0]);
            Assert.Equal("checked 2 files: 1 identical, 0 differ, 1 unreadable", r.StdoutLines[1]);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}

public class DisTests
{
    private static string Mask(string s) => System.Text.RegularExpressions.Regex.Replace(s, " at 0x[0-9a-fA-F]+", " at 0xADDR");

    [Theory]
    [InlineData("2.7", "dis")]
    [InlineData("3.9", "dis")]
    [InlineData("3.13", "dis")]
    [InlineData("3.12", "show")]
    public void Prints_what_the_versions_own_dis_printed(string version, string command)
    {
        var pyc = Path.Combine(Pyc.Fixtures, version, "closures.pyc");
        var r = Pyc.Run(command, pyc);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllText(Path.ChangeExtension(pyc, command == "dis" ? ".dis" : ".show")), Mask(r.Stdout));
    }

    [Fact]
    public void A_version_the_command_cannot_do_is_one_line_and_the_rest_goes_on()
    {
        // Python 2's dis has no show_code (it came in 3.2): pyc show refuses 2.7 files and still does the others.
        var old = Path.Combine(Pyc.Fixtures, "2.7", "closures.pyc");
        var modern = Path.Combine(Pyc.Fixtures, "3.12", "closures.pyc");
        var r = Pyc.Run("show", old, modern);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal([$"pyc: {old}: Python 2.7 has no dis.show_code (it came in 3.2)"], r.StderrLines);
        Assert.Equal(File.ReadAllText(Path.ChangeExtension(modern, ".show")), Mask(r.Stdout));

        var dir = Directory.CreateTempSubdirectory("pycsharp-show-");
        try
        {
            // With -o, the refused file leaves no (empty) output behind.
            var withOutput = Pyc.Run("show", "-o", dir.FullName, old);
            Assert.Equal(1, withOutput.ExitCode);
            Assert.Equal([$"pyc: {old}: Python 2.7 has no dis.show_code (it came in 3.2)"], withOutput.StderrLines);
            Assert.Empty(Directory.GetFiles(dir.FullName, "*", SearchOption.AllDirectories));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Output_directory_mirrors_the_tree_and_bad_files_are_reported()
    {
        var dir = Directory.CreateTempSubdirectory("pycsharp-dis-");
        try
        {
            var input = Path.Combine(dir.FullName, "in");
            Directory.CreateDirectory(Path.Combine(input, "pkg"));
            File.Copy(Path.Combine(Pyc.Fixtures, "3.11", "generators.pyc"), Path.Combine(input, "pkg", "gen.pyc"));
            File.Copy(Path.Combine(Pyc.Fixtures, "3.8", "lambdas.pyc"), Path.Combine(input, "top.pyc"));
            File.WriteAllBytes(Path.Combine(input, "broken.pyc"), [0x55, 0x0d, 0x0d, 0x0a, 1, 2]);
            var output = Path.Combine(dir.FullName, "out");
            var r = Pyc.Run("dis", "-o", output, input);
            Assert.Equal(1, r.ExitCode);
            Assert.Single(r.StderrLines);
            Assert.Contains("broken.pyc", r.StderrLines[0]);
            Assert.Equal(File.ReadAllText(Path.Combine(Pyc.Fixtures, "3.11", "generators.dis")),
                Mask(File.ReadAllText(Path.Combine(output, "pkg", "gen.dis"))));
            Assert.Equal(File.ReadAllText(Path.Combine(Pyc.Fixtures, "3.8", "lambdas.dis")),
                Mask(File.ReadAllText(Path.Combine(output, "top.dis"))));
            Assert.False(File.Exists(Path.Combine(output, "broken.dis")));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}

public class GotoTests
{
    [Fact]
    public void Goto_writes_the_file_CPython_ran_and_refuses_bad_jumps_in_one_line()
    {
        var dir = Directory.CreateTempSubdirectory("pycsharp-goto-");
        try
        {
            var output = Path.Combine(dir.FullName, "out.pyc");
            var ok = Pyc.Run("goto", Path.Combine(Pyc.Fixtures, "3.12", "goto_idioms.pyc"), "-o", output);
            Assert.Equal(0, ok.ExitCode);
            Assert.Empty(ok.Stderr);
            // tools/record_hacks.sh ran exactly these bytes under CPython 3.12 (tests/fixtures/hacks/3.12/goto.out).
            Assert.Equal(File.ReadAllBytes(Path.Combine(Pyc.Fixtures, "hacks", "3.12", "goto.pyc")), File.ReadAllBytes(output));

            var refused = Path.Combine(Pyc.Fixtures, "3.12", "goto_refused.pyc");
            var bad = Pyc.Run("goto", refused, "-o", Path.Combine(dir.FullName, "bad.pyc"));
            Assert.Equal(1, bad.ExitCode);
            Assert.Equal([$"pyc: {refused}: line 7: goto .inside would jump into a loop (the label at line 9 has 1 more value(s) on the stack, such as a loop's iterator)"],
                bad.StderrLines);
            Assert.False(File.Exists(Path.Combine(dir.FullName, "bad.pyc")));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}

public class AsmCommandTests
{
    [Fact]
    public void Dis_asm_text_assembles_and_errors_name_file_line_and_column()
    {
        var dir = Directory.CreateTempSubdirectory("pycsharp-asm-");
        try
        {
            var pyc = Path.Combine(Pyc.Fixtures, "3.13", "closures.pyc");
            var text = Pyc.Run("dis", "--asm", pyc);
            Assert.Equal(0, text.ExitCode);
            Assert.StartsWith(".python 3.13\n.header ", text.Stdout);
            var asm = Path.Combine(dir.FullName, "c.pyasm");
            File.WriteAllText(asm, text.Stdout);
            var built = Path.Combine(dir.FullName, "c.pyc");
            var ok = Pyc.Run("asm", asm, "-o", built);
            Assert.Equal(0, ok.ExitCode);
            // Disassembled again, the assembled file reads exactly as CPython's dis printed the original.
            var dis = Pyc.Run("dis", built);
            Assert.Equal(File.ReadAllText(Path.ChangeExtension(pyc, ".dis")),
                System.Text.RegularExpressions.Regex.Replace(dis.Stdout, " at 0x[0-9a-fA-F]+", " at 0xADDR"));

            File.WriteAllText(asm, ".python 3.13\n.code\n    LOAD_FOO 1\n.end\n");
            var bad = Pyc.Run("asm", asm, "-o", built + "2");
            Assert.Equal(1, bad.ExitCode);
            Assert.Equal([$"pyc: {asm}:3:5: expected an instruction of Python 3.13, found 'LOAD_FOO'"], bad.StderrLines);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
