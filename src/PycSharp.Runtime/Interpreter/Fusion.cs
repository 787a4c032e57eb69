namespace PycSharp.Runtime.Interpreter;

/// <summary>
/// Superinstructions: the commonest runs of two or three instructions become one dispatch at load time, so that
/// their operands go from the locals straight to the operation instead of through the value stack (each push is a
/// store with a GC write barrier, each instruction a dispatch). The first instruction of a run is replaced; the
/// others stay in place behind it, so a jump into the middle still finds them. A run is fused only where nothing
/// jumps to, or handles exceptions at, the instructions after its first; the fused instruction moves the current
/// instruction (<see cref="Frame.Ip"/>) to the one whose part it is doing before that part can raise, so errors,
/// tracebacks and handlers see the original instructions.
/// </summary>
internal static class Fusion
{
    // Argument layouts. Two locals and an operator: a in bits 0-11, b in 12-23, the operator in 24-30, and bit 31
    // set when the run has three instructions (LOAD_FAST, LOAD_FAST, X) rather than two (3.13's LOAD_FAST_LOAD_FAST,
    // X). A local and a constant and an operator: the same with the constant in place of b (always three).
    private const int FieldBits = 12, FieldMask = (1 << FieldBits) - 1, OpMask = 0x7F;
    private const int ThreeInstructions = 1 << 31;

    public static int First(int arg) => arg & FieldMask;
    public static int Second(int arg) => (arg >> FieldBits) & FieldMask;
    public static int Operator(int arg) => (arg >> (2 * FieldBits)) & OpMask;

    /// <summary>How many instructions after the first the run covers (1 or 2).</summary>
    public static int Tail(int arg) => arg < 0 ? 2 : 1;

    /// <summary>BINARY_OP's operator and the local of the STORE_FAST after it.</summary>
    public static int StoreOperator(int arg) => arg & 0xFF;
    public static int StoreLocal(int arg) => arg >>> 8;

    public static void Apply(Instr[] code, bool[] entered)
    {
        for (int i = 0; i + 1 < code.Length; i++)
        {
            if (entered[i + 1])
                continue;
            bool three = i + 2 < code.Length && !entered[i + 2];
            var (a, b) = (code[i], code[i + 1]);
            var c = three ? code[i + 2] : default;
            if (TryFuse(a, b, c, three) is { } fused)
                code[i] = fused;
        }
    }

    private static Instr? TryFuse(Instr a, Instr b, Instr c, bool three)
    {
        // Two locals, then an operation.
        if (three && IsLoadFast(a) && IsLoadFast(b) && FastFastOp(c.Op) is { } op3 && Fits(a.Arg, b.Arg, c))
            return new Instr(op3, Pack(a.Arg, b.Arg, c.Op == Op.BinaryOp ? c.Arg : 0) | ThreeInstructions);
        if (a.Op == Op.LoadFastLoadFast && FastFastOp(b.Op) is { } op2 && Fits(a.Arg >> 4, a.Arg & 15, b))
            return new Instr(op2, Pack(a.Arg >> 4, a.Arg & 15, b.Op == Op.BinaryOp ? b.Arg : 0));
        // A local and a constant, then an operation.
        if (three && IsLoadFast(a) && b.Op == Op.LoadConst && c.Op is Op.BinaryOp or Op.BinarySubscr && Fits(a.Arg, b.Arg, c))
            return new Instr(c.Op == Op.BinaryOp ? Op.BinaryOpFastConst : Op.SubscrFastConst,
                Pack(a.Arg, b.Arg, c.Op == Op.BinaryOp ? c.Arg : 0) | ThreeInstructions);
        // x[k] op= v around its operation.
        if (three && a is { Op: Op.Copy, Arg: 2 } && b is { Op: Op.Copy, Arg: 2 } && c.Op == Op.BinarySubscr)
            return new Instr(Op.CopySubscr, 0);
        if (three && a is { Op: Op.Swap, Arg: 3 } && b is { Op: Op.Swap, Arg: 2 } && c.Op == Op.StoreSubscr)
            return new Instr(Op.SwapStoreSubscr, 0);
        if (a.Op == Op.BinaryOp && b.Op == Op.StoreFast && a.Arg <= 0xFF && b.Arg <= 0xFFFFFF)
            return new Instr(Op.BinaryOpStoreFast, a.Arg | (b.Arg << 8));
        // The pairs of earlier sessions.
        if (a.Op == Op.LoadFast && b.Op == Op.LoadFast && a.Arg <= 0xFFFF && b.Arg <= 0xFFFF)
            return new Instr(Op.LoadFastPair, a.Arg | (b.Arg << 16));
        if (a.Op is Op.CompareOp or Op.CompareOpBool && b.Op is Op.PopJumpIfFalse or Op.PopJumpIfTrue && b.Arg < (1 << 27))
            return new Instr(b.Op == Op.PopJumpIfFalse ? Op.CompareJumpIfFalse : Op.CompareJumpIfTrue, a.Arg | (b.Arg << 3));
        return null;
    }

    private static bool IsLoadFast(Instr i) => i.Op is Op.LoadFast or Op.LoadFastCheck;

    private static Op? FastFastOp(Op last) => last switch
    {
        Op.BinaryOp => Op.BinaryOpFastFast,
        Op.BinarySubscr => Op.SubscrFastFast,
        Op.StoreSubscr => Op.StoreSubscrFastFast,
        _ => null,
    };

    private static bool Fits(int first, int second, Instr last) =>
        first <= FieldMask && second <= FieldMask && (last.Op != Op.BinaryOp || last.Arg <= OpMask);

    private static int Pack(int first, int second, int op) => first | (second << FieldBits) | (op << (2 * FieldBits));
}
