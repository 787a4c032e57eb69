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
                return PyBool.Of(Ops.Compare(c, 0, op));
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
        TypeSetup.Method(t, "to_bytes", (self, a, k) => ToBytes(((PyInt)self).Value, a, k));
        TypeSetup.ClassMethod(t, "from_bytes", (cls, a, k) =>
        {
            var v = Int(FromBytes(a, k));
            return ReferenceEquals(cls, PyType.IntType) ? v : Ops.Call(cls, v);
        });
        TypeSetup.Method(t, "bit_length", (self, a, k) => Int(BitLength(((PyInt)self).Value)));
        TypeSetup.Method(t, "bit_count", (self, a, k) => Int(BigInteger.PopCount(BigInteger.Abs(((PyInt)self).Value))));
        TypeSetup.Method(t, "conjugate", (self, a, k) => Int(((PyInt)self).Value));
        TypeSetup.Method(t, "is_integer", (self, a, k) => PyBool.True);
        TypeSetup.Method(t, "as_integer_ratio", (self, a, k) => PyTuple.Of(Int(((PyInt)self).Value), PyInt.One));
        TypeSetup.Method(t, "__trunc__", (self, a, k) => Int(((PyInt)self).Value));
        TypeSetup.Method(t, "__floor__", (self, a, k) => Int(((PyInt)self).Value));
        TypeSetup.Method(t, "__ceil__", (self, a, k) => Int(((PyInt)self).Value));
        TypeSetup.Method(t, "__round__", (self, a, k) => a.Length == 0 || a[0] is PyNone ? Int(((PyInt)self).Value) : RoundInt(((PyInt)self).Value, Ops.IndexLong(a[0])));
        TypeSetup.Method(t, "__format__", (self, a, k) => TextAdapters.FormatInt(self, a[0]));
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

    internal static PyObject AddSmall(long a, long b)
    {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Int((BigInteger)a + b) : PyInt.Of(r);
    }

    internal static PyObject SubSmall(long a, long b)
    {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? Int((BigInteger)a - b) : PyInt.Of(r);
    }

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
            // A base outside int's range is refused by the parser's own range check.
            return TextAdapters.ParseInt(x, b is < int.MinValue or > int.MaxValue ? -1 : (int)b);
        }
        switch (x)
        {
            case PyInt i:
                return i.Value;
            case PyFloat f:
                return FloatToInt(f.Value);
            case PyStr or PyBytes or PyByteArray:
                return TextAdapters.ParseInt(x, 10);
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
                return PyBool.Of(Ops.Compare(x, fb.Value, op));
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
        TypeSetup.Method(t, "__round__", (self, a, k) => RoundFloat(((PyFloat)self).Value, a.Length == 0 ? null : a[0]));
        TypeSetup.Method(t, "__format__", (self, a, k) => TextAdapters.FormatFloat(self, a[0]));
        TypeSetup.Method(t, "conjugate", (self, a, k) => F(((PyFloat)self).Value));
        TypeSetup.Method(t, "as_integer_ratio", (self, a, k) => AsIntegerRatio(((PyFloat)self).Value));
        TypeSetup.Method(t, "hex", (self, a, k) => PyStr.Of(Text.FloatHex.Hex(((PyFloat)self).Value)));
        TypeSetup.ClassMethod(t, "fromhex", (cls, a, k) =>
        {
            Args.Exactly("fromhex", a, k, 1);
            var r = F(Text.FloatHex.FromHex(a[0] is PyStr s ? s.Value : throw Err.Type($"fromhex() argument must be str, not {a[0].Type.Name}")));
            // float_fromhex: a subclass is built by calling it with the float.
            return ReferenceEquals(cls, PyType.FloatType) ? r : Ops.Call(cls, r);
        });
        TypeSetup.Getter(t, "real", o => F(((PyFloat)o).Value));
        TypeSetup.Getter(t, "imag", o => F(0.0));
    }

    /// <summary>round(x) and round(x, n) for floats (Objects/floatobject.c float___round___impl, double_round).</summary>
    private static PyObject RoundFloat(double x, PyObject? ndigits) =>
        ndigits is null or PyNone
            ? PyInt.Of(Text.FloatMath.Round(x))
            : new PyFloat(Text.FloatMath.Round(x, ClipToLong(Ops.Index(ndigits))));

    /// <summary>PyNumber_AsSsize_t with clipping, as round() converts ndigits.</summary>
    private static long ClipToLong(PyInt n) => n.IsSmall ? n.Small : n.Value.Sign < 0 ? long.MinValue : long.MaxValue;

    public static double FloatFrom(PyObject o)
    {
        switch (o)
        {
            case PyFloat f:
                return f.Value;
            case PyInt i:
                return ToDouble(i.Value);
            case PyStr s:
                return TextAdapters.ParseFloat(s.Value);
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

    /// <summary>float vs int compared exactly (Objects/floatobject.c float_richcompare).</summary>
    internal static bool CompareFloatInt(double x, PyInt i, CompareOp op)
    {
        if (double.IsNaN(x))
            return op == CompareOp.Ne;
        if (double.IsInfinity(x))
            return Ops.Compare(x > 0 ? 1 : -1, 0, op);
        if (i.IsSmall && Math.Abs(i.Small) < (1L << 53))
            return Ops.Compare(x, (double)i.Small, op);
        var fl = new BigInteger(Math.Floor(x));
        int c = fl.CompareTo(i.Value);
        if (c == 0 && Math.Floor(x) != x)
            c = 1;
        return Ops.Compare(c, 0, op);
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
        t.Repr = o => PyStr.Of(TextAdapters.ComplexRepr(((PyComplex)o).Real, ((PyComplex)o).Imag));
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
        t.Num[(int)NumOp.Multiply] = (a, b) => C(a, out var x) && C(b, out var y) ? Z(Prod(x, y)) : NI;
        t.Num[(int)NumOp.TrueDivide] = (a, b) => C(a, out var x) && C(b, out var y)
            ? (y == System.Numerics.Complex.Zero ? throw Err.ZeroDivision("complex division by zero") : Z(ComplexQuot(x, y))) : NI;
        t.Num[(int)NumOp.Power] = (a, b) => C(a, out var x) && C(b, out var y) ? Z(ComplexPow(x, y)) : NI;
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
        TypeSetup.Method(t, "__format__", (self, a, k) => TextAdapters.FormatComplex(self, a[0]));
    }

    /// <summary>_Py_c_quot (Objects/complexobject.c): divide by the larger part of the divisor to avoid overflow.</summary>
    private static System.Numerics.Complex ComplexQuot(System.Numerics.Complex a, System.Numerics.Complex b)
    {
        double absBr = Math.Abs(b.Real), absBi = Math.Abs(b.Imaginary);
        if (absBr >= absBi)
        {
            double ratio = b.Imaginary / b.Real;
            double denom = b.Real + b.Imaginary * ratio;
            return new((a.Real + a.Imaginary * ratio) / denom, (a.Imaginary - a.Real * ratio) / denom);
        }
        if (absBi >= absBr)
        {
            double ratio = b.Real / b.Imaginary;
            double denom = b.Real * ratio + b.Imaginary;
            return new((a.Real * ratio + a.Imaginary) / denom, (a.Imaginary * ratio - a.Real) / denom);
        }
        return new(double.NaN, double.NaN);
    }

    /// <summary>
    /// complex_pow: a small integral exponent (|n| &lt;= 100, given as an int or an integral real complex) is done by
    /// repeated squaring (c_powi), anything else in polar form (_Py_c_pow); an infinite result is OverflowError.
    /// </summary>
    private static System.Numerics.Complex ComplexPow(System.Numerics.Complex a, System.Numerics.Complex b)
    {
        System.Numerics.Complex r;
        // Both routes fail the same way (EDOM) for zero to a negative or complex power.
        if (a == System.Numerics.Complex.Zero && (b.Imaginary != 0 || b.Real < 0))
            throw Err.ZeroDivision("0.0 to a negative or complex power");
        if (b.Imaginary == 0 && b.Real == Math.Floor(b.Real) && Math.Abs(b.Real) <= 100)
        {
            int n = (int)b.Real;
            r = n > 0 ? PowU(a, n) : ComplexQuot(System.Numerics.Complex.One, PowU(a, -n));
        }
        else if (b == System.Numerics.Complex.Zero)
        {
            r = System.Numerics.Complex.One;
        }
        else if (a == System.Numerics.Complex.Zero)
        {
            r = System.Numerics.Complex.Zero;
        }
        else
        {
            double vabs = double.Hypot(a.Real, a.Imaginary);
            double len = Math.Pow(vabs, b.Real), at = Math.Atan2(a.Imaginary, a.Real), phase = at * b.Real;
            if (b.Imaginary != 0)
            {
                len /= Math.Exp(at * b.Imaginary);
                phase += b.Imaginary * Math.Log(vabs);
            }
            r = new(len * Math.Cos(phase), len * Math.Sin(phase));
        }
        if (double.IsInfinity(r.Real) || double.IsInfinity(r.Imaginary))
            if (double.IsFinite(a.Real) && double.IsFinite(a.Imaginary) && double.IsFinite(b.Real) && double.IsFinite(b.Imaginary))
                throw Err.Overflow("complex exponentiation");
        return r;
    }

    /// <summary>c_powu: binary exponentiation with CPython's products (c_prod).</summary>
    private static System.Numerics.Complex PowU(System.Numerics.Complex x, int n)
    {
        System.Numerics.Complex r = System.Numerics.Complex.One, p = x;
        for (int mask = 1; mask > 0 && n >= mask; mask <<= 1)
        {
            if ((n & mask) != 0)
                r = Prod(r, p);
            p = Prod(p, p);
        }
        return r;
    }

    private static System.Numerics.Complex Prod(System.Numerics.Complex a, System.Numerics.Complex b) =>
        new(a.Real * b.Real - a.Imaginary * b.Imaginary, a.Real * b.Imaginary + a.Imaginary * b.Real);

    /// <summary>The byteorder argument of to_bytes/from_bytes (default "big" since 3.11).</summary>
    private static bool LittleEndian(PyObject? order) => order switch
    {
        null => false,
        PyStr { Value: "little" } => true,
        PyStr { Value: "big" } => false,
        PyStr => throw Err.Value("byteorder must be either 'little' or 'big'"),
        _ => throw Err.Type($"to_bytes() argument 'byteorder' must be str, not {order.Type.Name}"),
    };

    /// <summary>int.to_bytes(length=1, byteorder='big', *, signed=False) (Objects/longobject.c int_to_bytes_impl).</summary>
    private static PyObject ToBytes(BigInteger v, ReadOnlySpan<PyObject> args, PyTuple? kw)
    {
        var pos = Args.Split(args, kw, out var kwargs);
        var lengthObj = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "length");
        var orderObj = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "byteorder");
        var signedObj = Args.Take(kwargs, "signed");
        Args.NoMore("to_bytes", kwargs);
        long length = lengthObj is null ? 1 : Ops.IndexLong(lengthObj);
        bool little = LittleEndian(orderObj);
        bool signed = signedObj is not null && Ops.IsTrue(signedObj);
        if (length < 0)
            throw Err.Value("length argument must be non-negative");
        if (!signed && v.Sign < 0)
            throw Err.Overflow("can't convert negative int to unsigned");
        // The bytes the value needs: its bits, plus a sign bit when signed (for a negative value, those of -v-1).
        long bits = signed ? (long)(v.Sign < 0 ? -v - 1 : v).GetBitLength() + 1 : (long)v.GetBitLength();
        if ((bits + 7) / 8 > length && !(v.IsZero))
            throw Err.Overflow("int too big to convert");
        var raw = v.ToByteArray(isUnsigned: !signed, isBigEndian: false);
        var r = new byte[length];
        byte fill = v.Sign < 0 ? (byte)0xFF : (byte)0;
        for (int i = 0; i < length; i++)
            r[i] = i < raw.Length ? raw[i] : fill;
        if (!little)
            Array.Reverse(r);
        return new PyBytes(r);
    }

    /// <summary>int.from_bytes(bytes, byteorder='big', *, signed=False) (int_from_bytes_impl).</summary>
    private static BigInteger FromBytes(ReadOnlySpan<PyObject> args, PyTuple? kw)
    {
        var pos = Args.Split(args, kw, out var kwargs);
        var bytesObj = pos.Length > 0 ? pos[0] : Args.Take(kwargs, "bytes") ?? throw Err.Type("from_bytes() missing required argument 'bytes' (pos 1)");
        var orderObj = pos.Length > 1 ? pos[1] : Args.Take(kwargs, "byteorder");
        var signedObj = Args.Take(kwargs, "signed");
        Args.NoMore("from_bytes", kwargs);
        bool little = LittleEndian(orderObj);
        bool signed = signedObj is not null && Ops.IsTrue(signedObj);
        // PyObject_Bytes: a buffer, __bytes__, or an iterable of ints.
        var data = BytesSetup.BufferOrNull(bytesObj) ?? ((PyBytes)Ops.Call(PyType.BytesType, bytesObj)).Value;
        return new BigInteger(data, isUnsigned: !signed, isBigEndian: !little);
    }
}
