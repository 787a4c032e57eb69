using PycSharp.Bytecode.Disassembly;
using PycSharp.Bytecode.Editing;
using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Compiler;

/// <summary>One instruction of the flow graph: a real opcode name or a pseudo jump (JUMP, POP_JUMP_IF_FALSE, ...).</summary>
internal sealed class Instr(string op, int arg, Positions? loc)
{
    public string Op { get; set; } = op;
    public int Arg { get; set; } = arg;
    public Block? Target { get; set; }

    /// <summary>Null: no location yet (NO_LOCATION in compile.c), filled in by line-number propagation.</summary>
    public Positions? Loc { get; set; } = loc;

    /// <summary>A *_DEREF or LOAD_CLOSURE's variable, given its index once the localsplus layout is known.</summary>
    public string? Deref { get; set; }

    public Instr Copy() => new(Op, Arg, Loc) { Target = Target, Deref = Deref };
    public bool IsJump => Target is not null;
    public bool IsUnconditionalJump => Op is "JUMP" or "JUMP_NO_INTERRUPT";
    public bool IsScopeExit => Op is "RETURN_VALUE" or "RETURN_CONST" or "RAISE_VARARGS" or "RERAISE";
    public override string ToString() => $"{Op} {Arg}";
}

internal sealed class Block
{
    public List<Instr> Instrs { get; } = [];
    public int Predecessors { get; set; }
    public Instr? Last => Instrs.Count > 0 ? Instrs[^1] : null;
    public bool HasFallthrough => Last is not { } l || !(l.IsUnconditionalJump || l.IsScopeExit);
}

/// <summary>
/// The control-flow graph the generator writes into, and the optimisations of Python/flowgraph.c (3.12; the same
/// steps live in compile.c in 3.11) that shape what CPython emits: constant conditions, tuple building on constants,
/// jump threading, small exit blocks inlined, unreachable code and redundant NOPs and jumps removed, exits without a
/// line number duplicated, line numbers propagated; then the jumps are given their direction and the result is
/// written into an <see cref="EditableCode"/>.
/// </summary>
internal sealed class FlowGraph(CodegenDialect dialect, EditableCode code)
{
    private const int MaxCopySize = 4;

    public List<Block> Blocks { get; } = [new Block()];

    /// <summary>co_nlocals and how many of those are parameters (bound on entry), for the LOAD_FAST_CHECK analysis.</summary>
    public int LocalCount { get; set; }
    public int ParamCount { get; set; }

    public void Optimize()
    {
        EliminateEmptyBlocks();
        foreach (var b in Blocks)
            InlineSmallExitBlock(b);
        foreach (var b in Blocks)
            OptimizeBlock(b);
        foreach (var b in Blocks)
            RemoveRedundantNops(b);
        foreach (var b in Blocks)
            InlineSmallExitBlock(b);
        RemoveUnreachable();
        foreach (var b in Blocks)
            RemoveRedundantNops(b);
        EliminateEmptyBlocks();
        RemoveRedundantJumps();
        if (dialect.UnusedConstsRemoved)
            RemoveUnusedConsts();
        if (dialect.LoadFastCheck)
            AddChecksForUninitializedLoads();
        if (dialect.SuperInstructions)
            InsertSuperInstructions();
        CountPredecessors();
        DuplicateExitsWithoutLineNumber();
        PropagateLineNumbers();
        NormalizeJumps();
    }

    private void EliminateEmptyBlocks()
    {
        for (int i = 0; i < Blocks.Count; i++)
        {
            foreach (var ins in Blocks[i].Instrs)
                if (ins.Target is { } t)
                    ins.Target = NonEmpty(t);
        }
        Blocks.RemoveAll(b => b.Instrs.Count == 0 && b != Blocks[0]);
    }

    private Block NonEmpty(Block b)
    {
        int i = Blocks.IndexOf(b);
        while (i < Blocks.Count - 1 && Blocks[i].Instrs.Count == 0)
            i++;
        return Blocks[i];
    }

    private Block? NextOf(Block b)
    {
        int i = Blocks.IndexOf(b);
        return i + 1 < Blocks.Count ? Blocks[i + 1] : null;
    }

    private static bool IsExit(Block b) => b.Last is { IsScopeExit: true };

    /// <summary>flowgraph.c inline_small_exit_blocks: a jump to a short block that leaves the code becomes a copy of it.</summary>
    private static void InlineSmallExitBlock(Block b)
    {
        if (b.Last is not { IsUnconditionalJump: true } last || last.Target is not { } target)
            return;
        if (!IsExit(target) || target.Instrs.Count > MaxCopySize)
            return;
        last.Op = "NOP";
        last.Target = null;
        last.Arg = 0;
        foreach (var ins in target.Instrs)
            b.Instrs.Add(ins.Copy());
    }

    /// <summary>flowgraph.c optimize_basic_block: the peephole rules the subset's code meets.</summary>
    private void OptimizeBlock(Block b)
    {
        var list = b.Instrs;
        for (int i = 0; i < list.Count; i++)
        {
            var ins = list[i];
            var next = i + 1 < list.Count ? list[i + 1] : null;
            switch (ins.Op)
            {
                case "LOAD_CONST":
                {
                    if (dialect.ToBool && next?.Op == "TO_BOOL" && ConstantFolder.TruthOf(code.Consts[ins.Arg]) is { } truth)
                    {
                        ins.Arg = code.AddConst(PyBool.Of(truth));
                        Nop(next);
                        // Move the NOP out of the way so the pair below meets.
                        list.RemoveAt(i + 1);
                        list.Insert(i, next);
                        i--;
                        continue;
                    }
                    if (next is { Op: "POP_JUMP_IF_FALSE" or "POP_JUMP_IF_TRUE" } && ConstantFolder.TruthOf(code.Consts[ins.Arg]) is { } isTrue)
                    {
                        Nop(ins);
                        if (isTrue == (next.Op == "POP_JUMP_IF_TRUE"))
                            next.Op = "JUMP";
                        else
                            Nop(next);
                        continue;
                    }
                    if (dialect.ReturnConst && next?.Op == "RETURN_VALUE")
                    {
                        next.Op = "RETURN_CONST";
                        next.Arg = ins.Arg;
                        Nop(ins);
                    }
                    break;
                }
                case "BUILD_TUPLE":
                {
                    if (next?.Op == "UNPACK_SEQUENCE" && next.Arg == ins.Arg && ins.Arg is >= 1 and <= 3)
                    {
                        Nop(ins);
                        if (ins.Arg == 1)
                            Nop(next);
                        else
                            next.Op = "SWAP";
                        continue;
                    }
                    FoldTupleOfConstants(list, i);
                    break;
                }
                // A call's NULL goes into LOAD_GLOBAL's low bit (compile.c / flowgraph.c optimize_basic_block).
                case "PUSH_NULL" when dialect.Call != CallStyle.CallKw313 && next is { Op: "LOAD_GLOBAL" } && (next.Arg & 1) == 0:
                    Nop(ins);
                    next.Arg |= 1;
                    break;
                case "LOAD_GLOBAL" when dialect.Call == CallStyle.CallKw313 && next is { Op: "PUSH_NULL" } && (ins.Arg & 1) == 0:
                    ins.Arg |= 1;
                    Nop(next);
                    break;
                case "SWAP" when ins.Arg > 1:
                    ApplyStaticSwaps(list, i);
                    break;
                case "COMPARE_OP" when dialect.ToBool && next?.Op == "TO_BOOL":
                    ins.Arg |= 16;
                    Nop(next);
                    break;
                case "CONTAINS_OP" or "IS_OP" when dialect.ToBool && next?.Op == "TO_BOOL":
                    Nop(next);
                    break;
                case "POP_JUMP_IF_FALSE" or "POP_JUMP_IF_TRUE" or "JUMP":
                {
                    var target = ins.Target!;
                    if (target.Instrs.Count > 0 && target.Instrs[0] is { IsUnconditionalJump: true } t2 && t2.Target != ins.Target)
                    {
                        // flowgraph.c jump_thread: only within one line (or, 3.12+, into a jump without a line yet).
                        if (ins.Loc?.Line == t2.Loc?.Line || (dialect.ThreadIntoUnlocatedJump && t2.Loc is null))
                        {
                            ins.Target = t2.Target;
                            i--;
                        }
                    }
                    break;
                }
            }
        }
    }

    /// <summary>
    /// flowgraph.c apply_static_swaps: SWAP n followed by n stores to fast locals (or POP_TOPs) on one line is done
    /// by exchanging the first and n-th of them instead, unless they store to the same local.
    /// </summary>
    private static void ApplyStaticSwaps(List<Instr> list, int i)
    {
        for (; i >= 0; i--)
        {
            var swap = list[i];
            if (swap.Op != "SWAP")
            {
                if (swap.Op is "NOP" or "STORE_FAST" or "POP_TOP")
                    continue;
                return;
            }
            int j = NextSwappable(list, i, null);
            if (j < 0)
                return;
            int k = j;
            int? line = list[j].Loc?.Line;
            for (int count = swap.Arg - 1; count > 0; count--)
            {
                k = NextSwappable(list, k, line);
                if (k < 0)
                    return;
            }
            int storeJ = StoresTo(list[j]), storeK = StoresTo(list[k]);
            if (storeJ >= 0 || storeK >= 0)
            {
                if (storeJ == storeK)
                    return;
                for (int x = j + 1; x < k; x++)
                {
                    int store = StoresTo(list[x]);
                    if (store >= 0 && (store == storeJ || store == storeK))
                        return;
                }
            }
            Nop(swap);
            (list[j], list[k]) = (list[k], list[j]);
        }
    }

    private static int NextSwappable(List<Instr> list, int i, int? line)
    {
        for (int j = i + 1; j < list.Count; j++)
        {
            var ins = list[j];
            if (line is not null && ins.Loc?.Line != line)
                return -1;
            if (ins.Op == "NOP")
                continue;
            return ins.Op is "STORE_FAST" or "POP_TOP" ? j : -1;
        }
        return -1;
    }

    private static int StoresTo(Instr ins) => ins.Op == "STORE_FAST" ? ins.Arg : -1;

    private static void Nop(Instr ins)
    {
        ins.Op = "NOP";
        ins.Arg = 0;
        ins.Target = null;
    }

    /// <summary>flowgraph.c fold_tuple_on_constants: BUILD_TUPLE n after n LOAD_CONSTs loads the tuple.</summary>
    private void FoldTupleOfConstants(List<Instr> list, int i)
    {
        int n = list[i].Arg;
        if (i < n)
            return;
        var items = new PyObject[n];
        for (int k = 0; k < n; k++)
        {
            var load = list[i - n + k];
            if (load.Op != "LOAD_CONST")
                return;
            items[k] = code.Consts[load.Arg];
        }
        for (int k = 0; k < n; k++)
            Nop(list[i - n + k]);
        list[i].Op = "LOAD_CONST";
        list[i].Arg = code.AddConst(new PyTuple(items));
    }

    /// <summary>
    /// flowgraph.c remove_redundant_nops: a NOP goes unless it carries a line no neighbour has; one followed by an
    /// instruction without a location hands it its own.
    /// </summary>
    private void RemoveRedundantNops(Block b)
    {
        var list = b.Instrs;
        int? prevLine = null;
        for (int i = 0; i < list.Count; i++)
        {
            var ins = list[i];
            if (ins.Op == "NOP")
            {
                int? line = ins.Loc?.Line;
                bool remove = line is null || prevLine == line;
                if (!remove)
                {
                    if (i + 1 < list.Count)
                    {
                        var nextLoc = list[i + 1].Loc;
                        if (nextLoc is null)
                        {
                            list[i + 1].Loc = ins.Loc;
                            remove = true;
                        }
                        else if (nextLoc.Value.Line == line)
                            remove = true;
                    }
                    else if (NextOf(b) is { } nb && b.HasFallthrough)
                    {
                        var first = nb.Instrs.FirstOrDefault();
                        if (first?.Loc?.Line == line)
                            remove = true;
                    }
                }
                if (remove)
                {
                    list.RemoveAt(i);
                    i--;
                    continue;
                }
            }
            prevLine = ins.Loc?.Line;
        }
    }

    private void RemoveUnreachable()
    {
        var reached = new HashSet<Block>();
        var work = new Stack<Block>();
        work.Push(Blocks[0]);
        while (work.Count > 0)
        {
            var b = work.Pop();
            if (!reached.Add(b))
                continue;
            foreach (var ins in b.Instrs)
                if (ins.Target is { } t)
                    work.Push(t);
            if (b.HasFallthrough && NextOf(b) is { } n)
                work.Push(n);
        }
        foreach (var b in Blocks)
            if (!reached.Contains(b))
                b.Instrs.Clear();
    }

    /// <summary>flowgraph.c remove_redundant_jumps: a jump to the very next block is a NOP.</summary>
    private void RemoveRedundantJumps()
    {
        bool changed = false;
        foreach (var b in Blocks)
        {
            if (b.Last is { IsUnconditionalJump: true } last && last.Target == NonEmptyAfter(b))
            {
                Nop(last);
                changed = true;
            }
        }
        if (changed)
        {
            foreach (var b in Blocks)
                RemoveRedundantNops(b);
            EliminateEmptyBlocks();
        }
    }

    private Block? NonEmptyAfter(Block b)
    {
        for (int i = Blocks.IndexOf(b) + 1; i < Blocks.Count; i++)
            if (Blocks[i].Instrs.Count > 0)
                return Blocks[i];
        return null;
    }

    /// <summary>flowgraph.c remove_unused_consts (3.12+): drop what nothing loads, keeping co_consts[0].</summary>
    private void RemoveUnusedConsts()
    {
        var used = new bool[code.Consts.Count];
        if (used.Length > 0)
            used[0] = true;
        foreach (var b in Blocks)
            foreach (var ins in b.Instrs)
                if (UsesConst(ins.Op))
                    used[ins.Arg] = true;
        var map = new int[used.Length];
        var kept = new List<PyObject>();
        for (int i = 0; i < used.Length; i++)
        {
            map[i] = kept.Count;
            if (used[i])
                kept.Add(code.Consts[i]);
        }
        foreach (var b in Blocks)
            foreach (var ins in b.Instrs)
                if (UsesConst(ins.Op))
                    ins.Arg = map[ins.Arg];
        code.Consts.Clear();
        code.Consts.AddRange(kept);
    }

    /// <summary>
    /// flowgraph.c add_checks_for_loads_of_uninitialized_variables (3.12+): a LOAD_FAST of a local that some path
    /// leaves unbound becomes LOAD_FAST_CHECK. The state is a mask of the possibly unbound locals (the first 64).
    /// </summary>
    private void AddChecksForUninitializedLoads()
    {
        int n = Math.Min(LocalCount, 64);
        if (n == 0)
            return;
        ulong all = n == 64 ? ulong.MaxValue : (1UL << n) - 1;
        ulong paramBits = ParamCount >= 64 ? ulong.MaxValue : (1UL << ParamCount) - 1;
        var entry = new Dictionary<Block, ulong> { [Blocks[0]] = all & ~paramBits };
        var work = new Stack<Block>();
        work.Push(Blocks[0]);
        while (work.Count > 0)
        {
            var b = work.Pop();
            ulong unsafeMask = entry[b];
            foreach (var ins in b.Instrs)
            {
                if (ins.Target is { } t)
                    Flow(t, unsafeMask);
                ScanLocal(ins, ref unsafeMask, n, rewrite: false);
            }
            if (b.HasFallthrough && NextOf(b) is { } next)
                Flow(next, unsafeMask);
        }
        foreach (var b in Blocks)
        {
            if (!entry.TryGetValue(b, out var unsafeMask))
                continue;
            foreach (var ins in b.Instrs)
                ScanLocal(ins, ref unsafeMask, n, rewrite: true);
        }

        void Flow(Block target, ulong mask)
        {
            ulong before = entry.GetValueOrDefault(target);
            if (entry.ContainsKey(target) && (before | mask) == before)
                return;
            entry[target] = before | mask;
            work.Push(target);
        }
    }

    private static void ScanLocal(Instr ins, ref ulong unsafeMask, int n, bool rewrite)
    {
        if (ins.Arg >= n || ins.Deref is not null)
            return;
        ulong bit = 1UL << ins.Arg;
        switch (ins.Op)
        {
            case "LOAD_FAST":
                if (rewrite && (unsafeMask & bit) != 0)
                    ins.Op = "LOAD_FAST_CHECK";
                unsafeMask &= ~bit;
                break;
            case "STORE_FAST": unsafeMask &= ~bit; break;
            case "DELETE_FAST" or "LOAD_FAST_AND_CLEAR": unsafeMask |= bit; break;
        }
    }

    /// <summary>flowgraph.c insert_superinstructions (3.13): pairs of fast-local loads and stores on one line, both below 16.</summary>
    private void InsertSuperInstructions()
    {
        foreach (var b in Blocks)
        {
            var list = b.Instrs;
            for (int i = 0; i + 1 < list.Count; i++)
            {
                var (first, second) = (list[i], list[i + 1]);
                string? super = (first.Op, second.Op) switch
                {
                    ("LOAD_FAST", "LOAD_FAST") => "LOAD_FAST_LOAD_FAST",
                    ("STORE_FAST", "LOAD_FAST") => "STORE_FAST_LOAD_FAST",
                    ("STORE_FAST", "STORE_FAST") => "STORE_FAST_STORE_FAST",
                    _ => null,
                };
                if (super is null || first.Arg >= 16 || second.Arg >= 16)
                    continue;
                if (first.Loc is { Line: { } l1 } && second.Loc is { Line: { } l2 } && l1 != l2)
                    continue;
                first.Op = super;
                first.Arg = first.Arg << 4 | second.Arg;
                second.Op = "NOP";
                second.Arg = 0;
            }
            RemoveRedundantNops(b);
        }
    }

    private static bool UsesConst(string op) => op is "LOAD_CONST" or "RETURN_CONST" or "KW_NAMES";

    private void CountPredecessors()
    {
        foreach (var b in Blocks)
            b.Predecessors = 0;
        Blocks[0].Predecessors = 1;
        foreach (var b in Blocks)
        {
            foreach (var ins in b.Instrs)
                if (ins.Target is { } t)
                    t.Predecessors++;
            if (b.HasFallthrough && NextOf(b) is { } n)
                n.Predecessors++;
        }
    }

    /// <summary>flowgraph.c duplicate_exits_without_lineno: each jump to a shared exit block with no line gets its own copy.</summary>
    private void DuplicateExitsWithoutLineNumber()
    {
        for (int i = 0; i < Blocks.Count; i++)
        {
            var b = Blocks[i];
            if (b.Last is not { Target: { } target } last)
                continue;
            if (IsExit(target) && target.Instrs[0].Loc is null && target.Predecessors > 1)
            {
                var copy = new Block();
                foreach (var ins in target.Instrs)
                    copy.Instrs.Add(ins.Copy());
                copy.Instrs[0].Loc = last.Loc;
                last.Target = copy;
                target.Predecessors--;
                copy.Predecessors = 1;
                Blocks.Insert(Blocks.IndexOf(target) + 1, copy);
            }
        }
        foreach (var b in Blocks)
        {
            if (b.HasFallthrough && b.Instrs.Count > 0 && NextOf(b) is { } n && IsExit(n) && n.Instrs[0].Loc is null)
                n.Instrs[0].Loc = b.Last!.Loc;
        }
    }

    /// <summary>flowgraph.c propagate_line_numbers.</summary>
    private void PropagateLineNumbers()
    {
        foreach (var b in Blocks)
        {
            Positions? previous = null;
            foreach (var ins in b.Instrs)
            {
                if (ins.Loc is null)
                    ins.Loc = previous;
                else
                    previous = ins.Loc;
            }
            if (b.HasFallthrough && NextOf(b) is { Predecessors: 1 } n && n.Instrs.Count > 0 && n.Instrs[0].Loc is null)
                n.Instrs[0].Loc = previous;
            if (b.Last is { Target: { Predecessors: 1 } t } && t.Instrs.Count > 0 && t.Instrs[0].Loc is null)
                t.Instrs[0].Loc = previous;
        }
    }

    /// <summary>
    /// Pseudo jumps to real ones by direction (flowgraph.c normalize_jumps; assemble.c): JUMP_FORWARD/JUMP_BACKWARD;
    /// 3.11's directional conditional jumps; from 3.12 a backward conditional jump becomes the opposite forward one
    /// around a JUMP_BACKWARD.
    /// </summary>
    private void NormalizeJumps()
    {
        for (int i = 0; i < Blocks.Count; i++)
        {
            var b = Blocks[i];
            if (b.Last is not { Target: { } target } last)
                continue;
            bool backward = Blocks.IndexOf(target) <= i;
            switch (last.Op)
            {
                case "JUMP":
                    last.Op = backward ? "JUMP_BACKWARD" : "JUMP_FORWARD";
                    break;
                case "JUMP_NO_INTERRUPT":
                    last.Op = backward ? "JUMP_BACKWARD_NO_INTERRUPT" : "JUMP_FORWARD";
                    break;
                case "POP_JUMP_IF_FALSE" or "POP_JUMP_IF_TRUE" or "POP_JUMP_IF_NONE" or "POP_JUMP_IF_NOT_NONE":
                    if (dialect.DirectionalConditionalJumps)
                        last.Op = last.Op.Replace("POP_JUMP_IF", backward ? "POP_JUMP_BACKWARD_IF" : "POP_JUMP_FORWARD_IF", StringComparison.Ordinal);
                    else if (backward)
                    {
                        last.Op = last.Op switch
                        {
                            "POP_JUMP_IF_FALSE" => "POP_JUMP_IF_TRUE",
                            "POP_JUMP_IF_TRUE" => "POP_JUMP_IF_FALSE",
                            "POP_JUMP_IF_NONE" => "POP_JUMP_IF_NOT_NONE",
                            _ => "POP_JUMP_IF_NONE",
                        };
                        var jump = new Block();
                        jump.Instrs.Add(new Instr("JUMP_BACKWARD", 0, last.Loc) { Target = target });
                        var after = NextOf(b);
                        Blocks.Insert(i + 1, jump);
                        last.Target = after ?? throw new CompileError(CompileErrorKind.Unsupported, "a conditional jump at the end of the code", 0, 0, 0, 0, null);
                    }
                    break;
            }
        }
    }

    /// <summary>Writes the blocks, in order, into the editable code.</summary>
    public void WriteTo(EditableCode e)
    {
        var first = new Dictionary<Block, EditableInstruction>();
        var pending = new List<(EditableInstruction, Block)>();
        foreach (var b in Blocks)
        {
            foreach (var ins in b.Instrs)
            {
                var added = e.Add(ins.Op, ins.Arg);
                added.Location = ins.Loc ?? new Positions(null, null, null, null);
                first.TryAdd(b, added);
                if (ins.Target is { } t)
                    pending.Add((added, t));
            }
        }
        foreach (var (ins, target) in pending)
            ins.Target = first[target];
    }
}
