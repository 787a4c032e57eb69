using PycSharp.Bytecode.Opcodes;

namespace PycSharp.Bytecode.Editing;

/// <summary>co_code as assembled: the bytes, and where each instruction starts (its first EXTENDED_ARG prefix) and how
/// many bytes it takes, prefixes and caches included.</summary>
internal sealed record AssembledCode(byte[] Code, int[] Starts, int[] Sizes, Dictionary<EditableInstruction, int> Index)
{
    /// <summary>Offset of an instruction of the list, or the end of the code for null.</summary>
    public int OffsetOf(EditableInstruction? instruction, string what) => instruction is null
        ? Code.Length
        : Index.TryGetValue(instruction, out int i)
            ? Starts[i]
            : throw new EditException($"{what} is an instruction that is not in the code");
}

/// <summary>Between co_code and instruction lists: EXTENDED_ARG folding, jump targets, caches.</summary>
internal static class CodeUnits
{
    /// <summary>
    /// Decodes co_code into <paramref name="into"/>, folding EXTENDED_ARG prefixes into the argument they extend and
    /// pointing jumps at their targets. Returns each instruction's start offset (of its first prefix).
    /// </summary>
    public static int[] Decode(ReadOnlySpan<byte> code, OpcodeTable table, List<EditableInstruction> into)
    {
        var starts = new List<int>();
        var opOffsets = new List<int>();
        // A run of EXTENDED_ARG prefixes waiting for the instruction they extend: (offset, argument unit).
        var prefixes = new List<(int Offset, uint Value)>();
        int unitBits = table.IsWordcode ? 8 : 16;
        int maxPrefixes = table.IsWordcode ? 3 : 1;
        int i = 0;
        while (i < code.Length)
        {
            int op = code[i];
            var info = table.Info(op);
            bool hasArg = table.IsWordcode || op >= table.HaveArgument;
            int opSize = table.IsWordcode ? 2 : hasArg ? 3 : 1;
            int size = opSize + 2 * info.Caches;
            if (i + size > code.Length)
                throw new EditException($"co_code ends inside the instruction at offset {i} ({table.OpName(op)})");
            uint arg = !hasArg ? 0 : table.IsWordcode ? code[i + 1] : (uint)(code[i + 1] | code[i + 2] << 8);
            bool isPrefix = op == table.ExtendedArg || info.Deopt == table.ExtendedArg;
            if (isPrefix)
            {
                prefixes.Add((i, arg));
                i += size;
                continue;
            }
            // Prefixes extend the next instruction's argument only if it has one (dis reads it); else they stay
            // instructions of their own, as do any beyond what 32 bits hold.
            bool readsArg = table.IsWordcode ? info.DisReadsArg : hasArg;
            int fold = readsArg ? Math.Min(prefixes.Count, maxPrefixes) : 0;
            for (int k = 0; k < prefixes.Count - fold; k++)
                Add(new EditableInstruction(table.ExtendedArg, (int)prefixes[k].Value), prefixes[k].Offset, prefixes[k].Offset);
            uint value = 0;
            for (int k = prefixes.Count - fold; k < prefixes.Count; k++)
                value = value << unitBits | prefixes[k].Value;
            value = value << unitBits | arg;
            var ins = new EditableInstruction(op, unchecked((int)value));
            // A jump keeps the prefixes it was read with: CPython's assembler only ever adds prefixes while it
            // settles jump offsets, so a jump can keep one its final argument would not need.
            if (fold > Needed(value, table) || (fold > 0 && table.IsJump(op)))
                ins.MinimumExtendedArgs = fold;
            if (info.Caches > 0)
                ins.Caches = code.Slice(i + opSize, 2 * info.Caches).ToArray();
            Add(ins, fold > 0 ? prefixes[^fold].Offset : i, i);
            prefixes.Clear();
            i += size;
        }
        foreach (var (offset, value) in prefixes)
            Add(new EditableInstruction(table.ExtendedArg, (int)value), offset, offset);

        var byStart = new Dictionary<long, EditableInstruction>(into.Count);
        for (int k = 0; k < into.Count; k++)
            byStart[starts[k]] = into[k];
        for (int k = 0; k < into.Count; k++)
        {
            var ins = into[k];
            if (table.IsJump(ins.Opcode) && table.JumpTarget(opOffsets[k], ins.Opcode, (uint)ins.Arg) is { } target
                && byStart.TryGetValue(target, out var to))
                ins.Target = to;
        }
        return [.. starts];

        void Add(EditableInstruction ins, int start, int opOffset)
        {
            into.Add(ins);
            starts.Add(start);
            opOffsets.Add(opOffset);
        }
    }

    /// <summary>EXTENDED_ARG prefixes an argument needs: one per byte above the first (per 16 bits in Python 2).</summary>
    public static int Needed(uint arg, OpcodeTable table) => table.IsWordcode
        ? arg < 1u << 8 ? 0 : arg < 1u << 16 ? 1 : arg < 1u << 24 ? 2 : 3
        : arg < 1u << 16 ? 0 : 1;

    /// <summary>
    /// Assembles co_code. Jump arguments depend on where instructions land, which depends on how many EXTENDED_ARG
    /// prefixes each jump needs: prefix counts start at what each argument needs and only grow, until nothing
    /// changes (as CPython's assembler iterates its jump offsets).
    /// </summary>
    public static AssembledCode Encode(List<EditableInstruction> instructions, OpcodeTable table)
    {
        int n = instructions.Count;
        var index = new Dictionary<EditableInstruction, int>(n, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < n; i++)
            if (!index.TryAdd(instructions[i], i))
                throw new EditException($"instruction {i} appears twice in the list");
        int unit = table.IsWordcode ? 2 : 3;
        var args = new uint[n];
        var prefixes = new int[n];
        var sizes = new int[n];
        var starts = new int[n];
        var targets = new int[n];
        for (int i = 0; i < n; i++)
        {
            var ins = instructions[i];
            if ((uint)ins.Opcode > 255)
                throw new EditException($"instruction {i}: opcode {ins.Opcode} is not a byte");
            if (ins.Target is { } target)
            {
                if (!table.IsJump(ins.Opcode))
                    throw new EditException($"instruction {i} ({table.OpName(ins.Opcode)}) has a jump target but is not a jump");
                targets[i] = index.TryGetValue(target, out int t)
                    ? t
                    : throw new EditException($"instruction {i} ({table.OpName(ins.Opcode)}) jumps to an instruction that is not in the code");
            }
            else
                targets[i] = -1;
            args[i] = unchecked((uint)ins.Arg);
            prefixes[i] = Math.Max(ins.MinimumExtendedArgs, targets[i] >= 0 ? 0 : Needed(args[i], table));
        }
        int length;
        while (true)
        {
            length = 0;
            for (int i = 0; i < n; i++)
            {
                var info = table.Info(instructions[i].Opcode);
                bool hasArg = table.IsWordcode || instructions[i].Opcode >= table.HaveArgument;
                sizes[i] = hasArg ? (prefixes[i] + 1) * unit + 2 * info.Caches : 1;
                starts[i] = length;
                length += sizes[i];
            }
            bool changed = false;
            for (int i = 0; i < n; i++)
            {
                if (targets[i] < 0)
                    continue;
                var ins = instructions[i];
                int opOffset = starts[i] + prefixes[i] * unit;
                if (!table.TryJumpArg(opOffset, ins.Opcode, starts[targets[i]], out long arg) || arg > uint.MaxValue)
                    throw new EditException($"instruction {i} ({table.OpName(ins.Opcode)}) at offset {opOffset} cannot jump to offset {starts[targets[i]]}");
                args[i] = (uint)arg;
                int need = Math.Max(ins.MinimumExtendedArgs, Needed(args[i], table));
                if (need > prefixes[i])
                {
                    prefixes[i] = need;
                    changed = true;
                }
            }
            if (!changed)
                break;
        }

        var code = new byte[length];
        for (int i = 0; i < n; i++)
        {
            var ins = instructions[i];
            int at = starts[i];
            if (sizes[i] == 1)
            {
                code[at] = (byte)ins.Opcode;
                continue;
            }
            int bits = table.IsWordcode ? 8 : 16;
            for (int p = prefixes[i]; p >= 0; p--)
            {
                uint part = bits * p >= 32 ? 0 : args[i] >> (bits * p);
                part = table.IsWordcode ? part & 0xff : part & 0xffff;
                code[at] = (byte)(p > 0 ? table.ExtendedArg : ins.Opcode);
                code[at + 1] = (byte)part;
                if (!table.IsWordcode)
                    code[at + 2] = (byte)(part >> 8);
                at += unit;
            }
            int cacheBytes = 2 * table.Info(ins.Opcode).Caches;
            if (ins.Caches is { } caches && caches.Length == cacheBytes)
                caches.CopyTo(code, at);
        }
        return new AssembledCode(code, starts, sizes, index);
    }
}
