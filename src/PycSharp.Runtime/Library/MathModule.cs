using System.Numerics;
using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// The math module (Modules/mathmodule.c): libm functions with CPython's error rules (math_1, math_2, is_error:
/// a NaN from a non-NaN argument is ValueError "math domain error", an infinity from a finite one OverflowError
/// "math range error" or a domain error), exact integer functions, fsum's exact partials and vector_norm.
/// </summary>
internal static class MathModule
{
    private const string Domain = "math domain error";
    private const string Range = "math range error";

    public static PyModule Create(PyRuntime rt)
    {
        var m = new PyModule("math");
        int minor = rt.Version.Minor;
        m.Set("pi", new PyFloat(Math.PI));
        m.Set("e", new PyFloat(Math.E));
        m.Set("tau", new PyFloat(Math.Tau));
        m.Set("inf", new PyFloat(double.PositiveInfinity));
        m.Set("nan", new PyFloat(double.NaN));

        // FUNC1 table of Modules/mathmodule.c: the flag says whether an infinite result from a finite argument
        // is an overflow (OverflowError) rather than a singularity (ValueError).
        One(m, "acos", Math.Acos, false);
        One(m, "acosh", Math.Acosh, false);
        One(m, "asin", Math.Asin, false);
        One(m, "asinh", Math.Asinh, false);
        One(m, "atan", Math.Atan, false);
        One(m, "atanh", Math.Atanh, false);
        One(m, "cbrt", Math.Cbrt, false);
        One(m, "cos", Math.Cos, false);
        One(m, "cosh", Math.Cosh, true);
        One(m, "exp", Math.Exp, true);
        One(m, "exp2", x => Math.Pow(2.0, x), true);
        One(m, "expm1", LibM.Expm1, true);
        One(m, "fabs", Math.Abs, false);
        One(m, "log1p", LibM.Log1p, false);
        One(m, "sin", Math.Sin, false);
        One(m, "sinh", Math.Sinh, true);
        One(m, "sqrt", Math.Sqrt, false);
        One(m, "tan", Math.Tan, false);
        One(m, "tanh", Math.Tanh, false);
        PoleAtNonPositiveIntegers(m, "gamma", Gamma, true);
        PoleAtNonPositiveIntegers(m, "lgamma", LGamma, false);
        One(m, "erf", LibM.Erf, false);
        One(m, "erfc", LibM.Erfc, false);

        Def(m, "floor", (a, k) => RoundTo(a, k, "floor", "__floor__", Math.Floor));
        Def(m, "ceil", (a, k) => RoundTo(a, k, "ceil", "__ceil__", Math.Ceiling));
        Def(m, "trunc", (a, k) =>
        {
            Args.Exactly("math.trunc", a, k, 1);
            if (a[0].GetType() == typeof(PyFloat))
                return PyInt.Of(NumberSetup.FloatToInt(((PyFloat)a[0]).Value));
            return Ops.CallSpecial(a[0], "__trunc__", []) ?? throw Err.Type($"type {a[0].Type.Name} doesn't define __trunc__ method");
        });
        Def(m, "degrees", (a, k) => new PyFloat(Arg1(a, k, "degrees") * (180.0 / Math.PI)));
        Def(m, "radians", (a, k) => new PyFloat(Arg1(a, k, "radians") * (Math.PI / 180.0)));
        Def(m, "isfinite", (a, k) => PyBool.Of(double.IsFinite(Arg1(a, k, "isfinite"))));
        Def(m, "isinf", (a, k) => PyBool.Of(double.IsInfinity(Arg1(a, k, "isinf"))));
        Def(m, "isnan", (a, k) => PyBool.Of(double.IsNaN(Arg1(a, k, "isnan"))));
        Def(m, "frexp", (a, k) =>
        {
            double x = Arg1(a, k, "frexp");
            if (double.IsNaN(x) || double.IsInfinity(x) || x == 0)
                return PyTuple.Of(new PyFloat(x), PyInt.Zero);
            var (mant, exp) = Frexp(x);
            return PyTuple.Of(new PyFloat(mant), PyInt.Of(exp));
        });
        Def(m, "modf", (a, k) =>
        {
            double x = Arg1(a, k, "modf");
            if (double.IsInfinity(x))
                return PyTuple.Of(new PyFloat(Math.CopySign(0.0, x)), new PyFloat(x));
            if (double.IsNaN(x))
                return PyTuple.Of(new PyFloat(x), new PyFloat(x));
            double ip = Math.Truncate(x);
            return PyTuple.Of(new PyFloat(Math.CopySign(x - ip, x)), new PyFloat(ip));
        });
        Def(m, "ulp", (a, k) => new PyFloat(Ulp(Arg1(a, k, "ulp"))));

        Two(m, "atan2", Atan2);
        Two(m, "copysign", Math.CopySign);
        Two(m, "remainder", Remainder);
        Two(m, "fmod", (x, y) => double.IsInfinity(y) && double.IsFinite(x) ? x : x % y);
        Def(m, "pow", (a, k) =>
        {
            Args.NoKeywords("math.pow", k);
            Args.Range("pow", a, k, 2, 2);
            return new PyFloat(Pow(AsDouble(a[0]), AsDouble(a[1])));
        });
        Def(m, "ldexp", (a, k) =>
        {
            Args.NoKeywords("math.ldexp", k);
            Args.Range("ldexp", a, k, 2, 2);
            double x = AsDouble(a[0]);
            var i = a[1] as PyInt ?? throw Err.Type("Expected an int as second argument to ldexp.");
            if (x == 0 || !double.IsFinite(x))
                return new PyFloat(x);
            if (i.Value > int.MaxValue)
                throw Err.Overflow(Range);
            if (i.Value < int.MinValue)
                return new PyFloat(Math.CopySign(0.0, x));
            double r = Math.ScaleB(x, (int)i.Value);
            return double.IsInfinity(r) ? throw Err.Overflow(Range) : new PyFloat(r);
        });
        Def(m, "log", (a, k) =>
        {
            Args.NoKeywords("math.log", k);
            if (a.Length is < 1 or > 2)
                throw Err.Type(minor == 11 ? "math.log requires 1 to 2 arguments" : $"log expected {(a.Length < 1 ? "at least 1 argument" : "at most 2 arguments")}, got {a.Length}");
            double num = LogHelper(a[0], Math.Log);
            if (a.Length == 1)
                return new PyFloat(num);
            double den = LogHelper(a[1], Math.Log);
            return den == 0 ? throw Err.ZeroDivision("float division by zero") : new PyFloat(num / den);
        });
        Def(m, "log2", (a, k) => { Args.Exactly("math.log2", a, k, 1); return new PyFloat(LogHelper(a[0], Math.Log2)); });
        Def(m, "log10", (a, k) => { Args.Exactly("math.log10", a, k, 1); return new PyFloat(LogHelper(a[0], Math.Log10)); });

        Def(m, "factorial", (a, k) =>
        {
            Args.Exactly("math.factorial", a, k, 1);
            var n = Ops.Index(a[0]).Value;
            if (n > long.MaxValue)
                throw Err.Overflow($"factorial() argument should not exceed {long.MaxValue}");
            if (n.Sign < 0)
                throw Err.Value("factorial() not defined for negative values");
            return PyInt.Of(Factorial((long)n));
        });
        Def(m, "gcd", (a, k) =>
        {
            Args.NoKeywords("math.gcd", k);
            BigInteger g = BigInteger.Zero;
            foreach (var x in a)
                g = BigInteger.GreatestCommonDivisor(g, Ops.Index(x).Value);
            return PyInt.Of(g);
        });
        Def(m, "lcm", (a, k) =>
        {
            Args.NoKeywords("math.lcm", k);
            BigInteger l = BigInteger.One;
            foreach (var x in a)
            {
                var v = Ops.Index(x).Value;
                l = l.IsZero || v.IsZero ? BigInteger.Zero : BigInteger.Abs(l / BigInteger.GreatestCommonDivisor(l, v) * v);
            }
            return PyInt.Of(l);
        });
        Def(m, "isqrt", (a, k) =>
        {
            Args.Exactly("math.isqrt", a, k, 1);
            var n = Ops.Index(a[0]).Value;
            if (n.Sign < 0)
                throw Err.Value("isqrt() argument must be nonnegative");
            return PyInt.Of(ISqrt(n));
        });
        Def(m, "comb", (a, k) =>
        {
            Args.NoKeywords("math.comb", k);
            Args.Range("comb", a, k, 2, 2);
            var (n, r) = NonNegative(a[0], a[1]);
            if (r > n)
                return PyInt.Zero;
            r = BigInteger.Min(r, n - r);
            if (r > long.MaxValue)
                throw Err.Overflow($"min(n - k, k) must not exceed {long.MaxValue}");
            return PyInt.Of(FallingProduct(n, (long)r) / Factorial((long)r));
        });
        Def(m, "perm", (a, k) =>
        {
            Args.NoKeywords("math.perm", k);
            Args.Range("perm", a, k, 1, 2);
            if (a.Length == 1 || a[1] is PyNone)
            {
                var f = Ops.Index(a[0]).Value;
                if (f > long.MaxValue)
                    throw Err.Overflow($"factorial() argument should not exceed {long.MaxValue}");
                return f.Sign < 0 ? throw Err.Value("factorial() not defined for negative values") : PyInt.Of(Factorial((long)f));
            }
            var (n, r) = NonNegative(a[0], a[1]);
            if (r > n)
                return PyInt.Zero;
            if (r > long.MaxValue)
                throw Err.Overflow($"k must not exceed {long.MaxValue}");
            return PyInt.Of(FallingProduct(n, (long)r));
        });
        Def(m, "fsum", (a, k) => { Args.Exactly("math.fsum", a, k, 1); return new PyFloat(FSum(a[0])); });
        Def(m, "prod", (a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            var start = Args.Take(kwargs, "start") ?? PyInt.One;
            Args.NoMore("prod", kwargs);
            if (pos.Length != 1)
                throw Err.Type($"prod() takes exactly 1 positional argument ({pos.Length} given)");
            var result = start;
            var it = Ops.GetIter(pos[0]);
            while (Ops.Next(it) is { } item)
                result = Ops.Multiply(result, item);
            return result;
        });
        Def(m, "isclose", (a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            if (pos.Length > 2)
                throw Err.Type($"isclose() takes exactly 2 positional arguments ({pos.Length} given)");
            var xa = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "a") ?? throw Err.Type("isclose() missing required argument 'a' (pos 1)");
            var xb = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "b") ?? throw Err.Type("isclose() missing required argument 'b' (pos 2)");
            var rel = Args.Take(kwargs, "rel_tol");
            var abs = Args.Take(kwargs, "abs_tol");
            Args.NoMore("isclose", kwargs);
            return PyBool.Of(IsClose(AsDouble(xa), AsDouble(xb), rel is null ? 1e-9 : AsDouble(rel), abs is null ? 0.0 : AsDouble(abs)));
        });
        Def(m, "hypot", (a, k) =>
        {
            Args.NoKeywords("math.hypot", k);
            var coords = new double[a.Length];
            for (int i = 0; i < a.Length; i++)
                coords[i] = Math.Abs(AsDouble(a[i]));
            return new PyFloat(VectorNorm(coords));
        });
        Def(m, "dist", (a, k) =>
        {
            Args.NoKeywords("math.dist", k);
            Args.Range("dist", a, k, 2, 2);
            var p = a[0] as PyTuple ?? PyTuple.Of(Ops.ToArray(a[0]));
            var q = a[1] as PyTuple ?? PyTuple.Of(Ops.ToArray(a[1]));
            if (p.Count != q.Count)
                throw Err.Value("both points must have the same number of dimensions");
            var diffs = new double[p.Count];
            for (int i = 0; i < diffs.Length; i++)
                diffs[i] = Math.Abs(AsDouble(p[i]) - AsDouble(q[i]));
            return new PyFloat(VectorNorm(diffs));
        });
        Def(m, "nextafter", (a, k) =>
        {
            var pos = Args.Split(a, k, out var kwargs);
            PyObject? steps = null;
            if (minor >= 12)
            {
                steps = Args.Take(kwargs, "steps");
                Args.NoMore("nextafter", kwargs);
            }
            else
            {
                Args.NoKeywords("math.nextafter", k);
            }
            Args.Range("nextafter", pos, null, 2, 2);
            double x = AsDouble(pos[0]), y = AsDouble(pos[1]);
            if (steps is null || steps is PyNone)
                return new PyFloat(NextAfter(x, y));
            var n = Ops.Index(steps).Value;
            if (n.Sign < 0)
                throw Err.Value("steps must be a non-negative integer");
            return new PyFloat(NextAfter(x, y, n > ulong.MaxValue ? ulong.MaxValue : (ulong)n));
        });
        if (minor >= 13)
        {
            Def(m, "fma", (a, k) =>
            {
                Args.NoKeywords("math.fma", k);
                Args.Range("fma", a, k, 3, 3);
                double x = AsDouble(a[0]), y = AsDouble(a[1]), z = AsDouble(a[2]);
                double r = Math.FusedMultiplyAdd(x, y, z);
                if (!double.IsFinite(r))
                {
                    // Modules/mathmodule.c math_fma_impl: only errors the inputs did not already carry.
                    if (double.IsNaN(r) && !double.IsNaN(x) && !double.IsNaN(y) && !double.IsNaN(z))
                        throw Err.Value("invalid operation in fma");
                    if (double.IsInfinity(r) && double.IsFinite(x) && double.IsFinite(y) && double.IsFinite(z))
                        throw Err.Overflow("overflow in fma");
                }
                return new PyFloat(r);
            });
        }
        return m;
    }

    private static void Def(PyModule m, string name, NativeFunction body) => BuiltinModules.Def(m, name, body);

    /// <summary>PyFloat_AsDouble: a float, an int (OverflowError when too large), __float__ or __index__.</summary>
    internal static double AsDouble(PyObject o)
    {
        switch (o)
        {
            case PyFloat f:
                return f.Value;
            case PyInt i:
                return i.IsSmall ? i.Small : ToDouble(i.Value);
        }
        if (o.Type.Float is { } fs)
        {
            var r = fs(o);
            return r is PyFloat rf ? rf.Value : throw Err.Type($"{o.Type.Name}.__float__ returned non-float (type {r.Type.Name})");
        }
        if (o.Type.Index is not null)
            return ToDouble(Ops.Index(o).Value);
        throw Err.Type($"must be real number, not {o.Type.Name}");
    }

    private static double ToDouble(BigInteger v)
    {
        try
        {
            return Text.IntMath.ToDouble(v);
        }
        catch (Text.PyTextException e)
        {
            throw Err.From(e);
        }
    }

    private static double Arg1(ReadOnlySpan<PyObject> a, PyTuple? k, string name)
    {
        Args.Exactly("math." + name, a, k, 1);
        return AsDouble(a[0]);
    }

    /// <summary>math_1: a one-argument libm function with CPython's domain and range checks.</summary>
    private static void One(PyModule m, string name, Func<double, double> f, bool canOverflow) =>
        Def(m, name, (a, k) =>
        {
            double x = Arg1(a, k, name);
            double r = f(x);
            if (double.IsNaN(r) && !double.IsNaN(x))
                throw Err.Value(Domain);
            if (double.IsInfinity(r) && double.IsFinite(x))
                throw canOverflow ? Err.Overflow(Range) : Err.Value(Domain);
            return new PyFloat(r);
        });

    /// <summary>
    /// math_1a for m_tgamma / m_lgamma: they report through errno, EDOM at the poles (zero and the negative
    /// integers; gamma also at -inf) and ERANGE when the result overflows.
    /// </summary>
    private static void PoleAtNonPositiveIntegers(PyModule m, string name, Func<double, double> f, bool negativeInfinityIsDomainError) =>
        Def(m, name, (a, k) =>
        {
            double x = Arg1(a, k, name);
            if ((double.IsFinite(x) && x <= 0 && x == Math.Floor(x)) || (negativeInfinityIsDomainError && double.IsNegativeInfinity(x)))
                throw Err.Value(Domain);
            double r = f(x);
            if (double.IsInfinity(r) && double.IsFinite(x))
                throw Err.Overflow(Range);
            return new PyFloat(r);
        });

    /// <summary>math_2: a two-argument function; NaN from non-NaNs is a domain error, inf from finites a range error.</summary>
    private static void Two(PyModule m, string name, Func<double, double, double> f) =>
        Def(m, name, (a, k) =>
        {
            Args.NoKeywords("math." + name, k);
            Args.Range(name, a, k, 2, 2);
            double x = AsDouble(a[0]), y = AsDouble(a[1]);
            double r = f(x, y);
            if (double.IsNaN(r) && !double.IsNaN(x) && !double.IsNaN(y))
                throw Err.Value(Domain);
            if (double.IsInfinity(r) && double.IsFinite(x) && double.IsFinite(y))
                throw Err.Overflow(Range);
            return new PyFloat(r);
        });

    /// <summary>math.floor / math.ceil: exact floats directly, else the type's __floor__/__ceil__, else via float.</summary>
    private static PyObject RoundTo(ReadOnlySpan<PyObject> a, PyTuple? k, string name, string special, Func<double, double> f)
    {
        Args.Exactly("math." + name, a, k, 1);
        var o = a[0];
        if (o.GetType() != typeof(PyFloat))
        {
            if (o.GetType() == typeof(PyInt))
                return o;
            if (Ops.CallSpecial(o, special, []) is { } r)
                return r;
        }
        return PyInt.Of(NumberSetup.FloatToInt(f(AsDouble(o))));
    }

    /// <summary>loghelper: ints of any size (log of the mantissa plus the exponent's share), others through math_1.</summary>
    private static double LogHelper(PyObject arg, Func<double, double> f)
    {
        if (arg is PyInt i)
        {
            var v = i.Value;
            if (v.Sign <= 0)
                throw Err.Value(Domain);
            long bits = (long)v.GetBitLength();
            if (bits <= 1024)
            {
                double d = Text.IntMath.ToDouble(v);
                if (!double.IsInfinity(d))
                    return f(d);
            }
            // _PyLong_Frexp: v ~= x * 2**e with 0.5 <= x < 1, x correctly rounded.
            double x = Text.IntMath.RatioToDouble(v, BigInteger.One << (int)bits);
            long e = bits;
            if (x == 1.0)
            {
                x = 0.5;
                e++;
            }
            return f(x) + f(2.0) * e;
        }
        double y = AsDouble(arg);
        double r = f(y);
        if (double.IsNaN(r) && !double.IsNaN(y))
            throw Err.Value(Domain);
        if (double.IsInfinity(r) && double.IsFinite(y))
            throw Err.Value(Domain);
        return r;
    }

    private static (double Mantissa, int Exponent) Frexp(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int exp = (int)((bits >> 52) & 0x7FF);
        if (exp == 0)
        {
            // Subnormal: scale into the normal range first.
            var (m, e) = Frexp(x * 18014398509481984.0); // 2**54
            return (m, e - 54);
        }
        long mbits = (bits & ~(0x7FFL << 52)) | (1022L << 52);
        return (BitConverter.Int64BitsToDouble(mbits), exp - 1022);
    }

    /// <summary>m_atan2: C99 Annex F special values handled directly (Modules/mathmodule.c).</summary>
    private static double Atan2(double y, double x)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
            return double.NaN;
        if (double.IsInfinity(y))
        {
            if (double.IsInfinity(x))
                return Math.CopySign(x > 0 ? 0.25 * Math.PI : 0.75 * Math.PI, y);
            return Math.CopySign(0.5 * Math.PI, y);
        }
        if (double.IsInfinity(x) || y == 0)
            return double.IsPositive(x) ? Math.CopySign(0.0, y) : Math.CopySign(Math.PI, y);
        return Math.Atan2(y, x);
    }

    /// <summary>m_remainder: the IEEE 754 remainder, computed from fmod as CPython does.</summary>
    private static double Remainder(double x, double y)
    {
        if (double.IsFinite(x) && double.IsFinite(y))
        {
            if (y == 0)
                return double.NaN;
            double absx = Math.Abs(x), absy = Math.Abs(y);
            double m = absx % absy;
            double c = absy - m;
            double r;
            if (m < c)
                r = m;
            else if (m > c)
                r = -c;
            else
                r = m - 2.0 * ((0.5 * (absx - m)) % absy);
            return Math.CopySign(1.0, x) * r;
        }
        if (double.IsNaN(x))
            return x;
        if (double.IsNaN(y))
            return y;
        if (double.IsInfinity(x))
            return double.NaN;
        return x;
    }

    /// <summary>math_pow_impl: IEEE specials first, then libm pow with EDOM/ERANGE classification.</summary>
    private static double Pow(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y))
        {
            if (double.IsNaN(x))
                return y == 0 ? 1.0 : x;
            if (double.IsNaN(y))
                return x == 1 ? 1.0 : y;
            if (double.IsInfinity(x))
            {
                bool oddY = double.IsFinite(y) && Math.Abs(y) % 2.0 == 1.0;
                if (y > 0)
                    return oddY ? x : Math.Abs(x);
                if (y == 0)
                    return 1.0;
                return oddY ? Math.CopySign(0.0, x) : 0.0;
            }
            if (Math.Abs(x) == 1.0)
                return 1.0;
            if (y > 0 && Math.Abs(x) > 1.0)
                return y;
            if (y < 0 && Math.Abs(x) < 1.0)
                return -y;
            return 0.0;
        }
        double r = Math.Pow(x, y);
        if (double.IsNaN(r))
            throw Err.Value(Domain);
        if (double.IsInfinity(r))
            throw x == 0 ? Err.Value(Domain) : Err.Overflow(Range);
        return r;
    }

    private static double Ulp(double x)
    {
        if (double.IsNaN(x))
            return x;
        x = Math.Abs(x);
        if (double.IsInfinity(x))
            return x;
        double x2 = Math.BitIncrement(x);
        if (double.IsInfinity(x2))
            return x - Math.BitDecrement(x);
        return x2 - x;
    }

    /// <summary>C99 nextafter.</summary>
    private static double NextAfter(double x, double y)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
            return x + y;
        if (x == y)
            return y;
        return y > x ? Math.BitIncrement(x) : Math.BitDecrement(x);
    }

    /// <summary>math_nextafter_impl with steps (3.12+): the bit patterns are walked as integers.</summary>
    private static double NextAfter(double x, double y, ulong steps)
    {
        if (steps == 0 || double.IsNaN(x))
            return x;
        if (double.IsNaN(y))
            return y;
        ulong ux = (ulong)BitConverter.DoubleToInt64Bits(x), uy = (ulong)BitConverter.DoubleToInt64Bits(y);
        if (ux == uy)
            return x;
        const ulong signBit = 1UL << 63;
        ulong ax = ux & ~signBit, ay = uy & ~signBit;
        static double D(ulong u) => BitConverter.Int64BitsToDouble((long)u);
        if (((ux ^ uy) & signBit) != 0)
        {
            if (ax + ay <= steps)
                return y;
            if (ax < steps)
                return D((uy & signBit) | (steps - ax));
            return D(ux - steps);
        }
        if (ax > ay)
            return ax - ay >= steps ? D(ux - steps) : y;
        return ay - ax >= steps ? D(ux + steps) : y;
    }

    private static bool IsClose(double a, double b, double relTol, double absTol)
    {
        if (relTol < 0 || absTol < 0)
            throw Err.Value("tolerances must be non-negative");
        if (a == b)
            return true;
        if (double.IsInfinity(a) || double.IsInfinity(b))
            return false;
        double diff = Math.Abs(b - a);
        return diff <= Math.Abs(relTol * b) || diff <= Math.Abs(relTol * a) || diff <= absTol;
    }

    /// <summary>
    /// vector_norm (Modules/mathmodule.c, 3.12): power-of-two scaling, exact squares and compensated summation,
    /// then one differential correction of the square root. Takes absolute values.
    /// </summary>
    private static double VectorNorm(double[] vec)
    {
        double max = 0;
        bool foundNan = false;
        foreach (double v in vec)
        {
            foundNan |= double.IsNaN(v);
            if (v > max)
                max = v;
        }
        if (double.IsInfinity(max))
            return max;
        if (foundNan)
            return double.NaN;
        if (max == 0 || vec.Length <= 1)
            return max;
        int maxE = Frexp(max).Exponent;
        if (maxE < -1023)
        {
            // ldexp(1.0, -max_e) would overflow: bring subnormals up to normals first.
            var scaled = vec.Select(v => v / DblMin).ToArray();
            return DblMin * VectorNorm(scaled);
        }
        double scale = Math.ScaleB(1.0, -maxE);
        double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
        foreach (double v in vec)
        {
            double x = v * scale;
            var (prHi, prLo) = ExactMul(x, x);
            var (smHi, smLo) = FastSum(csum, prHi);
            csum = smHi;
            frac1 += prLo;
            frac2 += smLo;
        }
        double h = Math.Sqrt(csum - 1.0 + (frac1 + frac2));
        var (pHi, pLo) = ExactMul(-h, h);
        var (sHi, sLo) = FastSum(csum, pHi);
        csum = sHi;
        frac1 += pLo;
        frac2 += sLo;
        double corr = csum - 1.0 + (frac1 + frac2);
        h += corr / (2.0 * h);
        return h / scale;
    }

    private const double DblMin = 2.2250738585072014e-308;

    private static (double Hi, double Lo) ExactMul(double x, double y)
    {
        double z = x * y;
        return (z, Math.FusedMultiplyAdd(x, y, -z));
    }

    private static (double Hi, double Lo) FastSum(double a, double b)
    {
        double x = a + b;
        double z = x - a;
        return (x, b - z);
    }

    /// <summary>math_fsum: Shewchuk's exact partials (msum), with CPython's handling of infinities and NaNs.</summary>
    private static double FSum(PyObject iterable)
    {
        var p = new List<double>();
        double specialSum = 0, infSum = 0;
        var it = Ops.GetIter(iterable);
        while (Ops.Next(it) is { } item)
        {
            double x = AsDouble(item);
            double xsave = x;
            int i = 0;
            for (int j = 0; j < p.Count; j++)
            {
                double y = p[j];
                if (Math.Abs(x) < Math.Abs(y))
                    (x, y) = (y, x);
                double hi = x + y;
                double lo = y - (hi - x);
                if (lo != 0.0)
                    p[i++] = lo;
                x = hi;
            }
            p.RemoveRange(i, p.Count - i);
            if (x != 0.0)
            {
                if (!double.IsFinite(x))
                {
                    // A non-finite sum from finite summands is an intermediate overflow.
                    if (double.IsFinite(xsave))
                        throw Err.Overflow("intermediate overflow in fsum");
                    if (double.IsInfinity(xsave))
                        infSum += xsave;
                    specialSum += xsave;
                    p.Clear();
                }
                else
                {
                    p.Add(x);
                }
            }
        }
        if (specialSum != 0.0)
            return double.IsNaN(infSum) ? throw Err.Value("-inf + inf in fsum") : specialSum;
        double sum = 0.0;
        int n = p.Count;
        if (n > 0)
        {
            sum = p[--n];
            double lo = 0;
            while (n > 0)
            {
                double x = sum;
                double y = p[--n];
                sum = x + y;
                lo = y - (sum - x);
                if (lo != 0.0)
                    break;
            }
            // Half-even rounding across several partials.
            if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)))
            {
                double y = lo * 2.0;
                double x = sum + y;
                if (y == x - sum)
                    sum = x;
            }
        }
        return sum;
    }

    private static (BigInteger N, BigInteger K) NonNegative(PyObject n, PyObject k)
    {
        var nv = Ops.Index(n).Value;
        var kv = Ops.Index(k).Value;
        if (nv.Sign < 0)
            throw Err.Value("n must be a non-negative integer");
        if (kv.Sign < 0)
            throw Err.Value("k must be a non-negative integer");
        return (nv, kv);
    }

    /// <summary>n * (n-1) * ... * (n-k+1), multiplied as a balanced tree.</summary>
    private static BigInteger FallingProduct(BigInteger n, long k) => RangeProduct(n - k + 1, k);

    private static BigInteger RangeProduct(BigInteger start, long count)
    {
        if (count <= 0)
            return BigInteger.One;
        if (count <= 16)
        {
            BigInteger r = start;
            for (long i = 1; i < count; i++)
                r *= start + i;
            return r;
        }
        long half = count / 2;
        return RangeProduct(start, half) * RangeProduct(start + half, count - half);
    }

    private static BigInteger Factorial(long n) => n < 2 ? BigInteger.One : RangeProduct(1, n);

    private static BigInteger ISqrt(BigInteger n)
    {
        if (n.IsZero)
            return n;
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + n / x) >> 1;
            if (y >= x)
                return x;
            x = y;
        }
    }

    /// <summary>log1p without libm's: exact for tiny x, and corrected for the rounding of 1 + x.</summary>
    internal static double Log1P(double x)
    {
        if (x == 0 || double.IsNaN(x) || double.IsPositiveInfinity(x))
            return x;
        double u = 1.0 + x;
        if (u == 1.0)
            return x;
        return Math.Log(u) * x / (u - 1.0);
    }

    internal static double ExpM1(double x)
    {
        if (x == 0 || double.IsNaN(x))
            return x;
        if (Math.Abs(x) < 1e-5)
            return x + 0.5 * x * x + x * x * x / 6.0;
        return Math.Exp(x) - 1.0;
    }

    // ---- gamma, lgamma, erf, erfc: the Lanczos approximation and series of Modules/mathmodule.c.

    private const double LanczosG = 6.024680040776729583740234375;
    private const double LanczosGMinusHalf = 5.524680040776729583740234375;

    private static readonly double[] s_lanczosNum =
    [
        23531376880.410759688572007674451636754734846804940,
        42919803642.649098768957899047001988850926355848959,
        35711959237.355668049440185451547166705960488635843,
        17921034426.037209699919755754458931112671403265390,
        6039542586.3520280050642916443072979210699388420708,
        1439720407.3117216736632230727949123939715485786772,
        248874557.86205415651146038641322942321632125127801,
        31426415.585400194380614231628318205362874684987640,
        2876370.6289353724412254090516208496135991145378768,
        186056.26539522349504029498971604569928220784236328,
        8071.6720023658162106380029022722506138218516325024,
        210.82427775157934587250973392071336271166969580291,
        2.5066282746310002701649081771338373386264310793408,
    ];

    private static readonly double[] s_lanczosDen =
    [
        0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
        13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
    ];

    private static readonly double[] s_gammaIntegral =
    [
        1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0,
        6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0,
        121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
    ];

    private static double LanczosSum(double x)
    {
        double num = 0, den = 0;
        int n = s_lanczosNum.Length;
        if (x < 5.0)
        {
            for (int i = n; --i >= 0;)
            {
                num = num * x + s_lanczosNum[i];
                den = den * x + s_lanczosDen[i];
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                num = num / x + s_lanczosNum[i];
                den = den / x + s_lanczosDen[i];
            }
        }
        return num / den;
    }

    private static double SinPi(double x)
    {
        double y = Math.Abs(x) % 2.0;
        int n = (int)Math.Round(2.0 * y);
        double r = n switch
        {
            0 => Math.Sin(Math.PI * y),
            1 => Math.Cos(Math.PI * (y - 0.5)),
            2 => Math.Sin(Math.PI * (1.0 - y)),
            3 => -Math.Cos(Math.PI * (y - 1.5)),
            _ => Math.Sin(Math.PI * (y - 2.0)),
        };
        return Math.CopySign(1.0, x) * r;
    }

    private static double Gamma(double x)
    {
        if (!double.IsFinite(x))
            return double.IsNaN(x) || x > 0 ? x : double.NaN;
        if (x == 0)
            return Math.CopySign(double.PositiveInfinity, x);
        if (x == Math.Floor(x))
        {
            if (x < 0)
                return double.NaN;
            if (x <= s_gammaIntegral.Length)
                return s_gammaIntegral[(int)x - 1];
        }
        double absx = Math.Abs(x);
        if (absx < 1e-20)
            return 1.0 / x;
        if (absx > 200.0)
            return x < 0.0 ? 0.0 / SinPi(x) : double.PositiveInfinity;
        double y = absx + LanczosGMinusHalf;
        double q, z, r;
        if (absx > LanczosGMinusHalf)
        {
            q = y - absx;
            z = q - LanczosGMinusHalf;
        }
        else
        {
            q = y - LanczosGMinusHalf;
            z = q - absx;
        }
        z = z * LanczosG / y;
        if (x < 0.0)
        {
            r = -Math.PI / SinPi(absx) / absx * Math.Exp(y) / LanczosSum(absx);
            r -= z * r;
            if (absx < 140.0)
            {
                r /= Math.Pow(y, absx - 0.5);
            }
            else
            {
                double sqrtpow = Math.Pow(y, absx / 2.0 - 0.25);
                r /= sqrtpow;
                r /= sqrtpow;
            }
        }
        else
        {
            r = LanczosSum(absx) / Math.Exp(y);
            r += z * r;
            if (absx < 140.0)
            {
                r *= Math.Pow(y, absx - 0.5);
            }
            else
            {
                double sqrtpow = Math.Pow(y, absx / 2.0 - 0.25);
                r *= sqrtpow;
                r *= sqrtpow;
            }
        }
        return r;
    }

    private static double LGamma(double x)
    {
        if (!double.IsFinite(x))
            return double.IsNaN(x) ? x : double.PositiveInfinity;
        if (x == Math.Floor(x) && x <= 2.0)
            return x <= 0.0 ? double.PositiveInfinity : 0.0;
        double absx = Math.Abs(x);
        if (absx < 1e-20)
            return -Math.Log(absx);
        double r = Math.Log(LanczosSum(absx)) - LanczosG;
        r += (absx - 0.5) * (Math.Log(absx + LanczosG - 0.5) - 1);
        if (x < 0.0)
            r = Math.Log(Math.PI) - Math.Log(Math.Abs(SinPi(absx))) - Math.Log(absx) - r;
        return r;
    }

    private const double ErfSeriesCutoff = 1.5;
    private const int ErfSeriesTerms = 25;
    private const double ErfcContfracCutoff = 30.0;
    private const int ErfcContfracTerms = 50;
    private const double SqrtPi = 1.772453850905516027298167483341145182798;

    private static double ErfSeries(double x)
    {
        double x2 = x * x, acc = 0.0, fk = ErfSeriesTerms + 0.5;
        for (int i = 0; i < ErfSeriesTerms; i++)
        {
            acc = 2.0 + x2 * acc / fk;
            fk -= 1.0;
        }
        return acc * x * Math.Exp(-x2) / SqrtPi;
    }

    private static double ErfcContfrac(double x)
    {
        if (x >= ErfcContfracCutoff)
            return 0.0;
        double x2 = x * x, a = 0.0, da = 0.5, p = 1.0, pLast = 0.0, q = da + x2, qLast = 1.0;
        for (int i = 0; i < ErfcContfracTerms; i++)
        {
            a += da;
            da += 2.0;
            double b = da + x2;
            (p, pLast) = (b * p - a * pLast, p);
            (q, qLast) = (b * q - a * qLast, q);
        }
        return p / q * x * Math.Exp(-x2) / SqrtPi;
    }

    internal static double Erf(double x)
    {
        if (double.IsNaN(x))
            return x;
        double absx = Math.Abs(x);
        if (absx < ErfSeriesCutoff)
            return ErfSeries(x);
        double cf = ErfcContfrac(absx);
        return x > 0.0 ? 1.0 - cf : cf - 1.0;
    }

    internal static double Erfc(double x)
    {
        if (double.IsNaN(x))
            return x;
        double absx = Math.Abs(x);
        if (absx < ErfSeriesCutoff)
            return 1.0 - ErfSeries(x);
        double cf = ErfcContfrac(absx);
        return x > 0.0 ? cf : 2.0 - cf;
    }
}
