using System.Globalization;
using System.Numerics;
using PycSharp.Format.Text;
using PycSharp.Runtime.Interpreter;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Builtins;

/// <summary>int, bool, float and complex (Objects/longobject.c, boolobject.c, floatobject.c, complexobject.c).</summary>
internal static class NumberSetup
{
    private static PyObject NI => Ops.NotImplemented;

    public static PyObject Int(BigInteger v) => PyInt.Of(v);

    private static bool BothInts(PyObject a, PyObject b, out PyInt x, out PyInt y)
    {
        x = (a as PyInt)!;
        y = (b as PyInt)!;
        return x is not null && y is not null;
    }

    public static void Install()
    {
        var t = PyType.IntType;
        t.Allocate = null;
        t.Repr = o => PyStr.Of(IntText((PyInt)o));
        t.Hash = o => ((PyInt)o) is { IsSmall: true } i ? Ops.SmallIntHash(i.Small) : PyHash.Int(((PyInt)o).Value, 64);
        t.Bool = o => ((PyInt)o) is { IsSmall: true } i ? i.Small != 0 : !((PyInt)o).Value.IsZero;
        t.Compare = (a, b, op) =>
        {
            if (b is PyInt y)
            {
                var x = (PyInt)a;
                int c = x.IsSmall && y.IsSmall ? x.Small.CompareTo(y.Small) : x.Value.CompareTo(y.Value);
                return PyBool.Of(CompareResult(c, op));
            }
            return NI;
        };
        t.Num[(int)NumOp.Add] = (a, b) => BothInts(a, b, out var x, out var y) ? (x.IsSmall && y.IsSmall ? AddSmall(x.Small, y.Small) : Int(x.Value + y.Value)) : NI;
        t.Num[(int)NumOp.Subtract] = (a, b) => BothInts(a, b, out var x, out var y) ? (x.IsSmall && y.IsSmall ? SubSmall(x.Small, y.Small) : Int(x.Value - y.Value)) : NI;
        t.Num[(int)NumOp.Multiply] = (a, b) => BothInts(a, b, out var x, out var y) ? Int(x.Value * y.Value) : NI;
        t.Num[(int)NumOp.FloorDivide] = (a, b) => BothInts(a, b, out var x, out var y) ? FloorDiv(x, y) : NI;
        t.Num[(int)NumOp.Remainder] = (a, b) => BothInts(a, b, out var x, out var y) ? Mod(x, y) : NI;
        t.Num[(int)NumOp.DivMod] = (a, b) => BothInts(a, b, out var x, out var y) ? PyTuple.Of(FloorDiv(x, y), Mod(x, y)) : NI;
        t.Num[(int)NumOp.TrueDivide] = (a, b) => BothInts(a, b, out var x, out var y) ? new PyFloat(TrueDivide(x.Value, y.Value)) : NI;
        t.Num[(int)NumOp.Power] = (a, b) => BothInts(a, b, out var x, out var y) ? Power(x.Value, y.Value) : NI;
        t.Num[(int)NumOp.LShift] = (a, b) => BothInts(a, b, out var x, out var y) ? LShift(x.Value, y.Value) : NI;
        t.Num[(int)NumOp.RShift] = (a, b) => BothInts(a, b, out var x, out var y) ? RShift(x.Value, y.Value) : NI;
        t.Num[(int)NumOp.And] = (a, b) => BothInts(a, b, out var x, out var y) ? Int(x.Value & y.Value) : NI;
        t.Num[(int)NumOp.Or] = (a, b) => BothInts(a, b, out var x, out var y) ? Int(x.Value | y.Value) : NI;
        t.Num[(int)NumOp.Xor] = (a, b) => BothInts(a, b, out var x, out var y) ? Int(x.Value ^ y.Value) : NI;
        t.Negative = o => Int(-((PyInt)o).Value);
        t.Positive = o => Int(((PyInt)o).Value);
        t.Invert = o => Int(-((PyInt)o).Value - 1);
        t.Absolute = o => Int(BigInteger.Abs(((PyInt)o).Value));
        t.Index = o => Int(((PyInt)o).Value);
        t.Int = o => Int(((PyInt)o).Value);
        t.Float = o => new PyFloat(ToDouble(((PyInt)o).Value));
        t.New = (type, args, kw) =>
        {
            var pos = Args.Split(args, kw, out var kwargs);
            var baseArg = Args.Take(kwargs, "base");
            Args.NoMore("int", kwargs);
            if (pos.Length > 2)
                throw Err.Type($"int expected at most 2 arguments, got {pos.Length}");
            if (pos.Length == 2)
                baseArg = pos[1];
            BigInteger v = pos.Length == 0 ? BigInteger.Zero : IntFrom(pos[0], baseArg);
            return ReferenceEquals(type, PyType.IntType) ? Int(v) : PyInt.Subclass(type, v);
        };
        TypeSetup.Method(t, "bit_length", (self, a, k) => Int(BitLength(((PyInt)self).Value)));
        TypeSetup.Method(t, "bit_count", (self, a, k) => Int(BigInteger.PopCount(BigInteger.Abs(((PyInt)self).Value))));
        TypeSetup.Method(t, "conjugate", (self, a, k) => Int(((PyInt)self).Value));
        TypeSetup.Method(t, "is_integer", (self, a, k) => PyBool.True);
        TypeSetup.Method(t, "as_integer_ratio", (self, a, k) => PyTuple.Of(Int(((PyInt)self).Value), PyInt.One));
        TypeSetup.Method(t, "__trunc__", (self, a, k) => Int(((PyInt)self).Value));
        TypeSetup.Method(t, "__floor__", (self, a, k) => Int(((PyInt)self).Value));
        TypeSetup.Method(t, "__ceil__", (self, a, k) => Int(((PyInt)self).Value));
        TypeSetup.Method(t, "__round__", (self, a, k) => a.Length == 0 || a[0] is PyNone ? Int(((PyInt)self).Value) : RoundInt(((PyInt)self).Value, Ops.IndexLong(a[0])));
        // Python/formatter_unicode.c: an empty format spec is str(self), so format(True, '') is 'True'.
        TypeSetup.Method(t, "__format__", (self, a, k) => EmptySpec(a) ? Ops.Str(self) : PyStr.Of(TextFormat.FormatInt(((PyInt)self).Value, ((PyStr)a[0]).Value)));
        TypeSetup.Method(t, "__getnewargs__", (self, a, k) => PyTuple.Of(Int(((PyInt)self).Value)));
        TypeSetup.Getter(t, "real", o => Int(((PyInt)o).Value));
        TypeSetup.Getter(t, "imag", o => PyInt.Zero);
        TypeSetup.Getter(t, "numerator", o => Int(((PyInt)o).Value));
        TypeSetup.Getter(t, "denominator", o => PyInt.One);

        var b = PyType.BoolType;
        b.Repr = o => PyStr.Intern(((PyBool)o).IsTrue ? "True" : "False");
        b.New = (type, args, kw) =>
        {
            Args.Range("bool", args, kw, 0, 1);
            return PyBool.Of(args.Length == 1 && Ops.IsTrue(args[0]));
        };
        b.Num[(int)NumOp.And] = (x, y) => x is PyBool p && y is PyBool q ? PyBool.Of(p.IsTrue & q.IsTrue) : t.Num[(int)NumOp.And]!(x, y);
        b.Num[(int)NumOp.Or] = (x, y) => x is PyBool p && y is PyBool q ? PyBool.Of(p.IsTrue | q.IsTrue) : t.Num[(int)NumOp.Or]!(x, y);
        b.Num[(int)NumOp.Xor] = (x, y) => x is PyBool p && y is PyBool q ? PyBool.Of(p.IsTrue ^ q.IsTrue) : t.Num[(int)NumOp.Xor]!(x, y);

        FloatInstall(PyType.FloatType);
        ComplexInstall(PyType.ComplexType);
    }

    /// <summary>Objects/complexobject.c complex_new_impl: a string, __complex__, or real and imaginary numbers.</summary>
    private static PyObject ComplexNew(PyObject r, PyObject? i)
    {
        if (r is PyStr rs)
        {
            if (i is not null)
                throw Err.Type("complex() can't take second arg if first is a string");
            try
            {
                var (re, im) = Text.ComplexText.Parse(rs.Value);
                return new PyComplex(re, im);
            }
            catch (Text.PyTextException e)
            {
                throw Err.From(e);
            }
        }
        if (i is PyStr)
            throw Err.Type("complex() second arg can't be a string");
        if (r is not PyComplex && Ops.CallSpecial(r, "__complex__", []) is { } special)
            r = special as PyComplex ?? throw Err.Type($"__complex__ returned non-complex (type {special.Type.Name})");
        static bool IsNumber(PyObject o) => o is PyComplex || o.Type.Float is not null || o.Type.Index is not null;
        if (!IsNumber(r))
            throw Err.Type($"complex() first argument must be a string or a number, not '{r.Type.Name}'");
        if (i is not null && !IsNumber(i))
            throw Err.Type($"complex() second argument must be a number, not '{i.Type.Name}'");
        double crReal, crImag = 0, ciReal = 0;
        if (r is PyComplex rc)
            (crReal, crImag) = (rc.Real, rc.Imag);
        else
            crReal = FloatFrom(r);
        if (i is PyComplex ic)
        {
            ciReal = ic.Real;
            crReal -= ic.Imag;
        }
        else if (i is not null)
        {
            ciReal = FloatFrom(i);
        }
        if (r is PyComplex && i is not null)
            ciReal += crImag;
        else if (i is null)
            ciReal = crImag;
        return new PyComplex(crReal, ciReal);
    }

    private static bool EmptySpec(ReadOnlySpan<PyObject> a) =>
        (a.Length == 1 ? a[0] as PyStr : null) is { } spec ? spec.Length == 0 : throw Err.Type("__format__() argument must be str");

    private static PyObject AddSmall(long a, long b)
    {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Int((BigInteger)a + b) : PyInt.Of(r);
    }

    private static PyObject SubSmall(long a, long b)
    {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? Int((BigInteger)a - b) : PyInt.Of(r);
    }

    internal static bool CompareResult(int c, CompareOp op) => op switch
    {
        CompareOp.Lt => c < 0,
        CompareOp.Le => c <= 0,
        CompareOp.Eq => c == 0,
        CompareOp.Ne => c != 0,
        CompareOp.Gt => c > 0,
        _ => c >= 0,
    };

    public static string IntText(PyInt i) =>
        i.IsSmall ? i.Small.ToString(CultureInfo.InvariantCulture) : i.Value.ToString(CultureInfo.InvariantCulture);

    private static long BitLength(BigInteger v)
    {
        v = BigInteger.Abs(v);
        return v.IsZero ? 0 : (long)v.GetBitLength();
    }

    private static PyObject FloorDiv(PyInt x, PyInt y)
    {
        if (y.IsSmall && y.Small == 0)
            throw Err.ZeroDivision("integer division or modulo by zero");
        if (x.IsSmall && y.IsSmall && !(x.Small == long.MinValue && y.Small == -1))
        {
            long q = x.Small / y.Small;
            if ((x.Small % y.Small != 0) && ((x.Small < 0) != (y.Small < 0)))
                q--;
            return PyInt.Of(q);
        }
        var qq = BigInteger.DivRem(x.Value, y.Value, out var r);
        if (!r.IsZero && (r.Sign < 0) != (y.Value.Sign < 0))
            qq -= 1;
        return Int(qq);
    }

    private static PyObject Mod(PyInt x, PyInt y)
    {
        if (y.IsSmall && y.Small == 0)
            throw Err.ZeroDivision("integer modulo by zero");
        if (x.IsSmall && y.IsSmall && y.Small != -1)
        {
            long r = x.Small % y.Small;
            if (r != 0 && (r < 0) != (y.Small < 0))
                r += y.Small;
            return PyInt.Of(r);
        }
        var rr = BigInteger.Remainder(x.Value, y.Value);
        if (!rr.IsZero && (rr.Sign < 0) != (y.Value.Sign < 0))
            rr += y.Value;
        return Int(rr);
    }

    /// <summary>int / int, correctly rounded (Objects/longobject.c long_true_divide).</summary>
    public static double TrueDivide(BigInteger a, BigInteger b) => Text.IntMath.TrueDivide(a, b);

    public static double ToDouble(BigInteger v) => Text.IntMath.ToDouble(v);

    private static PyObject Power(BigInteger a, BigInteger b)
    {
        if (b.Sign < 0)
        {
            if (a.IsZero)
                throw Err.ZeroDivision("0.0 cannot be raised to a negative power");
            return new PyFloat(Math.Pow(ToDouble(a), ToDouble(b)));
        }
        if (b > int.MaxValue)
        {
            if (a.IsOne || a.IsZero)
                return Int(a);
            if (a == BigInteger.MinusOne)
                return Int(b.IsEven ? 1 : -1);
            throw Err.New(PyType.MemoryError);
        }
        return Int(BigInteger.Pow(a, (int)b));
    }

    private static PyObject LShift(BigInteger a, BigInteger n)
    {
        if (n.Sign < 0)
            throw Err.Value("negative shift count");
        if (a.IsZero)
            return PyInt.Zero;
        if (n > int.MaxValue)
            throw Err.Overflow("too many digits in integer");
        return Int(a << (int)n);
    }

    private static PyObject RShift(BigInteger a, BigInteger n)
    {
        if (n.Sign < 0)
            throw Err.Value("negative shift count");
        if (n > int.MaxValue)
            return a.Sign < 0 ? PyInt.MinusOne : PyInt.Zero;
        return Int(a >> (int)n);
    }

    private static PyObject RoundInt(BigInteger v, long ndigits)
    {
        if (ndigits >= 0)
            return Int(v);
        var pow = BigInteger.Pow(10, (int)Math.Min(-ndigits, 100000));
        var q = BigInteger.DivRem(v, pow, out var r);
        // Round half to even on the remainder.
        var twice = BigInteger.Abs(r) * 2;
        if (r.Sign < 0)
        {
            q -= 1;
            r += pow;
            twice = r * 2;
        }
        if (twice > pow || (twice == pow && !q.IsEven))
            q += 1;
        return Int(q * pow);
    }

    /// <summary>int(x) and int(str, base): Objects/longobject.c long_new_impl / PyNumber_Long.</summary>
    public static BigInteger IntFrom(PyObject x, PyObject? baseArg)
    {
        if (baseArg is not null)
        {
            long b = Ops.IndexLong(baseArg);
            if (x is not PyStr && x is not PyBytes && x is not PyByteArray)
                throw Err.Type("int() can't convert non-string with explicit base");
            return TextFormat.ParseInt(x is PyStr s ? s.Value : System.Text.Encoding.Latin1.GetString(((PyBytes)x).Value), (int)b, x);
        }
        switch (x)
        {
            case PyInt i:
                return i.Value;
            case PyFloat f:
                return FloatToInt(f.Value);
            case PyStr s:
                return TextFormat.ParseInt(s.Value, 10, x);
            case PyBytes bytes:
                return TextFormat.ParseInt(System.Text.Encoding.Latin1.GetString(bytes.Value), 10, x);
        }
        var t = x.Type;
        if (t.Int is { } intSlot)
            return ((PyInt)intSlot(x)).Value;
        if (t.Index is { } indexSlot)
            return ((PyInt)indexSlot(x)).Value;
        if (t.Lookup("__trunc__") is { } trunc)
            return Ops.Index(Ops.CallWithSelfDescriptor(trunc, x, [])).Value;
        throw Err.Type($"int() argument must be a string, a bytes-like object or a real number, not '{t.Name}'");
    }

    public static BigInteger FloatToInt(double d)
    {
        if (double.IsNaN(d))
            throw Err.Value("cannot convert float NaN to integer");
        if (double.IsInfinity(d))
            throw Err.Overflow("cannot convert float infinity to integer");
        return new BigInteger(Math.Truncate(d));
    }

    // ------------------------------------------------------------------ float

    public static bool ToDoubleArg(PyObject o, out double d)
    {
        switch (o)
        {
            case PyFloat f:
                d = f.Value;
                return true;
            case PyInt i:
                d = i.IsSmall ? i.Small : ToDouble(i.Value);
                return true;
            default:
                d = 0;
                return false;
        }
    }

    private static PyObject F(double d) => new PyFloat(d);

    private static void FloatInstall(PyType t)
    {
        t.Repr = o => PyStr.Of(PyRepr.Float(((PyFloat)o).Value));
        t.Hash = o => PyHash.Double(((PyFloat)o).Value, 64) ?? Identity.Of(o) >> 4;
        t.Bool = o => ((PyFloat)o).Value != 0;
        t.Compare = (a, b, op) =>
        {
            double x = ((PyFloat)a).Value;
            if (b is PyFloat fb)
                return PyBool.Of(CompareDoubles(x, fb.Value, op));
            if (b is PyInt ib)
                return PyBool.Of(CompareFloatInt(x, ib, op));
            return NI;
        };
        BinarySlot Bin(Func<double, double, PyObject> f) => (a, b) =>
            ToDoubleArg(a, out var x) && ToDoubleArg(b, out var y) ? f(x, y) : NI;
        t.Num[(int)NumOp.Add] = Bin((x, y) => F(x + y));
        t.Num[(int)NumOp.Subtract] = Bin((x, y) => F(x - y));
        t.Num[(int)NumOp.Multiply] = Bin((x, y) => F(x * y));
        t.Num[(int)NumOp.TrueDivide] = Bin((x, y) => F(Text.FloatMath.TrueDivide(x, y)));
        t.Num[(int)NumOp.FloorDivide] = Bin((x, y) => F(Text.FloatMath.FloorDiv(x, y)));
        t.Num[(int)NumOp.Remainder] = Bin((x, y) => F(Text.FloatMath.Mod(x, y, PyRuntime.Current.Version)));
        t.Num[(int)NumOp.DivMod] = Bin((x, y) =>
        {
            var (d, m) = Text.FloatMath.DivMod(x, y);
            return PyTuple.Of(F(d), F(m));
        });
        t.Num[(int)NumOp.Power] = Bin(FloatPow);
        t.Negative = o => F(-((PyFloat)o).Value);
        t.Positive = o => F(((PyFloat)o).Value);
        t.Absolute = o => F(Math.Abs(((PyFloat)o).Value));
        t.Int = o => Int(FloatToInt(((PyFloat)o).Value));
        t.Float = o => o.GetType() == typeof(PyFloat) ? o : F(((PyFloat)o).Value);
        t.New = (type, args, kw) =>
        {
            Args.Range("float", args, kw, 0, 1);
            double v = args.Length == 0 ? 0.0 : FloatFrom(args[0]);
            return ReferenceEquals(type, PyType.FloatType) ? F(v) : PyFloat.Subclass(type, v);
        };
        TypeSetup.Method(t, "is_integer", (self, a, k) => PyBool.Of(double.IsFinite(((PyFloat)self).Value) && Math.Floor(((PyFloat)self).Value) == ((PyFloat)self).Value));
        TypeSetup.Method(t, "__trunc__", (self, a, k) => Int(FloatToInt(((PyFloat)self).Value)));
        TypeSetup.Method(t, "__floor__", (self, a, k) => Int(FloatToInt(Math.Floor(((PyFloat)self).Value))));
        TypeSetup.Method(t, "__ceil__", (self, a, k) => Int(FloatToInt(Math.Ceiling(((PyFloat)self).Value))));
        TypeSetup.Method(t, "__round__", (self, a, k) => TextFormat.RoundFloat(((PyFloat)self).Value, a.Length == 0 ? null : a[0]));
        TypeSetup.Method(t, "__format__", (self, a, k) => EmptySpec(a) ? Ops.Str(self) : PyStr.Of(TextFormat.FormatFloat(((PyFloat)self).Value, ((PyStr)a[0]).Value)));
        TypeSetup.Method(t, "conjugate", (self, a, k) => F(((PyFloat)self).Value));
        TypeSetup.Method(t, "as_integer_ratio", (self, a, k) => AsIntegerRatio(((PyFloat)self).Value));
        TypeSetup.Method(t, "hex", (self, a, k) => PyStr.Of(TextFormat.FloatHex(((PyFloat)self).Value)));
        TypeSetup.Getter(t, "real", o => F(((PyFloat)o).Value));
        TypeSetup.Getter(t, "imag", o => F(0.0));
    }

    public static double FloatFrom(PyObject o)
    {
        switch (o)
        {
            case PyFloat f:
                return f.Value;
            case PyInt i:
                return ToDouble(i.Value);
            case PyStr s:
                return TextFormat.ParseFloat(s.Value);
        }
        if (o.Type.Float is { } fs)
        {
            var r = fs(o);
            return r is PyFloat rf ? rf.Value : throw Err.Type($"{o.Type.Name}.__float__ returned non-float (type {r.Type.Name})");
        }
        if (o.Type.Index is { } ix)
            return ToDouble(((PyInt)ix(o)).Value);
        throw Err.Type($"float() argument must be a string or a real number, not '{o.Type.Name}'");
    }

    internal static bool CompareDoubles(double x, double y, CompareOp op) => op switch
    {
        CompareOp.Lt => x < y,
        CompareOp.Le => x <= y,
        CompareOp.Eq => x == y,
        CompareOp.Ne => x != y,
        CompareOp.Gt => x > y,
        _ => x >= y,
    };

    /// <summary>float vs int compared exactly (Objects/floatobject.c float_richcompare).</summary>
    internal static bool CompareFloatInt(double x, PyInt i, CompareOp op)
    {
        if (double.IsNaN(x))
            return op == CompareOp.Ne;
        if (double.IsInfinity(x))
            return CompareResult(x > 0 ? 1 : -1, op);
        if (i.IsSmall && Math.Abs(i.Small) < (1L << 53))
            return CompareDoubles(x, i.Small, op);
        var fl = new BigInteger(Math.Floor(x));
        int c = fl.CompareTo(i.Value);
        if (c == 0 && Math.Floor(x) != x)
            c = 1;
        return CompareResult(c, op);
    }

    private static PyObject FloatPow(double x, double y)
    {
        if (x == 0 && y < 0)
            throw Err.ZeroDivision("0.0 cannot be raised to a negative power");
        if (x < 0 && y != Math.Floor(y) && double.IsFinite(y))
        {
            var c = System.Numerics.Complex.Pow(new System.Numerics.Complex(x, 0), y);
            return new PyComplex(c.Real, c.Imaginary);
        }
        double r = Math.Pow(x, y);
        if (double.IsInfinity(r) && double.IsFinite(x) && double.IsFinite(y))
            throw Err.New(PyType.OverflowError, "(34, 'Numerical result out of range')");
        return F(r);
    }

    private static PyObject AsIntegerRatio(double d)
    {
        if (double.IsInfinity(d))
            throw Err.Overflow("cannot convert Infinity to integer ratio");
        if (double.IsNaN(d))
            throw Err.Value("cannot convert NaN to integer ratio");
        long bits = BitConverter.DoubleToInt64Bits(d);
        bool neg = bits < 0;
        int exp = (int)((bits >> 52) & 0x7FF);
        long mant = bits & 0xFFFFFFFFFFFFFL;
        if (exp == 0)
            exp++;
        else
            mant |= 1L << 52;
        exp -= 1075;
        BigInteger num = mant, den = 1;
        while (!num.IsZero && num.IsEven && exp < 0)
        {
            num >>= 1;
            exp++;
        }
        if (exp > 0)
            num <<= exp;
        else
            den <<= -exp;
        if (num.IsZero)
            den = 1;
        return PyTuple.Of(Int(neg ? -num : num), Int(den));
    }

    private static void ComplexInstall(PyType t)
    {
        t.Repr = o =>
        {
            var c = (PyComplex)o;
            string im = TextFormat.ComplexPart(c.Imag);
            if (c.Real == 0 && !double.IsNegative(c.Real))
                return PyStr.Of(im + "j");
            string re = TextFormat.ComplexPart(c.Real);
            // Objects/complexobject.c complex_repr: the imaginary part carries its own sign (Py_DTSF_SIGN), -0 included.
            string sign = double.IsNaN(c.Imag) || !double.IsNegative(c.Imag) ? "+" : "";
            return PyStr.Of($"({re}{sign}{im}j)");
        };
        static bool C(PyObject o, out System.Numerics.Complex c)
        {
            switch (o)
            {
                case PyComplex z:
                    c = new(z.Real, z.Imag);
                    return true;
                case PyFloat f:
                    c = new(f.Value, 0);
                    return true;
                case PyInt i:
                    c = new(ToDouble(i.Value), 0);
                    return true;
            }
            c = default;
            return false;
        }
        static PyObject Z(System.Numerics.Complex c) => new PyComplex(c.Real, c.Imaginary);
        t.Num[(int)NumOp.Add] = (a, b) => C(a, out var x) && C(b, out var y) ? Z(x + y) : NI;
        t.Num[(int)NumOp.Subtract] = (a, b) => C(a, out var x) && C(b, out var y) ? Z(x - y) : NI;
        t.Num[(int)NumOp.Multiply] = (a, b) => C(a, out var x) && C(b, out var y) ? Z(x * y) : NI;
        t.Num[(int)NumOp.TrueDivide] = (a, b) => C(a, out var x) && C(b, out var y)
            ? (y == System.Numerics.Complex.Zero ? throw Err.ZeroDivision("complex division by zero") : Z(x / y)) : NI;
        t.Num[(int)NumOp.Power] = (a, b) => C(a, out var x) && C(b, out var y) ? Z(System.Numerics.Complex.Pow(x, y)) : NI;
        t.Negative = o => new PyComplex(-((PyComplex)o).Real, -((PyComplex)o).Imag);
        t.Absolute = o => new PyFloat(System.Numerics.Complex.Abs(new(((PyComplex)o).Real, ((PyComplex)o).Imag)));
        t.Bool = o => ((PyComplex)o).Real != 0 || ((PyComplex)o).Imag != 0;
        t.Compare = (a, b, op) =>
        {
            if (op is not (CompareOp.Eq or CompareOp.Ne) || !C(b, out var y))
                return NI;
            var x = (PyComplex)a;
            bool eq = x.Real == y.Real && x.Imag == y.Imaginary;
            return PyBool.Of(op == CompareOp.Eq ? eq : !eq);
        };
        t.Hash = o =>
        {
            var c = (PyComplex)o;
            long hr = PyHash.Double(c.Real, 64) ?? 0, hi = PyHash.Double(c.Imag, 64) ?? 0;
            long h = unchecked(hr + 1000003L * hi);
            return h == -1 ? -2 : h;
        };
        t.New = (type, args, kw) =>
        {
            var pos = Args.Split(args, kw, out var kwargs);
            var r = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "real");
            var i = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "imag");
            Args.NoMore("complex", kwargs);
            if (pos.Length > 2)
                throw Err.Type($"complex() takes at most 2 arguments ({pos.Length} given)");
            return ComplexNew(r ?? PyInt.Zero, i);
        };
        TypeSetup.Getter(t, "real", o => F(((PyComplex)o).Real));
        TypeSetup.Getter(t, "imag", o => F(((PyComplex)o).Imag));
        TypeSetup.Method(t, "conjugate", (self, a, k) => new PyComplex(((PyComplex)self).Real, -((PyComplex)self).Imag));
    }
}
