namespace PycSharp.Runtime.Objects;

/// <summary>
/// The calling convention of everything callable: positional arguments, then the values of keyword arguments whose
/// names are <paramref name="kwnames"/> (CPython's vectorcall, Include/cpython/abstract.h).
/// </summary>
public delegate PyObject CallSlot(PyObject callable, ReadOnlySpan<PyObject> args, PyTuple? kwnames);

public delegate PyObject NewSlot(PyType type, ReadOnlySpan<PyObject> args, PyTuple? kwnames);

public delegate void InitSlot(PyObject self, ReadOnlySpan<PyObject> args, PyTuple? kwnames);

/// <summary>A number slot: called with the operands in source order whichever of them owns it; may return NotImplemented.</summary>
public delegate PyObject BinarySlot(PyObject a, PyObject b);

public enum CompareOp
{
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

/// <summary>The binary operators, numbered as BINARY_OP's oparg (Include/opcode.h NB_*; the in-place forms are +13).</summary>
public enum NumOp
{
    Add = 0,
    And = 1,
    FloorDivide = 2,
    LShift = 3,
    MatMul = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    RShift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
    DivMod = 13,
}

public static class NumOps
{
    public const int Count = 14;
    public const int InplaceOffset = 13;

    public static readonly string[] Symbols = ["+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "divmod()"];
    public static readonly string[] Names = ["add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow", "rshift", "sub", "truediv", "xor", "divmod"];
}
