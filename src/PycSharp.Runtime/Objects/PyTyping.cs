namespace PycSharp.Runtime.Objects;

/// <summary>
/// <c>list[int]</c>, <c>Stack[int]</c>, <c>Alias[str]</c>: an origin with arguments (Objects/genericaliasobject.c;
/// typing._GenericAlias for user generics prints and calls the same way).
/// </summary>
public sealed class PyGenericAlias(PyObject origin, PyTuple args, bool starred = false) : PyObject
{
    public readonly PyObject Origin = origin;
    public readonly PyTuple Args = args;
    /// <summary><c>*tuple[int]</c> or a TypeVarTuple's <c>*Ts</c>: printed with a leading star.</summary>
    public readonly bool Starred = starred;
    public override PyType Type => PyType.GenericAliasType;
}

/// <summary><c>int | None</c> (Objects/unionobject.c): the distinct members in order.</summary>
public sealed class PyUnion(PyTuple args) : PyObject
{
    public readonly PyTuple Args = args;
    public override PyType Type => PyType.UnionType;
}

/// <summary>PEP 695 parameters infer their variance (printed bare); typing.TypeVar(...) states it ("~T", "+T", "-T").</summary>
public enum TypeParamVariance
{
    Infer,
    Invariant,
    Covariant,
    Contravariant,
}

public enum TypeParamKind
{
    TypeVar,
    ParamSpec,
    TypeVarTuple,
}

/// <summary>
/// A PEP 695 type parameter (Objects/typevarobject.c): its bound, constraints and (3.13) default are computed on
/// first use by the functions the compiler made for them.
/// </summary>
public sealed class PyTypeParam(TypeParamKind kind, PyStr name) : PyObject
{
    public readonly TypeParamKind Kind = kind;
    public readonly PyStr Name = name;
    public TypeParamVariance Variance;
    public PyObject? EvaluateBound, EvaluateConstraints, EvaluateDefault;
    public PyObject? Bound, Constraints, Default;

    public override PyType Type => Kind switch
    {
        TypeParamKind.ParamSpec => PyType.ParamSpecType,
        TypeParamKind.TypeVarTuple => PyType.TypeVarTupleType,
        _ => PyType.TypeVarType,
    };

    public PyObject GetBound() => Bound ??= EvaluateBound is null ? PyNone.Instance : Ops.Call(EvaluateBound, []);

    public PyObject GetConstraints() => Constraints ??= EvaluateConstraints is null ? PyTuple.Empty : Ops.Call(EvaluateConstraints, []);

    public bool HasDefault => Default is not null || EvaluateDefault is not null;

    public PyObject GetDefault() => Default ??= EvaluateDefault is null ? PyNoDefault.Instance : Ops.Call(EvaluateDefault, []);
}

/// <summary>typing.NoDefault (3.13): what __default__ gives for a type parameter without one.</summary>
public sealed class PyNoDefault : PyObject
{
    public static readonly PyNoDefault Instance = new();
    public override PyType Type => PyType.NoDefaultType;
}

/// <summary>The <c>type X[T] = ...</c> statement's object (typing.TypeAliasType): the value is computed lazily.</summary>
public sealed class PyTypeAlias(PyStr name, PyTuple typeParams, PyObject computeValue, PyObject module) : PyObject
{
    public readonly PyStr Name = name;
    public readonly PyTuple TypeParams = typeParams;
    public readonly PyObject Module = module;
    private PyObject? _value;

    public PyObject Value => _value ??= Ops.Call(computeValue, []);
    public override PyType Type => PyType.TypeAliasType;
}
