using PycSharp.Format;

namespace PycSharp.Bytecode.Compiler;

/// <summary>How a call is laid out on the stack and spelled (Python/compile.c compiler_call, per version).</summary>
public enum CallStyle
{
    /// <summary>3.11: PUSH_NULL before the callable, LOAD_METHOD, KW_NAMES, PRECALL then CALL.</summary>
    Precall311,

    /// <summary>3.12: PUSH_NULL before the callable, LOAD_ATTR with the method bit, KW_NAMES, CALL.</summary>
    KwNames312,

    /// <summary>3.13: PUSH_NULL after the callable, LOAD_ATTR with the method bit, CALL or CALL_KW with a names tuple.</summary>
    CallKw313,
}

/// <summary>
/// What the code generator does differently from one version to the next: the data that Python/compile.c and
/// Python/flowgraph.c of 3.11, 3.12 and 3.13 differ in, in one place, so that the generator asks instead of testing
/// version numbers.
/// </summary>
public sealed record CodegenDialect(PythonVersion Version, CallStyle Call)
{
    public static CodegenDialect For(PythonVersion version) => (version.Major, version.Minor) switch
    {
        (3, 11) => new(version, CallStyle.Precall311)
        {
            CompareShift = 0, DirectionalConditionalJumps = true, BoolOpJumpOrPop = true, EndFor = [],
            ReturnConst = false, BinarySlice = false, UnusedConstsRemoved = false, ThreadIntoUnlocatedJump = false,
            LoadFastCheck = false, GeneratorStopIterationHandler = false, InlinedComprehensions = false,
        },
        (3, 12) => new(version, CallStyle.KwNames312) { CompareShift = 4, EndFor = ["END_FOR"] },
        (3, 13) => new(version, CallStyle.CallKw313)
        {
            CompareShift = 5, ToBool = true, EndFor = ["END_FOR", "POP_TOP"], StackCountsReturnConstLoad = true,
            SetFunctionAttribute = true, SuperInstructions = true, LoadClosureIsPseudo = true,
        },
        _ => throw new CompileError(CompileErrorKind.Unsupported, $"compiling for Python {version}", 0, 0, 0, 0, null),
    };

    /// <summary>COMPARE_OP's argument: the cmp_op index shifted by this, with the 3.12+ result mask below (0: none).</summary>
    public int CompareShift { get; init; }

    /// <summary>3.13: TO_BOOL before conditional jumps and UNARY_NOT, folded into COMPARE_OP's bit 16.</summary>
    public bool ToBool { get; init; }

    /// <summary>3.11: POP_JUMP_FORWARD_IF_* / POP_JUMP_BACKWARD_IF_*; later only forward POP_JUMP_IF_*.</summary>
    public bool DirectionalConditionalJumps { get; init; }

    /// <summary>3.11: <c>and</c>/<c>or</c> values through JUMP_IF_FALSE_OR_POP; later COPY 1, POP_JUMP_IF_*, POP_TOP.</summary>
    public bool BoolOpJumpOrPop { get; init; }

    /// <summary>What a for loop's exhausted iterator leaves to clean up (FOR_ITER's target).</summary>
    public string[] EndFor { get; init; } = [];

    /// <summary>3.12+: LOAD_CONST + RETURN_VALUE become RETURN_CONST.</summary>
    public bool ReturnConst { get; init; } = true;

    /// <summary>3.12+: <c>x[a:b]</c> through BINARY_SLICE / STORE_SLICE.</summary>
    public bool BinarySlice { get; init; } = true;

    /// <summary>3.12+: flowgraph.c remove_unused_consts drops constants no instruction loads (co_consts[0] stays).</summary>
    public bool UnusedConstsRemoved { get; init; } = true;

    /// <summary>3.12+: flowgraph.c jump_thread also threads through a jump that has no line number yet.</summary>
    public bool ThreadIntoUnlocatedJump { get; init; } = true;

    /// <summary>3.13: co_stacksize is computed before RETURN_CONST replaces LOAD_CONST + RETURN_VALUE.</summary>
    public bool StackCountsReturnConstLoad { get; init; }

    /// <summary>3.13: MAKE_FUNCTION takes only the code; SET_FUNCTION_ATTRIBUTE adds each of its old flag bits.</summary>
    public bool SetFunctionAttribute { get; init; }

    /// <summary>3.13: flowgraph.c insert_superinstructions (LOAD_FAST_LOAD_FAST, STORE_FAST_LOAD_FAST, STORE_FAST_STORE_FAST).</summary>
    public bool SuperInstructions { get; init; }

    /// <summary>3.13: LOAD_CLOSURE is a pseudo instruction written as LOAD_FAST (after the superinstructions).</summary>
    public bool LoadClosureIsPseudo { get; init; }

    /// <summary>3.12+: flowgraph.c add_checks_for_loads_of_uninitialized_variables turns LOAD_FAST into LOAD_FAST_CHECK.</summary>
    public bool LoadFastCheck { get; init; } = true;

    /// <summary>
    /// 3.12+: a generator's body sits under an exception handler calling INTRINSIC_STOPITERATION_ERROR
    /// (compile.c wrap_in_stopiteration_handler); the compiler writes no exception table yet, so it stops there.
    /// </summary>
    public bool GeneratorStopIterationHandler { get; init; } = true;

    /// <summary>3.12+: list, set and dict comprehensions are inlined (PEP 709), with an exception-table entry.</summary>
    public bool InlinedComprehensions { get; init; } = true;

    /// <summary>CALL_INTRINSIC_1 arguments (Include/internal/pycore_intrinsics.h, 3.12+).</summary>
    public const int IntrinsicPrint = 1, IntrinsicImportStar = 2, IntrinsicUnaryPositive = 5, IntrinsicListToTuple = 6;

    /// <summary>COMPARE_OP's argument for a cmp_op index (Lib/opcode.py cmp_op order: &lt; &lt;= == != &gt; &gt;=).</summary>
    public int CompareArg(int index, bool toBool)
    {
        if (CompareShift == 0)
            return index;
        // Include/internal/pycore_code.h COMPARISON_LESS_THAN = 2, GREATER_THAN = 4, EQUALS = 8, UNORDERED = 1.
        int mask = index switch { 0 => 2, 1 => 2 | 8, 2 => 8, 3 => 1 | 2 | 4, 4 => 4, _ => 4 | 8 };
        return index << CompareShift | mask | (toBool ? 16 : 0);
    }
}
