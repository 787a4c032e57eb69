using PycSharp.Bytecode.Disassembly;
using PycSharp.Bytecode.Editing;
using PycSharp.Format;
using PycSharp.Format.Objects;
using PycSharp.Format.Pyc;

namespace PycSharp.Bytecode.Tests;

public class EditingTests
{
    public static TheoryData<string> Versions() => Repo.FixtureVersionsWith("*.pyc");

    /// <summary>Every code object of every corpus .pyc (compiled by that CPython), loaded and written back unchanged.</summary>
    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_fixture_comes_back_identical_through_the_editable_form(string version)
    {
        var failures = new List<string>();
        int count = 0;
        foreach (var pyc in Directory.GetFiles(Path.Combine(Repo.Fixtures, version), "*.pyc").Order(StringComparer.Ordinal))
        {
            count++;
            var r = EditRoundTrip.Check(File.ReadAllBytes(pyc));
            if (r.Outcome != RoundTripOutcome.Identical)
                failures.Add($"{Path.GetFileName(pyc)}: {r.Reason}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(count >= 30);
    }

    /// <summary>
    /// NOPs inserted at the start of the code push every jump across argument sizes (one byte, EXTENDED_ARG, two);
    /// decoding the written code (as dis does, checked against CPython elsewhere) must find each jump going to the
    /// same instruction as before.
    /// </summary>
    [Theory]
    [MemberData(nameof(Versions))]
    public void Jumps_follow_their_targets_across_extended_arg_sizes(string version)
    {
        var v = PythonVersion.Parse(version);
        var table = Opcodes.OpcodeTables.For(v)!;
        int nop = table.OpcodeOf("NOP")!.Value;
        var disassembler = new Disassembler(v);
        int checkedJumps = 0;
        foreach (var pyc in Directory.GetFiles(Path.Combine(Repo.Fixtures, version), "*.pyc").Order(StringComparer.Ordinal).Take(12))
        {
            foreach (var code in PycFile.Read(File.ReadAllBytes(pyc)).Code!.SelfAndNested())
            {
                foreach (int padding in new[] { 0, 130, 300, 70_000 })
                {
                    var e = EditableCode.Load(code, v);
                    var jumps = e.Instructions.Where(i => i.Target is not null).ToList();
                    if (jumps.Count == 0)
                        continue;
                    // Padding goes before the middle instruction, so that some jumps cross it and some do not.
                    int at = e.Instructions.Count / 2;
                    e.Instructions.InsertRange(at, Enumerable.Range(0, padding).Select(_ => new EditableInstruction(nop)));
                    var written = e.ToCode();
                    var decoded = disassembler.GetInstructions(written);
                    var byOffset = decoded.ToDictionary(i => i.Offset);
                    // The written instructions in order, EXTENDED_ARG prefixes aside, line up with the list.
                    var main = decoded.Where(i => i.Opcode != table.ExtendedArg).ToList();
                    Assert.Equal(e.Instructions.Count(i => i.Opcode != table.ExtendedArg), main.Count);
                    var position = new Dictionary<EditableInstruction, Instruction>(ReferenceEqualityComparer.Instance);
                    int m = 0;
                    foreach (var ins in e.Instructions)
                        if (ins.Opcode != table.ExtendedArg)
                            position[ins] = main[m++];
                    foreach (var jump in jumps)
                    {
                        var at2 = position[jump];
                        Assert.Equal(jump.Opcode, at2.Opcode);
                        // dis reports the target as an offset; the target instruction starts there, prefixes included.
                        var target = position.TryGetValue(jump.Target!, out var t) ? t : null;
                        Assert.NotNull(target);
                        Assert.Equal(target!.StartOffset, at2.JumpTarget);
                        checkedJumps++;
                    }
                }
            }
        }
        Assert.True(checkedJumps > 50, $"only {checkedJumps} jumps checked");
    }
}

public class StackDepthTests
{
    /// <summary>
    /// co_stacksize recomputed from the stack effects against what each CPython's compiler wrote, for every code
    /// object of the corpus. It may be less, never more: 3.8 and 3.9 count before the peephole pass, and 3.11+ count
    /// handlers whose protected code compiled to nothing (a try that returns at once, its finally inlined), which no
    /// exception-table entry reaches any more. 3.10 has neither, so there it must be equal; elsewhere nearly always.
    /// </summary>
    [Theory]
    [InlineData("3.8")]
    [InlineData("3.9")]
    [InlineData("3.10")]
    [InlineData("3.11")]
    [InlineData("3.12")]
    [InlineData("3.13")]
    [InlineData("3.14")]
    public void Recomputed_stack_size_is_CPythons(string version)
    {
        var v = PythonVersion.Parse(version);
        var failures = new List<string>();
        int count = 0, less = 0;
        foreach (var pyc in Directory.GetFiles(Path.Combine(Repo.Fixtures, version), "*.pyc").Order(StringComparer.Ordinal))
        {
            foreach (var code in PycFile.Read(File.ReadAllBytes(pyc)).Code!.SelfAndNested())
            {
                count++;
                int computed = EditableCode.Load(code, v).ComputeStackSize()!.Value;
                string what = $"{Path.GetFileName(pyc)} {code.NameText} (line {code.FirstLineNo}): CPython {code.StackSize}, computed {computed}";
                if (computed > code.StackSize || (computed < code.StackSize && v.Minor == 10))
                    failures.Add(what);
                else if (computed < code.StackSize)
                    less++;
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(count > 100);
        Assert.True(less * 50 < count, $"{less} of {count} code objects computed below CPython's");
    }

    [Fact]
    public void Underflow_and_inconsistent_joins_name_the_offset()
    {
        var v = new PythonVersion(3, 12);
        var table = Opcodes.OpcodeTables.For(v)!;
        int Op(string name) => table.OpcodeOf(name)!.Value;
        var code = EditableCode.Load(PycFile.Read(File.ReadAllBytes(Path.Combine(Repo.Fixtures, "3.12", "closures.pyc"))).Code!, v);
        code.Instructions.Insert(1, new EditableInstruction(Op("POP_TOP")));
        var e = Assert.Throws<EditException>(() => code.ToCode());
        Assert.Contains("offset 2: POP_TOP would pop from an empty stack", e.Message);

        // A conditional jump over a push: the target is reached with one value more on one path than the other.
        var join = EditableCode.Load(PycFile.Read(File.ReadAllBytes(Path.Combine(Repo.Fixtures, "3.12", "closures.pyc"))).Code!, v);
        var target = join.Instructions[^1];
        join.Instructions.InsertRange(1,
        [
            new EditableInstruction(Op("LOAD_CONST"), 0),
            new EditableInstruction(Op("POP_JUMP_IF_TRUE")) { Target = target },
            new EditableInstruction(Op("LOAD_CONST"), 0),
        ]);
        e = Assert.Throws<EditException>(() => join.ToCode());
        Assert.Matches("offset \\d+ is reached with \\d+ values on the stack and, from offset \\d+, with \\d+", e.Message);
    }
}
