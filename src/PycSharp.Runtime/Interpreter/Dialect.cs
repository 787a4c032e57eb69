using PycSharp.Format;

namespace PycSharp.Runtime.Interpreter;

/// <summary>
/// How one CPython version encodes what the VM's instruction set expresses once, and the few run-time messages
/// that differ between versions. Every version difference the VM needs is a field here (Python/bytecodes.c and Lib/dis.py of each version), not a version test.
/// </summary>
public sealed record Dialect(
    PythonVersion Version,
    /// <summary>COMPARE_OP's comparison is oparg >> this (3.11: 0, 3.12: 4, 3.13: 5).</summary>
    int CompareShift,
    /// <summary>3.13: this bit of COMPARE_OP's oparg asks for the result as a bool.</summary>
    int CompareBoolBit,
    /// <summary>LOAD_ATTR's low bit selects the method form (3.12+; 3.11 has LOAD_METHOD).</summary>
    bool LoadAttrMethodBit,
    /// <summary>Instructions FOR_ITER skips past its target when the iterator is exhausted (END_FOR, and POP_TOP in 3.13).</summary>
    string[] ForIterSkips,
    /// <summary>Values END_FOR pops when reached (3.12: the iterator and the last value; 3.13: one).</summary>
    int EndForPops,
    /// <summary>3.13: setting a new attribute on an object without a __dict__ says "and no __dict__ for setting
    /// new attributes" (Objects/object.c _PyObject_GenericSetAttrWithDict).</summary>
    bool SetAttrNoDictHint,
    /// <summary>Between "method resolution" and "order (MRO)" in the MRO error: a newline until 3.12
    /// (Objects/typeobject.c set_mro_error).</summary>
    string MroErrorBreak,
    /// <summary>min()/max() of an empty iterable without default (Python/bltinmodule.c min_max).</summary>
    string MinMaxEmpty,
    /// <summary>3.13: a property not named by __set_name__ takes its getter's __name__, which its error messages
    /// show (Objects/descrobject.c property_init).</summary>
    bool PropertyNameFromGetter,
    /// <summary>list.sort's count_run (Objects/listobject.c): from 3.13 (gh-116554) a descending run may hold equal
    /// elements, reversed in place as it is found, and a reversed run goes on ascending; before, only strictly
    /// descending runs, found with a different sequence of comparisons.</summary>
    bool SortRunsWithEqualDescents,
    /// <summary>3.12+: sum() of floats adds with Neumaier's compensation (Python/bltinmodule.c builtin_sum_impl).</summary>
    bool SumCompensated,
    /// <summary>3.13+: a first throw() into an asend() awaitable claims the async generator as a first send()
    /// does (Objects/genobject.c async_gen_asend_throw).</summary>
    bool AsendThrowClaims,
    /// <summary>From 3.12, native recursion (repr, comparison, calls from C) has its own limit, Py_C_RECURSION_LIMIT
    /// (Include/cpython/pystate.h: 1500 in 3.12, 10000 in 3.13); 0 until 3.11, where it shares the Python limit.</summary>
    int CRecursionLimit)
{
    public static Dialect? For(PythonVersion v) => (v.Major, v.Minor) switch
    {
        (3, 11) => new(v, 0, 0, false, [], 0, false, "\n", "arg is an empty sequence", false, false, false, false, 0),
        (3, 12) => new(v, 4, 0, true, ["END_FOR"], 2, false, "\n", "iterable argument is empty", false, false, true, false, 1500),
        (3, 13) => new(v, 5, 16, true, ["END_FOR", "POP_TOP"], 1, true, " ", "iterable argument is empty", true, true, true, true, 10000),
        _ => null,
    };
}
