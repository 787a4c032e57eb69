namespace PycSharp.Runtime.Tracebacks.Syntax;

/// <summary>
/// Where a node of CPython's AST sits: 1-based lines, columns in UTF-8 bytes from the start of their line, the
/// end exclusive, as ast.AST.lineno/col_offset/end_lineno/end_col_offset give them.
/// </summary>
internal readonly record struct Span(int Line, int Col, int EndLine, int EndCol);

/// <summary>
/// An expression, reduced to what the caret rules ask about: its kind, its place, and for the three kinds they
/// single out (Lib/traceback.py _extract_caret_anchors_from_line_segment, Python/traceback.c
/// extract_anchors_from_expr) the parts whose places they read.
/// </summary>
internal abstract record PyExpr(Span Span);

internal sealed record BinOpExpr(Span Span, PyExpr Left, PyExpr Right) : PyExpr(Span);

internal sealed record SubscriptExpr(Span Span, PyExpr Value, PyExpr Slice) : PyExpr(Span);

internal sealed record CallExpr(Span Span, PyExpr Func) : PyExpr(Span);

internal sealed record NameExpr(Span Span, string Id) : PyExpr(Span);

/// <summary>Any other expression (its kind does not matter to the caret rules).</summary>
internal sealed record OtherExpr(Span Span, string Kind) : PyExpr(Span);

/// <summary>A statement, as far as the caret rules tell statements apart.</summary>
internal abstract record PyStmt;

internal sealed record ExprStmt(PyExpr Value) : PyStmt;

internal sealed record ReturnStmt(PyExpr? Value) : PyStmt;

internal sealed record AssignStmt(IReadOnlyList<PyExpr> Targets, PyExpr Value) : PyStmt;

/// <summary>Any other statement, including compound statements, which the parser does not read past.</summary>
internal sealed record OtherStmt(string Kind) : PyStmt;
