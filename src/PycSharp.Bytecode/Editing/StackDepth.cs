using System.Collections.Immutable;
using PycSharp.Bytecode.Opcodes;

namespace PycSharp.Bytecode.Editing;

/// <summary>
/// co_stacksize from the version's stack effects, the way CPython's compiler computes it (stackdepth() in
/// Python/compile.c, Python/flowgraph.c from 3.12): a walk over the reachable code that follows each jump with the
/// jump's effect and each fall-through with the other, up to an instruction that never falls through; every depth
/// reached counts. A 3.11+ exception handler is entered at its region's depth, plus one for lasti if it keeps it,
/// plus one for the exception.
/// </summary>
internal static class StackDepth
{
    /// <summary>
    /// Instructions after which execution does not go on to the next one (Include/internal/pycore_opcode_utils.h:
    /// IS_UNCONDITIONAL_JUMP_OPCODE, IS_SCOPE_EXIT_OPCODE; the same names in earlier compile.c stackdepth()).
    /// </summary>
    private static readonly HashSet<string> s_noFallThrough =
    [
        "JUMP_FORWARD", "JUMP_ABSOLUTE", "JUMP_BACKWARD", "JUMP_BACKWARD_NO_INTERRUPT", "JUMP", "JUMP_NO_INTERRUPT",
        "RETURN_VALUE", "RETURN_CONST", "RAISE_VARARGS", "RERAISE",
    ];

    private const int MaxDepth = 1 << 20;

    /// <summary>The deepest the stack gets; null if the version's dis has no jump-aware stack effects (before 3.8).</summary>
    /// <exception cref="EditException">The stack would underflow, a join is reached at two depths, or an
    /// instruction has no known effect.</exception>
    public static int? Compute(EditableCode code, AssembledCode assembled) => Analyze(code, assembled)?.Max;

    /// <summary>
    /// The walk's findings: the deepest the stack gets, the depth before each instruction (-1: never reached), and
    /// what protects each instruction: the 3.11+ exception region (index, or -1), or up to 3.10 the block stack
    /// (SETUP_* instructions by index; a handler entered from one by its complement), null where two paths bring
    /// different block stacks.
    /// </summary>
    internal sealed record Flow(int Max, int[] DepthAt, int[] RegionOf, ImmutableStack<int>?[] BlocksAt);

    /// <summary>Block-stack instructions up to 3.10 (Python/ceval.c): the SETUP_* push a block, and a handler is
    /// entered with an EXCEPT_HANDLER block in its place, which POP_EXCEPT (or 3.8's END_FINALLY) removes.</summary>
    private static readonly HashSet<string> s_setups = ["SETUP_FINALLY", "SETUP_WITH", "SETUP_ASYNC_WITH", "SETUP_EXCEPT", "SETUP_LOOP"];

    private static ImmutableStack<int> Blocks(ImmutableStack<int> blocks, string opname, int index, bool jump)
    {
        if (s_setups.Contains(opname))
            return blocks.Push(jump ? ~index : index);
        if (opname == "POP_BLOCK" && !blocks.IsEmpty)
            return blocks.Pop();
        if (opname is "POP_EXCEPT" or "END_FINALLY" && !blocks.IsEmpty && blocks.Peek() < 0)
            return blocks.Pop();
        return blocks;
    }

    /// <inheritdoc cref="Compute"/>
    internal static Flow? Analyze(EditableCode code, AssembledCode assembled)
    {
        var table = code.Table;
        if (!table.StackEffectHasJump)
            return null;
        var blocksAt = new ImmutableStack<int>?[code.Instructions.Count];
        var blocksSeen = new bool[code.Instructions.Count];
        var instructions = code.Instructions;
        int n = instructions.Count;
        var depthAt = new int[n];
        Array.Fill(depthAt, -1);
        // The exception region covering each instruction (3.11+ regions do not overlap).
        var regionOf = new int[n];
        Array.Fill(regionOf, -1);
        for (int r = 0; r < code.ExceptionRegions.Count; r++)
        {
            var region = code.ExceptionRegions[r];
            int start = assembled.Index[region.Start];
            int end = region.End is null ? n : assembled.Index[region.End];
            for (int i = start; i < end; i++)
                regionOf[i] = r;
        }
        var handlerPushed = new bool[code.ExceptionRegions.Count];
        var work = new Stack<(int Index, int Depth, ImmutableStack<int> Blocks)>();
        var dialect = Disassembly.DisDialect.For(code.Version);
        const int generatorFlags = 0x20 | 0x80 | 0x200; // CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR
        int entry = dialect.GeneratorStackStartsAtOne && (code.Flags & generatorFlags) != 0 ? 1 : 0;
        int max = Math.Max(entry, dialect.MinimumStackSize);
        if (n > 0)
            Push(0, entry, -1, ImmutableStack<int>.Empty);
        while (work.Count > 0)
        {
            var (i, depth, blocks) = work.Pop();
            for (; i < n; i++)
            {
                var ins = instructions[i];
                string opname = table.OpName(ins.Opcode);
                NoteBlocks(i, blocks);
                if (regionOf[i] is >= 0 and var r && !handlerPushed[r])
                {
                    handlerPushed[r] = true;
                    var region = code.ExceptionRegions[r];
                    int handlerDepth = region.Depth + (region.Lasti ? 1 : 0) + 1;
                    max = Math.Max(max, handlerDepth);
                    Push(assembled.Index[region.Handler], handlerDepth, i, blocks);
                }
                long arg = unchecked((uint)ins.Arg);
                int effect = table.StackEffect(ins.Opcode, arg, jump: false)
                    ?? throw new EditException($"offset {assembled.Starts[i]}: no stack effect known for {table.OpName(ins.Opcode)} {arg}");
                int next = depth + effect;
                if (next < 0)
                    throw new EditException($"offset {assembled.Starts[i]}: {table.OpName(ins.Opcode)} would pop from an empty stack (depth {depth}, effect {effect})");
                max = Math.Max(max, next);
                if (ins.Target is { } target && table.IsControlJump(ins.Opcode))
                {
                    int jumpEffect = table.StackEffect(ins.Opcode, arg, jump: true)
                        ?? throw new EditException($"offset {assembled.Starts[i]}: no jump stack effect known for {table.OpName(ins.Opcode)} {arg}");
                    int targetDepth = depth + jumpEffect;
                    if (targetDepth < 0)
                        throw new EditException($"offset {assembled.Starts[i]}: {table.OpName(ins.Opcode)} jumps with an empty stack");
                    max = Math.Max(max, targetDepth);
                    Push(assembled.Index[target], targetDepth, i, Blocks(blocks, opname, i, jump: true));
                }
                if (s_noFallThrough.Contains(opname))
                    break;
                depth = next;
                blocks = Blocks(blocks, opname, i, jump: false);
                // Falling into code already walked: the depths must agree, and the rest is done.
                if (i + 1 < n && depthAt[i + 1] >= 0)
                {
                    Push(i + 1, depth, i, blocks);
                    break;
                }
                if (i + 1 < n)
                    depthAt[i + 1] = depth;
            }
        }
        return new Flow(max, depthAt, regionOf, blocksAt);

        void NoteBlocks(int index, ImmutableStack<int> blocks)
        {
            if (!blocksSeen[index])
            {
                blocksSeen[index] = true;
                blocksAt[index] = blocks;
            }
            else if (blocksAt[index] is { } seen && !seen.SequenceEqual(blocks))
                blocksAt[index] = null;
        }

        void Push(int index, int depth, int from, ImmutableStack<int> blocks)
        {
            NoteBlocks(index, blocks);
            if (depthAt[index] >= 0 && !(dialect.StackJoinsTakeDeepest && depth > depthAt[index]))
            {
                Check(index, depth, from);
                return;
            }
            // Hostile code can grow the stack on every turn of a loop; a real function never gets near this.
            if (depth > MaxDepth)
                throw new EditException($"offset {assembled.Starts[index]}: the stack grows past {MaxDepth} values");
            depthAt[index] = depth;
            work.Push((index, depth, blocks));
        }

        void Check(int index, int depth, int from)
        {
            if (depthAt[index] != depth && !(dialect.StackJoinsTakeDeepest && depth < depthAt[index]))
                throw new EditException(
                    $"offset {assembled.Starts[index]} is reached with {depthAt[index]} values on the stack and, from offset {(from < 0 ? 0 : assembled.Starts[from])}, with {depth}");
        }
    }
}
