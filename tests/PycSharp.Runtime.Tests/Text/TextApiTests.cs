using System.Numerics;
using PycSharp.Format;
using PycSharp.Runtime.Text;

namespace PycSharp.Runtime.Tests.Text;

/// <summary>What the fixtures cannot show: the API's own choices (limits switched off, the complex signal).</summary>
public class TextApiTests
{
    private static readonly PythonVersion V312 = new(3, 12);

    [Fact]
    public void NoDigitLimitWhenMaxStrDigitsIsZero()
    {
        // sys.set_int_max_str_digits(0) lifts the limit: 10**5000 has 5001 digits.
        var big = BigInteger.Pow(10, 5000);
        Assert.Equal(5001, IntText.ToString(big, 0).Length);
        Assert.Equal(big - 1, IntText.Parse(new string('9', 5000), 10, V312, 0));
        var e = Assert.Throws<PyTextException>(() => IntText.ToString(big));
        Assert.Equal("ValueError", e.PythonType);
    }

    [Fact]
    public void NegativeBaseToFractionalPowerIsLeftToTheComplexPower()
    {
        Assert.False(FloatMath.TryPow(-8.0, 1.0 / 3, out _));
        Assert.True(FloatMath.TryPow(-8.0, 3.0, out double r));
        Assert.Equal(-512.0, r);
    }

    [Fact]
    public void ExceptionCarriesThePythonType()
    {
        var e = Assert.Throws<PyTextException>(() => FloatMath.Mod(1.0, 0.0, new PythonVersion(3, 13)));
        Assert.Equal("ZeroDivisionError", e.PythonType);
        Assert.Equal("ZeroDivisionError: float modulo by zero", e.ToString());
    }
}
