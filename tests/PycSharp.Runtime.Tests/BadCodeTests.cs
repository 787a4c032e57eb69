using PycSharp.Bytecode.Opcodes;
using PycSharp.Format;

namespace PycSharp.Runtime.Tests;

/// <summary>
/// Issue 5: a malformed code object stops the run with one line naming the file, the code object and the offset;
/// never a .NET exception, never a Python traceback from inside the VM. Each case damages one instruction of the
/// module code of tests/fixtures/X.Y/talk_example.pyc, whose co_code starts RESUME 0, LOAD_CONST 0.
/// </summary>
public class BadCodeTests
{
    public static TheoryData<string, string, string> Cases() => new()
    {
        // LOAD_CONST 200 with three constants.
        { "3.12", "const", "index 200 is outside co_consts" },
        // POP_TOP where LOAD_CONST was: the stack underflows at once.
        { "3.12", "underflow", "POP_TOP would pop from an empty stack" },
        // An opcode byte no version defines.
        { "3.12", "unknown", "is not supported by the VM" },
        { "3.11", "const", "index 200 is outside co_consts" },
        { "3.13", "underflow", "POP_TOP would pop from an empty stack" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MalformedCodeStopsWithOneLine(string version, string damage, string reason)
    {
        var source = Path.Combine(Repo.Fixtures, version, "talk_example.pyc");
        var data = File.ReadAllBytes(source);
        var table = OpcodeTables.For(PythonVersion.Parse(version))!;
        int resume = table.OpcodeOf("RESUME")!.Value, loadConst = table.OpcodeOf("LOAD_CONST")!.Value;
        int at = IndexOf(data, [(byte)resume, 0, (byte)loadConst, 0]) + 2;
        Assert.True(at > 2, "the module code starts RESUME 0, LOAD_CONST 0");
        switch (damage)
        {
            case "const":
                data[at + 1] = 200;
                break;
            case "underflow":
                data[at] = (byte)table.OpcodeOf("POP_TOP")!.Value;
                break;
            default:
                data[at] = (byte)Enumerable.Range(1, 255).First(op => table.OpName(op).StartsWith('<'));
                break;
        }
        var path = Path.Combine(Path.GetTempPath(), $"pycsharp-bad-{version}-{damage}-{Environment.ProcessId}.pyc");
        File.WriteAllBytes(path, data);
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit = VirtualMachine.RunFile(path, [], stdout, stderr, new StringReader(""));
            Assert.Equal(1, exit);
            Assert.Equal("", stdout.ToString());
            var lines = stderr.ToString().TrimEnd().Split('\n');
            Assert.Single(lines);
            Assert.StartsWith($"pyc: {path}: code object <module> (line 1): offset ", lines[0]);
            Assert.Contains(reason, lines[0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int IndexOf(byte[] data, byte[] pattern)
    {
        for (int i = 0; i + pattern.Length <= data.Length; i++)
            if (data.AsSpan(i, pattern.Length).SequenceEqual(pattern))
                return i;
        return -1;
    }
}
