using PycSharp.Bytecode.Opcodes;
using PycSharp.Format.Objects;

namespace PycSharp.Runtime.Interpreter;

/// <summary>A code object that cannot be run: names the code object, the offset and the reason.</summary>
public sealed class BadCodeException(string message) : Exception(message);

/// <summary>Turns one code object's co_code into the VM's instructions (see <see cref="Op"/>).</summary>
internal static class Decoder
{
    /// <param name="JumpTargets">Instruction indexes some jump lands on.</param>
    public sealed record Result(Instr[] Code, int[] Offsets, int[] IndexOfUnit, bool[] JumpTargets);

    public static Result Decode(PyCode code, OpcodeTable table, Dialect d)
    {
        var bytes = code.Code.Span;
        int units = bytes.Length / 2;
        var instrs = new List<Instr>(units);
        var offsets = new List<int>(units);
        var indexOfUnit = new int[units + 1];
        var jumps = new List<(int Index, long TargetByte, int Op)>();
        long ext = 0;
        for (int u = 0; u < units; u++)
        {
            int op = bytes[2 * u];
            long arg = bytes[2 * u + 1] | (ext << 8);
            indexOfUnit[u] = instrs.Count;
            if (op == table.ExtendedArg)
            {
                ext = arg;
                continue;
            }
            ext = 0;
            string name = table.OpName(op);
            int caches = table.Info(op).Caches;
            int offset = 2 * u;
            int index = instrs.Count;
            if (name == "CACHE")
            {
                // A stray CACHE at an executed position is an invalid instruction in CPython too.
                throw new BadCodeException($"offset {offset}: CACHE is not an instruction");
            }
            var (iop, iarg) = Map(name, arg, d, offset);
            if (table.IsControlJump(op) && table.JumpTarget(offset, op, arg) is { } target)
                jumps.Add((index, target, op));
            instrs.Add(new Instr(iop, iarg));
            offsets.Add(offset);
            for (int c = 0; c < caches && u + 1 < units; c++)
            {
                u++;
                indexOfUnit[u] = instrs.Count;
            }
        }
        indexOfUnit[units] = instrs.Count;
        var code2 = instrs.ToArray();
        var offs = offsets.ToArray();
        var targets = new bool[code2.Length + 1];
        foreach (var (index, targetByte, op) in jumps)
        {
            if (targetByte < 0 || targetByte > bytes.Length || targetByte % 2 != 0)
                throw new BadCodeException($"offset {offs[index]}: jump target {targetByte} is outside the code");
            int t = indexOfUnit[targetByte / 2];
            if (code2[index].Op == Op.ForIter)
            {
                // Python/bytecodes.c FOR_ITER: an exhausted iterator jumps past END_FOR (and 3.13's POP_TOP).
                foreach (var skip in d.ForIterSkips)
                {
                    if (t < code2.Length && OriginalName(code, table, offs[t]) == skip)
                        t++;
                }
            }
            code2[index] = code2[index] with { Arg = t };
            targets[t] = true;
        }
        return new Result(code2, offs, indexOfUnit, targets);
    }

    private static string OriginalName(PyCode code, OpcodeTable table, int offset) => table.OpName(code.Code.Span[offset]);

    private static (Op, int) Map(string name, long arg, Dialect d, int offset)
    {
        int a = checked((int)arg);
        return name switch
        {
            "RESUME" => (Op.Nop, a & 3),
            "NOP" or "PRECALL" or "NOT_TAKEN" or "INSTRUMENTED_RESUME" or "CACHE_ENTRY" => (Op.Nop, 0),
            "POP_TOP" => (Op.PopTop, 0),
            "END_FOR" => (Op.PopN, d.EndForPops),
            "PUSH_NULL" => (Op.PushNull, 0),
            "COPY" => (Op.Copy, a),
            "SWAP" => (Op.Swap, a),
            "UNARY_NEGATIVE" => (Op.UnaryNegative, 0),
            "UNARY_NOT" => (Op.UnaryNot, 0),
            "UNARY_INVERT" => (Op.UnaryInvert, 0),
            "UNARY_POSITIVE" => (Op.UnaryPositive, 0),
            "TO_BOOL" => (Op.ToBool, 0),
            "BINARY_OP" => (Op.BinaryOp, a),
            "BINARY_SUBSCR" => (Op.BinarySubscr, 0),
            "BINARY_SLICE" => (Op.BinarySlice, 0),
            "STORE_SLICE" => (Op.StoreSlice, 0),
            "STORE_SUBSCR" => (Op.StoreSubscr, 0),
            "DELETE_SUBSCR" => (Op.DeleteSubscr, 0),
            "COMPARE_OP" => ((d.CompareBoolBit & a) != 0 ? Op.CompareOpBool : Op.CompareOp, a >> d.CompareShift),
            "IS_OP" => (Op.IsOp, a),
            "CONTAINS_OP" => (Op.ContainsOp, a),
            "GET_LEN" => (Op.GetLen, 0),
            "MATCH_MAPPING" => (Op.MatchMapping, 0),
            "MATCH_SEQUENCE" => (Op.MatchSequence, 0),
            "MATCH_KEYS" => (Op.MatchKeys, 0),
            "MATCH_CLASS" => (Op.MatchClass, a),
            "PUSH_EXC_INFO" => (Op.PushExcInfo, 0),
            "POP_EXCEPT" => (Op.PopExcept, 0),
            "CHECK_EXC_MATCH" => (Op.CheckExcMatch, 0),
            "CHECK_EG_MATCH" => (Op.CheckEgMatch, 0),
            "PREP_RERAISE_STAR" => (Op.PrepReraiseStar, 0),
            "WITH_EXCEPT_START" => (Op.WithExceptStart, 0),
            "BEFORE_WITH" => (Op.BeforeWith, 0),
            "BEFORE_ASYNC_WITH" => (Op.BeforeAsyncWith, 0),
            "GET_AITER" => (Op.GetAiter, 0),
            "GET_ANEXT" => (Op.GetAnext, 0),
            "END_ASYNC_FOR" => (Op.EndAsyncFor, 0),
            "CLEANUP_THROW" => (Op.CleanupThrow, 0),
            "GET_ITER" => (Op.GetIter, 0),
            "GET_YIELD_FROM_ITER" => (Op.GetYieldFromIter, 0),
            "GET_AWAITABLE" => (Op.GetAwaitable, a),
            "LOAD_BUILD_CLASS" => (Op.LoadBuildClass, 0),
            "LOAD_ASSERTION_ERROR" => (Op.LoadAssertionError, 0),
            "RETURN_GENERATOR" => (Op.ReturnGenerator, 0),
            "RETURN_VALUE" => (Op.ReturnValue, 0),
            "RETURN_CONST" => (Op.ReturnConst, a),
            "SETUP_ANNOTATIONS" => (Op.SetupAnnotations, 0),
            "LOAD_LOCALS" => (Op.LoadLocals, 0),
            "STORE_NAME" => (Op.StoreName, a),
            "DELETE_NAME" => (Op.DeleteName, a),
            "UNPACK_SEQUENCE" => (Op.UnpackSequence, a),
            "UNPACK_EX" => (Op.UnpackEx, a),
            "FOR_ITER" => (Op.ForIter, 0),
            "STORE_ATTR" => (Op.StoreAttr, a),
            "DELETE_ATTR" => (Op.DeleteAttr, a),
            "STORE_GLOBAL" => (Op.StoreGlobal, a),
            "DELETE_GLOBAL" => (Op.DeleteGlobal, a),
            "LOAD_CONST" => (Op.LoadConst, a),
            "LOAD_NAME" => (Op.LoadName, a),
            "BUILD_TUPLE" => (Op.BuildTuple, a),
            "BUILD_LIST" => (Op.BuildList, a),
            "BUILD_SET" => (Op.BuildSet, a),
            "BUILD_MAP" => (Op.BuildMap, a),
            "BUILD_CONST_KEY_MAP" => (Op.BuildConstKeyMap, a),
            "BUILD_STRING" => (Op.BuildString, a),
            "BUILD_SLICE" => (Op.BuildSlice, a),
            "LIST_APPEND" => (Op.ListAppend, a),
            "SET_ADD" => (Op.SetAdd, a),
            "MAP_ADD" => (Op.MapAdd, a),
            "LIST_EXTEND" => (Op.ListExtend, a),
            "SET_UPDATE" => (Op.SetUpdate, a),
            "DICT_MERGE" => (Op.DictMerge, a),
            "DICT_UPDATE" => (Op.DictUpdate, a),
            "LIST_TO_TUPLE" => (Op.ListToTuple, 0),
            "LOAD_ATTR" when d.LoadAttrMethodBit => ((a & 1) != 0 ? Op.LoadMethod : Op.LoadAttr, a >> 1),
            "LOAD_ATTR" => (Op.LoadAttr, a),
            "LOAD_METHOD" => (Op.LoadMethod, a),
            "LOAD_SUPER_ATTR" => ((a & 1) != 0 ? Op.LoadSuperMethod : Op.LoadSuperAttr, a),
            "IMPORT_NAME" => (Op.ImportName, a),
            "IMPORT_FROM" => (Op.ImportFrom, a),
            "IMPORT_STAR" => (Op.ImportStar, 0),
            // The eval breaker is checked on backward jumps only, as Python/bytecodes.c JUMP_BACKWARD does.
            "JUMP_BACKWARD" => (Op.JumpBackward, 0),
            "JUMP_FORWARD" or "JUMP_BACKWARD_NO_INTERRUPT" or "JUMP" or "JUMP_NO_INTERRUPT" => (Op.Jump, 0),
            "POP_JUMP_IF_FALSE" or "POP_JUMP_FORWARD_IF_FALSE" or "POP_JUMP_BACKWARD_IF_FALSE" => (Op.PopJumpIfFalse, 0),
            "POP_JUMP_IF_TRUE" or "POP_JUMP_FORWARD_IF_TRUE" or "POP_JUMP_BACKWARD_IF_TRUE" => (Op.PopJumpIfTrue, 0),
            "POP_JUMP_IF_NONE" or "POP_JUMP_FORWARD_IF_NONE" or "POP_JUMP_BACKWARD_IF_NONE" => (Op.PopJumpIfNone, 0),
            "POP_JUMP_IF_NOT_NONE" or "POP_JUMP_FORWARD_IF_NOT_NONE" or "POP_JUMP_BACKWARD_IF_NOT_NONE" => (Op.PopJumpIfNotNone, 0),
            "JUMP_IF_FALSE_OR_POP" => (Op.JumpIfFalseOrPop, 0),
            "JUMP_IF_TRUE_OR_POP" => (Op.JumpIfTrueOrPop, 0),
            "LOAD_GLOBAL" => ((a & 1) != 0 ? Op.LoadGlobalNull : Op.LoadGlobal, a >> 1),
            "LOAD_FAST" => (Op.LoadFast, a),
            "LOAD_FAST_CHECK" => (Op.LoadFastCheck, a),
            "LOAD_FAST_AND_CLEAR" => (Op.LoadFastAndClear, a),
            "LOAD_FAST_LOAD_FAST" => (Op.LoadFastLoadFast, a),
            "STORE_FAST" => (Op.StoreFast, a),
            "STORE_FAST_LOAD_FAST" => (Op.StoreFastLoadFast, a),
            "STORE_FAST_STORE_FAST" => (Op.StoreFastStoreFast, a),
            "DELETE_FAST" => (Op.DeleteFast, a),
            "RAISE_VARARGS" => (Op.RaiseVarargs, a),
            "RERAISE" => (Op.Reraise, a),
            "MAKE_FUNCTION" => (Op.MakeFunction, a),
            "SET_FUNCTION_ATTRIBUTE" => (Op.SetFunctionAttribute, a),
            "MAKE_CELL" => (Op.MakeCell, a),
            "LOAD_CLOSURE" => (Op.LoadClosure, a),
            "LOAD_DEREF" => (Op.LoadDeref, a),
            "LOAD_CLASSDEREF" or "LOAD_FROM_DICT_OR_DEREF" => (Op.LoadFromDictOrDeref, a),
            "LOAD_FROM_DICT_OR_GLOBALS" => (Op.LoadFromDictOrGlobals, a),
            "STORE_DEREF" => (Op.StoreDeref, a),
            "DELETE_DEREF" => (Op.DeleteDeref, a),
            "COPY_FREE_VARS" => (Op.CopyFreeVars, a),
            "CALL_FUNCTION_EX" => (Op.CallFunctionEx, a),
            "CALL" => (Op.Call, a),
            "CALL_KW" => (Op.CallKw, a),
            "KW_NAMES" => (Op.KwNames, a),
            "YIELD_VALUE" => (Op.YieldValue, a),
            "SEND" => (Op.Send, 0),
            "END_SEND" => (Op.EndSend, 0),
            "FORMAT_VALUE" => (Op.FormatValue, a),
            "CONVERT_VALUE" => (Op.ConvertValue, a),
            "FORMAT_SIMPLE" => (Op.FormatSimple, 0),
            "FORMAT_WITH_SPEC" => (Op.FormatWithSpec, 0),
            "CALL_INTRINSIC_1" => (Op.CallIntrinsic1, a),
            "CALL_INTRINSIC_2" => (Op.CallIntrinsic2, a),
            "PRINT_EXPR" => (Op.PrintExpr, 0),
            "ASYNC_GEN_WRAP" => (Op.AsyncGenWrap, 0),
            _ => throw new BadCodeException($"offset {offset}: opcode {name} is not supported by the VM"),
        };
    }
}
