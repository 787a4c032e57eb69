using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;

namespace PycSharp.Format.Objects;

/// <summary>An <c>int</c> of any size (and, in Python 2, <c>long</c>: see <see cref="IsPython2Long"/>).</summary>
public sealed class PyInt : PyObject
{
    public PyInt(BigInteger value) : this(value, 0) { }
    internal PyInt(BigInteger value, byte marshalType) : base(marshalType) => Value = value;

    /// <summary>A Python 2 <c>long</c> (written as 'l' whatever its size), e.g. the constant <c>5L</c>.</summary>
    public static PyInt Python2Long(BigInteger value) => new(value, MarshalTypes.Long);

    public BigInteger Value { get; }

    /// <summary>In Python 2 data, 'l' is the <c>long</c> type (printed with an L); 'i' and 'I' are <c>int</c>.</summary>
    public bool IsPython2Long => (MarshalType & ~MarshalTypes.FlagRef) == MarshalTypes.Long;

    public override string TypeName => "int";
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A <c>float</c>. <see cref="Text"/> keeps the decimal text of the old 'f' form, byte for byte.</summary>
public sealed class PyFloat : PyObject
{
    public PyFloat(double value) : this(value, default, 0) { }
    internal PyFloat(double value, ImmutableArray<byte> text, byte marshalType) : base(marshalType)
    {
        Value = value;
        Text = text;
    }

    public double Value { get; }

    /// <summary>The ASCII text the value was read from (type 'f'); default when binary or built in code.</summary>
    public ImmutableArray<byte> Text { get; }

    public override string TypeName => "float";
    public override string ToString() => Value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>A <c>complex</c>. The text fields keep the old 'x' form, byte for byte.</summary>
public sealed class PyComplex : PyObject
{
    public PyComplex(double real, double imag) : this(real, imag, default, default, 0) { }
    internal PyComplex(double real, double imag, ImmutableArray<byte> realText, ImmutableArray<byte> imagText, byte marshalType)
        : base(marshalType)
    {
        Real = real;
        Imag = imag;
        RealText = realText;
        ImagText = imagText;
    }

    public double Real { get; }
    public double Imag { get; }
    public ImmutableArray<byte> RealText { get; }
    public ImmutableArray<byte> ImagText { get; }

    public override string TypeName => "complex";
    public override string ToString() =>
        $"({Real.ToString("R", CultureInfo.InvariantCulture)}{(Imag >= 0 || double.IsNaN(Imag) ? "+" : "")}{Imag.ToString("R", CultureInfo.InvariantCulture)}j)";
}
