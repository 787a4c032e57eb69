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
