using System.Collections.Immutable;
using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Compiler;

/// <summary>
/// Where a node is in the source, as CPython's AST records it (Parser/Python.asdl attributes): 1-based lines,
/// 0-based columns counted in UTF-8 bytes, the end exclusive.
/// </summary>
public readonly record struct SourceSpan(int Line, int Column, int EndLine, int EndColumn)
{
    public static SourceSpan Join(SourceSpan first, SourceSpan last) => new(first.Line, first.Column, last.EndLine, last.EndColumn);
}

/// <summary>An expression node (the subset of Parser/Python.asdl's expr the compiler knows).</summary>
public abstract record Expr(SourceSpan Span);

public sealed record Constant(PyObject Value, SourceSpan Span) : Expr(Span);
public sealed record Name(string Id, SourceSpan Span) : Expr(Span);
public sealed record Attribute(Expr Value, string Attr, SourceSpan Span) : Expr(Span);
public sealed record Subscript(Expr Value, Expr Index, SourceSpan Span) : Expr(Span);
public sealed record Slice(Expr? Lower, Expr? Upper, Expr? Step, SourceSpan Span) : Expr(Span);
public sealed record Starred(Expr Value, SourceSpan Span) : Expr(Span);
public sealed record TupleExpr(ImmutableArray<Expr> Elts, SourceSpan Span) : Expr(Span);
public sealed record ListExpr(ImmutableArray<Expr> Elts, SourceSpan Span) : Expr(Span);
public sealed record SetExpr(ImmutableArray<Expr> Elts, SourceSpan Span) : Expr(Span);

/// <summary>A dict display; a null key is a <c>**mapping</c> item.</summary>
public sealed record DictExpr(ImmutableArray<Expr?> Keys, ImmutableArray<Expr> Values, SourceSpan Span) : Expr(Span);

/// <summary>A keyword argument; a null name is <c>**mapping</c>.</summary>
public sealed record Keyword(string? Arg, Expr Value, SourceSpan Span);

public sealed record Call(Expr Func, ImmutableArray<Expr> Args, ImmutableArray<Keyword> Keywords, SourceSpan Span) : Expr(Span);

/// <summary>Operators by their source spelling: "+", "-", "~", "not" (unary); "+", "**", "@", ... (binary).</summary>
public sealed record UnaryOp(string Op, Expr Operand, SourceSpan Span) : Expr(Span);
public sealed record BinOp(Expr Left, string Op, Expr Right, SourceSpan Span) : Expr(Span);
public sealed record BoolOp(bool IsAnd, ImmutableArray<Expr> Values, SourceSpan Span) : Expr(Span);

/// <summary>A (chained) comparison; operators "&lt;", "==", "in", "not in", "is", "is not", ...</summary>
public sealed record Compare(Expr Left, ImmutableArray<string> Ops, ImmutableArray<Expr> Comparators, SourceSpan Span) : Expr(Span);
public sealed record IfExp(Expr Test, Expr Body, Expr OrElse, SourceSpan Span) : Expr(Span);

/// <summary>One parameter name (Parser/Python.asdl arg; annotations are outside the subset).</summary>
public sealed record Arg(string Name, SourceSpan Span);

/// <summary>
/// A parameter list (Parser/Python.asdl arguments): Defaults belong to the last positional parameters; KwDefaults
/// has one entry per keyword-only parameter, null where it has none.
/// </summary>
public sealed record Arguments(ImmutableArray<Arg> PosOnly, ImmutableArray<Arg> Args, Arg? VarArg, ImmutableArray<Arg> KwOnly,
    ImmutableArray<Expr?> KwDefaults, Arg? KwArg, ImmutableArray<Expr> Defaults)
{
    public static readonly Arguments Empty = new([], [], null, [], [], null, []);

    /// <summary>Every parameter in the order symtable.c symtable_visit_arguments defines them (co_varnames' start).</summary>
    public IEnumerable<Arg> All()
    {
        foreach (var a in PosOnly) yield return a;
        foreach (var a in Args) yield return a;
        foreach (var a in KwOnly) yield return a;
        if (VarArg is not null) yield return VarArg;
        if (KwArg is not null) yield return KwArg;
    }
}

public sealed record Lambda(Arguments Args, Expr Body, SourceSpan Span) : Expr(Span);
public sealed record Yield(Expr? Value, SourceSpan Span) : Expr(Span);
public sealed record YieldFrom(Expr Value, SourceSpan Span) : Expr(Span);

/// <summary>One <c>for target in iter if cond...</c> clause of a comprehension.</summary>
public sealed record Comprehension(Expr Target, Expr Iter, ImmutableArray<Expr> Ifs);

public enum ComprehensionKind { List, Set, Dict, Generator }

/// <summary>A list, set or dict comprehension or a generator expression; Value is the dict comprehension's value.</summary>
public sealed record Comp(ComprehensionKind Kind, Expr Elt, Expr? Value, ImmutableArray<Comprehension> Generators, SourceSpan Span) : Expr(Span);

/// <summary>A statement node (the subset of Parser/Python.asdl's stmt the compiler knows).</summary>
public abstract record Stmt(SourceSpan Span);

public sealed record ExprStmt(Expr Value, SourceSpan Span) : Stmt(Span);
public sealed record Assign(ImmutableArray<Expr> Targets, Expr Value, SourceSpan Span) : Stmt(Span);
public sealed record AugAssign(Expr Target, string Op, Expr Value, SourceSpan Span) : Stmt(Span);

/// <summary><c>target: annotation [= value]</c>; Simple is a bare name not in parentheses.</summary>
public sealed record AnnAssign(Expr Target, Expr Annotation, Expr? Value, bool Simple, SourceSpan Span) : Stmt(Span);
public sealed record Delete(ImmutableArray<Expr> Targets, SourceSpan Span) : Stmt(Span);
public sealed record Pass(SourceSpan Span) : Stmt(Span);
public sealed record Break(SourceSpan Span) : Stmt(Span);
public sealed record Continue(SourceSpan Span) : Stmt(Span);
public sealed record If(Expr Test, ImmutableArray<Stmt> Body, ImmutableArray<Stmt> OrElse, SourceSpan Span) : Stmt(Span);
public sealed record While(Expr Test, ImmutableArray<Stmt> Body, ImmutableArray<Stmt> OrElse, SourceSpan Span) : Stmt(Span);
public sealed record For(Expr Target, Expr Iter, ImmutableArray<Stmt> Body, ImmutableArray<Stmt> OrElse, SourceSpan Span) : Stmt(Span);

/// <summary>One <c>name [as asname]</c> of an import.</summary>
public sealed record Alias(string Name, string? AsName, SourceSpan Span);
public sealed record Import(ImmutableArray<Alias> Names, SourceSpan Span) : Stmt(Span);
public sealed record ImportFrom(string? Module, ImmutableArray<Alias> Names, int Level, SourceSpan Span) : Stmt(Span);
public sealed record Global(ImmutableArray<string> Names, SourceSpan Span) : Stmt(Span);
public sealed record Nonlocal(ImmutableArray<string> Names, SourceSpan Span) : Stmt(Span);

/// <summary>A <c>def</c>; Span starts at <c>def</c>, FirstLine is the first decorator's line (co_firstlineno).</summary>
public sealed record FunctionDef(string Name, Arguments Args, ImmutableArray<Stmt> Body, ImmutableArray<Expr> Decorators, int FirstLine, SourceSpan Span) : Stmt(Span);
public sealed record Return(Expr? Value, SourceSpan Span) : Stmt(Span);
public sealed record Assert(Expr Test, Expr? Msg, SourceSpan Span) : Stmt(Span);
public sealed record Raise(Expr? Exc, Expr? Cause, SourceSpan Span) : Stmt(Span);

/// <summary>What compile() was asked for: a module ("exec"), an expression ("eval"), an interactive statement ("single").</summary>
public enum CompileMode { Exec, Eval, Single }

/// <summary>A parsed unit: the statements of "exec"/"single", or the one expression of "eval" (<see cref="Body"/> empty).</summary>
public sealed record ModuleAst(CompileMode Mode, ImmutableArray<Stmt> Body, Expr? Expression);
