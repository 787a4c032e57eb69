using System.CommandLine;
using PycSharp.Bytecode.Asm;
using PycSharp.Bytecode.Disassembly;
using PycSharp.Bytecode.Editing;
using PycSharp.Format;
using PycSharp.Format.Pyc;
using PycSharp.Format.Text;

namespace PycSharp.Cli;

/// <summary>Commands that turn each file into text: `pyc dis` and `pyc show`.</summary>
internal static class TextCommand
{
    /// <summary>
    /// Makes the writer of one file's text. Constructing it is where an unsupported version is refused
    /// (NotSupportedException), before any output is opened.
    /// </summary>
    private delegate Action<TextWriter> Prepare(ParseResult result, PycFile file, HashProfile build);

    public static Command Dis()
    {
        var json = new Option<bool>("--json") { Description = "Instruction records as JSON Lines (the fields of dis.Instruction) instead of text" };
        var offsets = new Option<bool>("--show-offsets") { Description = "Show instruction offsets (3.13+, where dis hides them by default)" };
        var caches = new Option<bool>("--show-caches") { Description = "Show inline CACHE entries (3.11+)" };
        var positions = new Option<bool>("--show-positions") { Description = "Show source positions instead of line numbers (3.14+)" };
        var asm = new Option<bool>("--asm") { Description = "Print .pyasm assembly text instead (pyc asm reads it back; see docs/pyasm.md)" };
        return Create("dis", "Disassemble .pyc files exactly as their version's dis.dis() prints them",
            result => result.GetValue(asm) ? ".pyasm" : ".dis",
            (result, file, build) =>
            {
                if (result.GetValue(asm))
                {
                    string text = AsmWriter.Write(file);
                    return output => output.Write(text);
                }
                var disassembler = new Disassembler(file.Version, build, result.GetValue(offsets), result.GetValue(caches),
                    result.GetValue(positions));
                return result.GetValue(json)
                    ? output => output.Write(InstructionJson.Write(file.Code!, disassembler))
                    : output => disassembler.Disassemble(file.Code!, output);
            },
            json, offsets, caches, positions, asm);
    }

    public static Command Show() => Create("show",
        "Print dis.show_code() of every code object in .pyc files (depth first, separated by '---' lines), as their version does", _ => ".show",
        (_, file, build) =>
        {
            var show = new ShowCode(file.Version, build);
            return output => output.Write(show.FormatAll(file.Code!));
        });

    private static Command Create(string name, string description, Func<ParseResult, string> extensionOf, Prepare prepare, params Option[] extra)
    {
        var paths = CommandLine.PathsArgument();
        var python = CommandLine.PythonOption();
        var raw = CommandLine.RawOption();
        var output = new Option<string?>("--output", "-o") { Description = "Write one text file per input into this directory, mirroring the tree" };
        var hashBits = new Option<int>("--hash-bits")
        {
            Description = "Word size of the CPython build to imitate: 64, or 32 for pyodide/WebAssembly (it decides the order frozensets print in)",
            DefaultValueFactory = _ => 64,
        };
        hashBits.AcceptOnlyFromAmong("64", "32");
        var noneHash = new Option<long?>("--none-hash")
        {
            Description = "hash(None) of the interpreter to imitate (before 3.12 it comes from None's address in that binary): "
                + "frozensets holding None then print in its order; without it they keep their marshal order",
        };
        var command = new Command(name, description) { paths, python, raw, output, hashBits, noneHash };
        foreach (var option in extra)
            command.Add(option);
        command.SetAction(result =>
        {
            var options = CommandLine.ReadOptions(result, python, raw);
            var build = new HashProfile(result.GetValue(hashBits), result.GetValue(noneHash));
            var outDir = result.GetValue(output);
            string extension = extensionOf(result);
            var inputs = PycPaths.Expand(result.GetValue(paths)!).ToArray();
            if (outDir is null)
            {
                int exit = CommandLine.Success;
                using var stdout = Console.OpenStandardOutput();
                var writer = Utf8Output.ForThisThread();
                foreach (var input in inputs)
                {
                    if (Load(input, options, result, build, prepare, out var error) is not { } write)
                    {
                        CommandLine.ReportError(input.Path, error!);
                        exit = CommandLine.BadInput;
                        continue;
                    }
                    // Flushed after each file, so that stderr lines about the next one come after it.
                    writer.Start(stdout);
                    try
                    {
                        write(writer);
                    }
                    finally
                    {
                        writer.Finish(closeTarget: false);
                    }
                }
                return exit;
            }

            // Many files: all cores, one output file per input, written as it is produced; errors in input order.
            var errors = new string?[inputs.Length];
            var progress = new Progress(inputs.Length);
            Parallel.For(0, inputs.Length, i =>
            {
                if (Load(inputs[i], options, result, build, prepare, out errors[i]) is { } write)
                {
                    var target = inputs[i].OutputPath(outDir, extension);
                    try
                    {
                        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                        var writer = Utf8Output.ForThisThread();
                        writer.Start(new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0));
                        try
                        {
                            write(writer);
                        }
                        finally
                        {
                            writer.Finish(closeTarget: true);
                        }
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        errors[i] = $"cannot write {target}: {e.Message}";
                    }
                }
                progress.Step();
            });
            progress.Done();
            int failed = 0;
            for (int i = 0; i < inputs.Length; i++)
            {
                if (errors[i] is { } e)
                {
                    CommandLine.ReportError(inputs[i].Path, e);
                    failed++;
                }
            }
            return failed == 0 ? CommandLine.Success : CommandLine.BadInput;
        });
        return command;
    }

    /// <summary>Reads a file and prepares its text; else null and a one-line reason (bad data, no code object,
    /// a version the command does not support).</summary>
    private static Action<TextWriter>? Load(PycInput input, PycReadOptions options, ParseResult result, HashProfile build,
        Prepare prepare, out string? error)
    {
        error = input.Error;
        if (error is not null)
            return null;
        try
        {
            var file = PycFile.Read(File.ReadAllBytes(input.Path).AsMemory(), options);
            if (file.Code is null)
            {
                error = $"holds a {file.Object.TypeName}, not a code object";
                return null;
            }
            return prepare(result, file, build);
        }
        catch (PycFormatException e)
        {
            error = $"offset {e.Offset}: {e.Reason}";
        }
        catch (NotSupportedException e)
        {
            error = e.Message;
        }
        catch (EditException e)
        {
            error = e.Message;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
        }
        return null;
    }

    /// <summary>A one-line progress counter on stderr, only when stderr is a terminal.</summary>
    private sealed class Progress(int total)
    {
        private readonly bool _enabled = !Console.IsErrorRedirected && total > 1;
        private readonly Lock _lock = new();
        private int _done;
        private long _lastTick;

        public void Step()
        {
            int done = Interlocked.Increment(ref _done);
            if (!_enabled)
                return;
            long now = Environment.TickCount64;
            long last = Interlocked.Read(ref _lastTick);
            if (now - last < 100 && done != total)
                return;
            if (Interlocked.CompareExchange(ref _lastTick, now, last) == last)
                lock (_lock)
                    Console.Error.Write($"\r{done}/{total} files");
        }

        public void Done()
        {
            if (_enabled)
                Console.Error.Write("\r" + new string(' ', 30) + "\r");
        }
    }
}
