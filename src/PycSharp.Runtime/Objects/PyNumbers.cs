using System.Numerics;

namespace PycSharp.Runtime.Objects;

/// <summary>
/// int: a machine word when the value fits (the fast path of every operation), else a BigInteger. Values from -5
/// to 1024 are shared objects, as CPython shares its small ints.
/// </summary>
public class PyInt : PyObject
{
    private const int CacheLow = -5, CacheHigh = 1024;
    private static readonly PyInt[] s_small = MakeSmall();

    public readonly long Small;
    private readonly BigBox? _big;

    private sealed class BigBox(BigInteger value)
    {
        public readonly BigInteger Value = value;
    }

    protected PyInt(long value) => Small = value;

    protected PyInt(BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
            Small = (long)value;
        else
            _big = new BigBox(value);
    }

    private static PyInt[] MakeSmall()
    {
        var a = new PyInt[CacheHigh - CacheLow + 1];
        for (int i = 0; i < a.Length; i++)
            a[i] = new PyInt(i + CacheLow);
        return a;
    }

    public override PyType Type => PyType.IntType;

    /// <summary>True when the value is held as a machine word.</summary>
    public bool IsSmall => _big is null;

    public BigInteger Value => _big is null ? Small : _big.Value;

    public static PyInt Of(long v) => v is >= CacheLow and <= CacheHigh ? s_small[v - CacheLow] : new PyInt(v);

    public static PyInt Of(int v) => v is >= CacheLow and <= CacheHigh ? s_small[v - CacheLow] : new PyInt(v);

    public static PyInt Of(BigInteger v) =>
        v >= long.MinValue && v <= long.MaxValue ? Of((long)v) : new PyInt(v);

    internal static PyInt Subclass(PyType type, BigInteger value) => new PyIntSub(type, value);

    public static readonly PyInt Zero = Of(0), One = Of(1), MinusOne = Of(-1);
}

internal sealed class PyIntSub : PyInt
{
    private readonly PyType _type;
    private readonly PyDict? _dict;

    public PyIntSub(PyType type, BigInteger value) : base(value)
    {
        _type = type;
        if (type.HasDict)
            _dict = new PyDict();
    }

    public override PyType Type => _type;
    public override PyDict? Dict => _dict;
}

/// <summary>bool: an int whose only values are the two singletons.</summary>
public sealed class PyBool : PyInt
{
    public static readonly PyBool True = new(1), False = new(0);
    private PyBool(long v) : base(v) { }
    public bool IsTrue => Small != 0;
    public override PyType Type => PyType.BoolType;
    public static PyBool Of(bool b) => b ? True : False;
}

public class PyFloat : PyObject
{
    public readonly double Value;

    public PyFloat(double value) => Value = value;

    public override PyType Type => PyType.FloatType;

    internal static PyFloat Subclass(PyType type, double value) => new PyFloatSub(type, value);
}

internal sealed class PyFloatSub(PyType type, double value) : PyFloat(value)
{
    private readonly PyDict? _dict = type.HasDict ? new PyDict() : null;
    public override PyType Type => type;
    public override PyDict? Dict => _dict;
}

public sealed class PyComplex(double real, double imag) : PyObject
{
    public readonly double Real = real;
    public readonly double Imag = imag;
    public override PyType Type => PyType.ComplexType;
}
