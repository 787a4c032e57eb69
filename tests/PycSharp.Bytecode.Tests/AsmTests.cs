using PycSharp.Bytecode.Asm;
using PycSharp.Format;
using PycSharp.Format.Objects;
using PycSharp.Format.Pyc;

namespace PycSharp.Bytecode.Tests;

public class AsmTests
{
    public static TheoryData<string> Versions() => Repo.FixtureVersionsWith("*.pyc");

    /// <summary>Every corpus .pyc (compiled by that CPython), written as .pyasm and assembled again, gives the same bytes.</summary>
    [Theory]
    [MemberData(nameof(Versions))]
    public void Text_assembles_back_to_the_same_bytes(string version)
    {
        var failures = new List<string>();
        int count = 0;
        foreach (var pyc in Directory.GetFiles(Path.Combine(Repo.Fixtures, version), "*.pyc").Order(StringComparer.Ordinal))
        {
            count++;
            var r = AsmRoundTrip.Check(File.ReadAllBytes(pyc));
            if (r.Outcome != RoundTripOutcome.Identical)
                failures.Add($"{Path.GetFileName(pyc)}: {r.Reason}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(count >= 30);
    }

    /// <summary>What the assembled file prints under the real interpreter is what the original printed (the corpus
    /// .out files are CPython's). Runs where the interpreter is installed.</summary>
    [Theory]
    [InlineData("3.8")]
    [InlineData("3.10")]
    [InlineData("3.12")]
    [InlineData("3.13")]
    public void Assembled_files_run_as_the_originals(string version)
    {
        string[] programs = ["closures", "exceptions", "goto_idioms_plain", "generators"];
        var dir = Path.Combine(Repo.Fixtures, version);
        var files = programs.Select(p => AsmReader.Assemble(AsmWriter.Write(PycFile.Read(File.ReadAllBytes(Path.Combine(dir, p + ".pyc")))))).ToList();
        var outputs = RealPython.Run(version, files);
        if (outputs is null)
            return; // no interpreter here: the byte-for-byte comparison above still holds
        for (int i = 0; i < programs.Length; i++)
            Assert.Equal(File.ReadAllText(Path.Combine(dir, programs[i] + ".out")), outputs[i]);
    }

    /// <summary>
    /// The hacks of README.md done in the text: `*` made `+` and a constant changed. The marshal line no longer fits
    /// everywhere; the file must still load and print what CPython prints for hack_targets_edited.py.
    /// </summary>
    [Theory]
    [InlineData("3.8")]
    [InlineData("3.11")]
    [InlineData("3.12")]
    [InlineData("3.13")]
    public void Edited_text_assembles_into_a_working_file(string version)
    {
        var dir = Path.Combine(Repo.Fixtures, version);
        string text = AsmWriter.Write(PycFile.Read(File.ReadAllBytes(Path.Combine(dir, "hack_targets.pyc"))));
        string edited = text.Replace("'hello, '", "'goodbye, '", StringComparison.Ordinal);
        edited = version == "3.8"
            ? edited.Replace("BINARY_MULTIPLY", "BINARY_ADD", StringComparison.Ordinal)
            : edited.Replace("BINARY_OP *", "BINARY_OP +", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);
        var bytes = AsmReader.Assemble(edited);
        var code = PycFile.Read(bytes).Code!;
        Assert.Contains(code.SelfAndNested().SelectMany(c => c.Consts.Items), c => c is PyString { Value: "goodbye, " });
        var outputs = RealPython.Run(version, [bytes]);
        if (outputs is not null)
            Assert.Equal(File.ReadAllText(Path.Combine(dir, "hack_targets_edited.out")), outputs[0]);
    }

    [Theory]
    [InlineData("LOAD_FOO 1", "4:5: expected an instruction of Python 3.12, found 'LOAD_FOO'")]
    [InlineData("JUMP_FORWARD L9", "4:5: no label L9")]
    [InlineData("JUMP_FORWARD to nowhere", "4:5: no label nowhere")]
    [InlineData("LOAD_CONST 'unterminated", "4:16: unterminated string")]
    [InlineData("LOAD_FAST nothere", "4:5: no variable 'nothere' in this code object")]
    [InlineData("NOP !bogus", "4:9: expected !ext, !cache or !lnotab, found '!bogus'")]
    [InlineData("BINARY_OP ++", "4:15: expected a number or what dis shows for BINARY_OP's argument, found '++'")]
    public void Errors_name_the_line_and_column(string instruction, string expected)
    {
        string text = $".python 3.12\n.code\n  name 'm'\n    {instruction}\n.end\n";
        var e = Assert.Throws<AsmException>(() => AsmReader.Assemble(text));
        Assert.Equal(expected, e.Message);
    }

    [Fact]
    public void Deeply_nested_constants_are_an_error_not_a_crash()
    {
        string text = ".python 3.12\n.code\n  const " + new string('(', 100_000) + "\n.end\n";
        var e = Assert.Throws<AsmException>(() => AsmReader.Assemble(text));
        Assert.Equal("3:9: constants nested deeper than 2000 levels", e.Message);
    }

    [Fact]
    public void Labels_may_be_named_and_jumps_may_say_to()
    {
        // while True: if x: break  … written by hand with named labels, in 3.12.
        const string text = """
            .python 3.12
            .code
              name 'f'
              localsplus 'x' 0x20
              argcount 1
              flags 0x3
              @ 1
                RESUME 0
             loop:
                LOAD_FAST x
                POP_JUMP_IF_TRUE to done
                JUMP_BACKWARD loop
             done:
                RETURN_CONST None
            .end
            """;
        var (version, code) = AsmReader.ReadCode(text);
        var dis = new Disassembly.Disassembler(version).GetInstructions(code);
        Assert.Equal(["RESUME", "LOAD_FAST", "POP_JUMP_IF_TRUE", "JUMP_BACKWARD", "RETURN_CONST"], dis.Select(i => i.OpName));
        Assert.Equal(dis[4].Offset, dis[2].JumpTarget);
        Assert.Equal(dis[1].Offset, dis[3].JumpTarget);
    }

    [Fact]
    public void A_comment_after_options_may_hold_an_exclamation_mark()
    {
        // COMPARE_OP's comment is "; !="; the !lnotab pairs end where a comment starts. They are written as given
        // (the compiler's own way would be the single pair 2,1).
        const string text = ".python 3.8\n.code\n  name 'm'\n  const 1\n  @ 1\n    LOAD_CONST 1\n  @ 2\n    LOAD_CONST 1 !lnotab 2,0 0,1  ; again\n    COMPARE_OP 3 !ext 1  ; !=\n    RETURN_VALUE\n.end\n";
        var (_, code) = AsmReader.ReadCode(text);
        Assert.Equal([2, 0, 0, 1], code.LineTable.Span.ToArray());
        Assert.Equal(0x90, code.Code.Span[4]); // the !ext before the comment was read: an EXTENDED_ARG prefix
    }

    [Fact]
    public void Hand_written_text_assembles_into_a_module()
    {
        const string text = """
            .python 3.12
            .code
              name '<module>'
              qualname '<module>'
              filename 'hand.py'
              @ 1
                RESUME 0
                LOAD_CONST 2
                LOAD_CONST 3
                BINARY_OP **
                POP_TOP
                PUSH_NULL
                LOAD_NAME print
                LOAD_CONST 'hi'
                CALL 1
                POP_TOP
                RETURN_CONST None
            .end
            """;
        var (version, code) = AsmReader.ReadCode(text);
        Assert.Equal(new PythonVersion(3, 12), version);
        var dis = new Disassembly.Disassembler(version).GetInstructions(code);
        Assert.Equal(["RESUME", "LOAD_CONST", "LOAD_CONST", "BINARY_OP", "POP_TOP", "PUSH_NULL", "LOAD_NAME", "LOAD_CONST", "CALL", "POP_TOP", "RETURN_CONST"],
            dis.Select(i => i.OpName));
        Assert.Equal("**", dis[3].ArgRepr);
        Assert.Equal("print", dis[6].ArgRepr);
        Assert.Equal("'hi'", dis[7].ArgRepr);
        // CPython 3.12 compiles the same program, `x ** 3` then `print('hi')`, with co_stacksize 3.
        Assert.Equal(3, code.StackSize);
        var outputs = RealPython.Run("3.12", [new PycFile(PycHeader.Create(version), version, code).ToBytes()]);
        if (outputs is not null)
            Assert.Equal("hi\n", outputs[0]);
    }
}
