using System.Collections.Immutable;
using System.Numerics;
using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Compiler;

/// <summary>
/// The AST optimiser of Python/ast_opt.c (3.11-3.13): folds unary and binary operators on constants within its
/// size limits (safe_multiply, safe_power, safe_lshift, safe_mod), tuples of constants, constant subscripts,
/// <c>not</c> of a single <c>in</c>/<c>is</c> comparison, and lists and sets iterated or tested with <c>in</c>.
/// What would raise (1 / 0) is left for run time, as there.
/// </summary>
internal static class ConstantFolder
{
    private const int MaxIntSize = 128, MaxCollectionSize = 256, MaxStrSize = 4096;

    public static ModuleAst Fold(ModuleAst module) => module with
    {
        Body = Stmts(module.Body),
        Expression = module.Expression is null ? null : Expr(module.Expression),
    };

    private static ImmutableArray<Stmt> Stmts(ImmutableArray<Stmt> body) => [.. body.Select(Stmt)];

    private static Stmt Stmt(Stmt s) => s switch
    {
        ExprStmt e => e with { Value = Expr(e.Value) },
        Assign a => a with { Targets = Exprs(a.Targets), Value = Expr(a.Value) },
        AugAssign a => a with { Target = Expr(a.Target), Value = Expr(a.Value) },
        AnnAssign a => a with { Target = Expr(a.Target), Annotation = Expr(a.Annotation), Value = a.Value is null ? null : Expr(a.Value) },
        Delete d => d with { Targets = Exprs(d.Targets) },
        If i => i with { Test = Expr(i.Test), Body = Stmts(i.Body), OrElse = Stmts(i.OrElse) },
        While w => w with { Test = Expr(w.Test), Body = Stmts(w.Body), OrElse = Stmts(w.OrElse) },
        For f => f with { Target = Expr(f.Target), Iter = Iterable(Expr(f.Iter)), Body = Stmts(f.Body), OrElse = Stmts(f.OrElse) },
        Assert a => a with { Test = Expr(a.Test), Msg = a.Msg is null ? null : Expr(a.Msg) },
        Raise r => r with { Exc = r.Exc is null ? null : Expr(r.Exc), Cause = r.Cause is null ? null : Expr(r.Cause) },
        _ => s,
    };

    private static ImmutableArray<Expr> Exprs(ImmutableArray<Expr> items) => [.. items.Select(Expr)];

    private static Expr Expr(Expr e)
    {
        switch (e)
        {
            case UnaryOp u:
            {
                var operand = Expr(u.Operand);
                if (u.Op == "not" && operand is Compare { Ops.Length: 1 } c && c.Ops[0] is "in" or "not in" or "is" or "is not")
                {
                    var inverted = c.Ops[0] switch { "in" => "not in", "not in" => "in", "is" => "is not", _ => "is" };
                    return c with { Ops = [inverted], Span = u.Span };
                }
                if (operand is Constant k && Unary(u.Op, k.Value) is { } folded)
                    return new Constant(folded, u.Span);
                return u with { Operand = operand };
            }
            case BinOp b:
            {
                var left = Expr(b.Left);
                var right = Expr(b.Right);
                if (left is Constant l && right is Constant r && Binary(b.Op, l.Value, r.Value) is { } folded)
                    return new Constant(folded, b.Span);
                return b with { Left = left, Right = right };
            }
            case BoolOp b: return b with { Values = Exprs(b.Values) };
            case Compare c:
            {
                var comparators = Exprs(c.Comparators);
                if (c.Ops[^1] is "in" or "not in")
                    comparators = comparators.SetItem(comparators.Length - 1, Iterable(comparators[^1]));
                return c with { Left = Expr(c.Left), Comparators = comparators };
            }
            case IfExp i: return i with { Test = Expr(i.Test), Body = Expr(i.Body), OrElse = Expr(i.OrElse) };
            case Call c: return c with { Func = Expr(c.Func), Args = Exprs(c.Args), Keywords = [.. c.Keywords.Select(k => k with { Value = Expr(k.Value) })] };
            case Attribute a: return a with { Value = Expr(a.Value) };
            case Subscript s:
            {
                var value = Expr(s.Value);
                var index = Expr(s.Index);
                if (value is Constant v && index is Constant k && Subscript(v.Value, k.Value) is { } folded)
                    return new Constant(folded, s.Span);
                return s with { Value = value, Index = index };
            }
            case Slice s: return s with { Lower = s.Lower is null ? null : Expr(s.Lower), Upper = s.Upper is null ? null : Expr(s.Upper), Step = s.Step is null ? null : Expr(s.Step) };
            case Starred s: return s with { Value = Expr(s.Value) };
            case TupleExpr t:
            {
                var elts = Exprs(t.Elts);
                if (elts.All(x => x is Constant))
                    return new Constant(new PyTuple(ImmutableArray.CreateRange<PyObject>(elts.Select(x => ((Constant)x).Value))), t.Span);
                return t with { Elts = elts };
            }
            case ListExpr l: return l with { Elts = Exprs(l.Elts) };
            case SetExpr s: return s with { Elts = Exprs(s.Elts) };
            case DictExpr d: return d with { Keys = [.. d.Keys.Select(k => k is null ? null : Expr(k))], Values = Exprs(d.Values) };
            default: return e;
        }
    }

    /// <summary>ast_opt.c fold_iter: a list of constants iterated becomes a tuple, a set a frozenset.</summary>
    private static Expr Iterable(Expr e) => e switch
    {
        ListExpr l when l.Elts.All(x => x is Constant) => new Constant(new PyTuple(ImmutableArray.CreateRange<PyObject>(l.Elts.Select(x => ((Constant)x).Value))), l.Span),
        ListExpr l when !l.Elts.Any(x => x is Starred) => new TupleExpr(l.Elts, l.Span),
        SetExpr s when s.Elts.All(x => x is Constant) => new Constant(new PySet([.. s.Elts.Select(x => ((Constant)x).Value)], frozen: true), s.Span),
        _ => e,
    };

    private static PyObject? Unary(string op, PyObject v)
    {
        switch (op)
        {
            case "not":
                return Truth(v) is { } t ? PyBool.Of(!t) : null;
            case "-":
                return v switch
                {
                    PyBool b => new PyInt(b == PyBool.True ? -1 : 0),
                    PyInt i => new PyInt(-i.Value),
                    PyFloat f => new PyFloat(-f.Value),
                    PyComplex c => new PyComplex(-c.Real, -c.Imag),
                    _ => null,
                };
            case "+":
                return v switch
                {
                    PyBool b => new PyInt(b == PyBool.True ? 1 : 0),
                    PyInt or PyFloat or PyComplex => v,
                    _ => null,
                };
            case "~":
                // ~bool is deprecated from 3.12 with a warning at fold time; leave it to run time.
                return v is PyInt iv ? new PyInt(-iv.Value - 1) : null;
        }
        return null;
    }

    private static bool? Truth(PyObject v) => v switch
    {
        PyNone => false,
        PyBool b => b == PyBool.True,
        PyInt i => !i.Value.IsZero,
        PyFloat f => f.Value != 0,
        PyComplex c => c.Real != 0 || c.Imag != 0,
        PyString s => s.Payload.Length > 0,
        PyBytes b => b.Length > 0,
        PyTuple t => t.Items.Length > 0,
        PySet s => s.Items.Length > 0,
        PyEllipsis => true,
        _ => null,
    };

    private static BigInteger? IntOf(PyObject v) => v switch
    {
        PyInt i => i.Value,
        PyBool b => b == PyBool.True ? BigInteger.One : BigInteger.Zero,
        _ => null,
    };

    private static long BitLength(BigInteger v) => v.IsZero ? 0 : (long)BigInteger.Abs(v).GetBitLength();

    private static PyObject? Binary(string op, PyObject l, PyObject r)
    {
        if (IntOf(l) is { } a && IntOf(r) is { } b)
            return IntBinary(op, a, b);
        if (l is PyFloat or PyInt or PyBool && r is PyFloat or PyInt or PyBool)
            return FloatBinary(op, ToDouble(l), ToDouble(r));
        if (l is PyComplex or PyFloat or PyInt && r is PyComplex or PyFloat or PyInt && op is "+" or "-" or "*")
        {
            var (ar, ai) = ToComplex(l);
            var (br, bi) = ToComplex(r);
            return op switch
            {
                "+" => new PyComplex(ar + br, ai + bi),
                "-" => new PyComplex(ar - br, ai - bi),
                _ => new PyComplex(ar * br - ai * bi, ar * bi + ai * br),
            };
        }
        switch (op)
        {
            case "+" when l is PyString x && r is PyString y:
                return PyString.FromCodePoints([.. x.CodePoints(), .. y.CodePoints()]);
            case "+" when l is PyBytes x && r is PyBytes y:
                return new PyBytes([.. x.Span, .. y.Span]);
            case "+" when l is PyTuple x && r is PyTuple y:
                return new PyTuple(x.Items.AddRange(y.Items));
            case "*":
                return Repeat(l, r) ?? Repeat(r, l);
        }
        return null;
    }

    /// <summary>ast_opt.c safe_multiply for a sequence times an int.</summary>
    private static PyObject? Repeat(PyObject seq, PyObject count)
    {
        if (IntOf(count) is not { } n0 || seq is not (PyString or PyBytes or PyTuple))
            return null;
        long n = n0 < 0 ? 0 : n0 > int.MaxValue ? int.MaxValue : (long)n0;
        switch (seq)
        {
            case PyString s:
            {
                var cps = s.CodePoints();
                if (cps.Length > 0 && n > MaxStrSize / cps.Length)
                    return null;
                var all = new List<int>();
                for (long k = 0; k < n; k++)
                    all.AddRange(cps);
                return PyString.FromCodePoints(all.ToArray());
            }
            case PyBytes b:
            {
                if (b.Length > 0 && n > MaxStrSize / b.Length)
                    return null;
                var all = new List<byte>();
                for (long k = 0; k < n; k++)
                    all.AddRange(b.Span.ToArray());
                return new PyBytes(all.ToArray());
            }
            default:
            {
                var t = (PyTuple)seq;
                if (t.Items.Length > 0 && n > MaxCollectionSize / t.Items.Length)
                    return null;
                var all = ImmutableArray.CreateBuilder<PyObject>();
                for (long k = 0; k < n; k++)
                    all.AddRange(t.Items);
                return new PyTuple(all.ToImmutable());
            }
        }
    }

    private static PyObject? IntBinary(string op, BigInteger a, BigInteger b)
    {
        switch (op)
        {
            case "+": return new PyInt(a + b);
            case "-": return new PyInt(a - b);
            case "*":
                return BitLength(a) + BitLength(b) > MaxIntSize && !a.IsZero && !b.IsZero ? null : new PyInt(a * b);
            case "//":
                return b.IsZero ? null : new PyInt(FloorDiv(a, b));
            case "%":
                return b.IsZero ? null : new PyInt(a - b * FloorDiv(a, b));
            case "**":
                if (b.Sign < 0)
                    return a.IsZero ? null : FloatBinary("**", (double)a, (double)b);
                if (BitLength(a) > 0 && b > MaxIntSize / BitLength(a))
                    return null;
                return new PyInt(BigInteger.Pow(a, (int)b));
            case "<<":
                if (b.Sign < 0)
                    return null;
                if (!a.IsZero && (b > MaxIntSize || BitLength(a) > MaxIntSize - (long)b))
                    return null;
                return new PyInt(a << (int)b);
            case ">>":
                return b.Sign < 0 ? null : new PyInt(b > int.MaxValue ? (a.Sign < 0 ? -1 : 0) : a >> (int)b);
            case "&": return new PyInt(a & b);
            case "|": return new PyInt(a | b);
            case "^": return new PyInt(a ^ b);
            case "/":
                // Exact for operands a double holds exactly; larger ones are left to run time (correct rounding).
                if (b.IsZero || BigInteger.Abs(a) > (BigInteger.One << 53) || BigInteger.Abs(b) > (BigInteger.One << 53))
                    return null;
                return new PyFloat((double)a / (double)b);
        }
        return null;
    }

    private static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        var q = BigInteger.DivRem(a, b, out var rem);
        return !rem.IsZero && (rem.Sign < 0) != (b.Sign < 0) ? q - 1 : q;
    }

    private static PyObject? FloatBinary(string op, double a, double b)
    {
        double r;
        switch (op)
        {
            case "+": r = a + b; break;
            case "-": r = a - b; break;
            case "*": r = a * b; break;
            case "/":
                if (b == 0)
                    return null;
                r = a / b;
                break;
            default:
                // //, %, ** on floats follow C library rules (fmod, pow) this compiler does not copy: run time.
                return null;
        }
        return new PyFloat(r);
    }

    private static double ToDouble(PyObject v) => v switch
    {
        PyFloat f => f.Value,
        _ => (double)IntOf(v)!.Value,
    };

    private static (double, double) ToComplex(PyObject v) => v is PyComplex c ? (c.Real, c.Imag) : (ToDouble(v), 0.0);

    private static PyObject? Subscript(PyObject value, PyObject index)
    {
        if (IntOf(index) is not { } i || index is PyBool)
            return null;
        switch (value)
        {
            case PyTuple t when i >= -t.Items.Length && i < t.Items.Length:
                return t.Items[(int)(i < 0 ? i + t.Items.Length : i)];
            case PyString s:
            {
                var cps = s.CodePoints();
                return i >= -cps.Length && i < cps.Length ? PyString.FromCodePoints([cps[(int)(i < 0 ? i + cps.Length : i)]]) : null;
            }
            case PyBytes b when i >= -b.Length && i < b.Length:
                return new PyInt(b.Span[(int)(i < 0 ? i + b.Length : i)]);
        }
        return null;
    }

    internal static bool? TruthOf(PyObject v) => Truth(v);
}
