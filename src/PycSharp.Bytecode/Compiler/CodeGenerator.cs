using System.Collections.Immutable;
using PycSharp.Bytecode.Disassembly;
using PycSharp.Bytecode.Editing;
using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Compiler;

/// <summary>
/// A module-level AST to a flow graph, statement by statement as Python/compile.c (3.11-3.13) emits them: names
/// through LOAD_NAME/STORE_NAME (STORE_GLOBAL after <c>global</c>), constants in first-use order, each instruction
/// located at the node it comes from.
/// </summary>
internal sealed class CodeGenerator
{
    /// <summary>compile.c STACK_USE_GUARDRAIL: above this many items, displays and calls are built piecewise.</summary>
    private const int StackUseGuardrail = 30;

    private static readonly string[] s_compareOps = ["<", "<=", "==", "!=", ">", ">="];

    private static readonly Dictionary<string, int> s_binaryOps = new()
    {
        ["+"] = 0, ["&"] = 1, ["//"] = 2, ["<<"] = 3, ["@"] = 4, ["*"] = 5, ["%"] = 6, ["|"] = 7, ["**"] = 8,
        [">>"] = 9, ["-"] = 10, ["/"] = 11, ["^"] = 12,
    };

    private readonly CodegenDialect _d;
    private readonly EditableCode _code;
    private readonly FlowGraph _graph;
    private readonly CompileMode _mode;
    private readonly SymbolTable _symbols;
    private readonly Scope _scope;

    /// <summary>co_qualname of this code object; null for the module.</summary>
    private readonly string? _qualName;

    /// <summary>co_varnames: the parameters, then the other fast locals in the order code generation meets them (compile.c u_varnames).</summary>
    private readonly List<string> _varnames = [];
    private readonly Stack<(Block Continue, Block Break, bool IsFor)> _loops = new();
    private bool _futureAnnotations;
    private Block _current;

    private CodeGenerator(CodegenDialect dialect, EditableCode code, CompileMode mode, SymbolTable symbols, Scope scope, string? qualName)
    {
        _d = dialect;
        _code = code;
        _mode = mode;
        _symbols = symbols;
        _scope = scope;
        _qualName = qualName;
        _varnames.AddRange(scope.Params);
        _graph = new FlowGraph(dialect, code);
        _current = _graph.Blocks[0];
    }

    public static PyCode Generate(CodegenDialect dialect, EditableCode code, ModuleAst module)
    {
        var symbols = SymbolTable.Build(module);
        var g = new CodeGenerator(dialect, code, module.Mode, symbols, symbols.Module, null);
        g.Module(module);
        return g.Finish();
    }

    /// <summary>
    /// Optimises the graph, lays out the fast locals, cells and free variables (compile.c compute_localsplus_info),
    /// adds the prefix instructions and writes the code object.
    /// </summary>
    private PyCode Finish()
    {
        _graph.LocalCount = _varnames.Count;
        _graph.ParamCount = _scope.Params.Count;
        _graph.Optimize();
        // Cells that are parameters keep the parameter's slot; the other cells follow the locals, then the free variables.
        var cells = _scope.CellVars.Where(c => !_varnames.Contains(c)).ToList();
        var layout = new List<(string Name, byte Kind)>();
        foreach (var v in _varnames)
            layout.Add((v, (byte)(_scope.CellVars.Contains(v) ? CoFastLocal | CoFastCell : CoFastLocal)));
        foreach (var c in cells)
            layout.Add((c, CoFastCell));
        foreach (var f in _scope.FreeVars)
            layout.Add((f, CoFastFree));
        int IndexOf(string name) => layout.FindIndex(l => l.Name == name);
        foreach (var b in _graph.Blocks)
            foreach (var ins in b.Instrs)
            {
                if (ins.Deref is { } name)
                    ins.Arg = IndexOf(name);
                if (ins.Op == "LOAD_CLOSURE" && _d.LoadClosureIsPseudo)
                    ins.Op = "LOAD_FAST";
            }
        // compile.c insert_prefix_instructions: cells made, free variables copied, before RESUME, without a location.
        var prefix = new List<Instr>();
        if (_scope.IsGenerator)
        {
            prefix.Add(new Instr("RETURN_GENERATOR", 0, new Positions(_code.FirstLineNo, _code.FirstLineNo, null, null)));
            prefix.Add(new Instr("POP_TOP", 0, null));
        }
        for (int i = 0; i < layout.Count; i++)
            if ((layout[i].Kind & CoFastCell) != 0)
                prefix.Insert(prefix.Count - (_scope.IsGenerator ? 2 : 0), new Instr("MAKE_CELL", i, null));
        if (_scope.FreeVars.Count > 0)
            prefix.Insert(0, new Instr("COPY_FREE_VARS", _scope.FreeVars.Count, null));
        _graph.Blocks[0].Instrs.InsertRange(0, prefix);
        foreach (var (name, kind) in layout)
        {
            _code.LocalsPlusNames.Add(PyString.From(name, interned: true));
            _code.LocalsPlusKinds.Add(kind);
        }
        _graph.WriteTo(_code);
        var written = _code.ToCode();
        // 3.13 counts the stack before RETURN_CONST replaces LOAD_CONST + RETURN_VALUE: at least one item.
        if (_d.StackCountsReturnConstLoad && written.StackSize == 0 && _code.Instructions.Any(i => _code.Table.OpName(i.Opcode) == "RETURN_CONST"))
        {
            _code.StackSize = 1;
            written = _code.ToCode();
        }
        return written;
    }

    /// <summary>Include/internal/pycore_code.h CO_FAST_LOCAL, CO_FAST_CELL, CO_FAST_FREE.</summary>
    private const byte CoFastLocal = 0x20, CoFastCell = 0x40, CoFastFree = 0x80;

    /// <summary>Include/cpython/code.h co_flags bits.</summary>
    private const int CoOptimized = 0x1, CoNewLocals = 0x2, CoVarArgs = 0x4, CoVarKeywords = 0x8, CoNested = 0x10, CoGenerator = 0x20,
        CoFutureAnnotations = 0x1000000;

    // ---- emitting

    private static Positions Loc(SourceSpan s) => new(s.Line, s.EndLine, s.Column, s.EndColumn);

    private Instr Emit(string op, int arg, Positions? loc)
    {
        var ins = new Instr(op, arg, loc);
        _current.Instrs.Add(ins);
        if (ins.IsScopeExit)
            UseBlock(new Block());
        return ins;
    }

    private Instr Emit(string op, int arg, SourceSpan span) => Emit(op, arg, Loc(span));
    private Instr Emit(string op, SourceSpan span) => Emit(op, 0, Loc(span));

    private void Jump(string op, Block target, Positions? loc)
    {
        _current.Instrs.Add(new Instr(op, 0, loc) { Target = target });
        UseBlock(new Block());
    }

    private void Jump(string op, Block target, SourceSpan span) => Jump(op, target, Loc(span));

    private void UseBlock(Block b)
    {
        if (_current.Instrs.Count == 0 && _current != _graph.Blocks[0] && b.Instrs.Count == 0)
        {
            // An empty block stays in place: later blocks follow it.
        }
        _graph.Blocks.Add(b);
        _current = b;
    }

    private void LoadConst(PyObject value, SourceSpan span) => Emit("LOAD_CONST", _code.AddConst(value), span);

    private int Name(string name) => _code.AddName(name);

    // ---- module

    private void Module(ModuleAst m)
    {
        Emit("RESUME", 0, new Positions(0, 1, 0, 0) with { EndLine = 1 });
        if (m.Mode == CompileMode.Eval)
        {
            Expr(m.Expression!);
            Emit("RETURN_VALUE", 0, null);
            return;
        }
        var body = m.Body;
        CheckFuture(body);
        if (m.Mode == CompileMode.Exec && body.Any(FindAnnotations))
            Emit("SETUP_ANNOTATIONS", body[0].Span);
        else if (m.Mode == CompileMode.Single && body.Any(FindAnnotations))
            Emit("SETUP_ANNOTATIONS", body[0].Span);
        int start = 0;
        if (m.Mode == CompileMode.Exec && body.Length > 0 && body[0] is ExprStmt { Value: Constant { Value: PyString } doc })
        {
            LoadConst(doc.Value, doc.Span);
            Emit("STORE_NAME", Name("__doc__"), body[0].Span);
            start = 1;
        }
        for (int i = start; i < body.Length; i++)
            Stmt(body[i]);
        ReturnNoneAtEnd(body.Length > 0);
    }

    private void ReturnNoneAtEnd(bool hasBody)
    {
        // compile.c adds the final return only where the code can fall off its end.
        if (_current.Instrs.Count == 0 && hasBody && !_graph.Blocks.Any(b => b.Instrs.Any(x => x.Target == _current))
            && _graph.Blocks.LastOrDefault(b => b.Instrs.Count > 0)?.Last is { IsScopeExit: true })
        {
            // A code object always has a constant: None when nothing else was loaded (as CPython's output shows).
            if (_code.Consts.Count == 0)
                _code.AddConst(PyNone.Instance);
            return;
        }
        LoadConst(PyNone.Instance, default);
        _current.Instrs[^1].Loc = null;
        Emit("RETURN_VALUE", 0, null);
    }

    private static bool FindAnnotations(Stmt s) => s switch
    {
        AnnAssign => true,
        If i => i.Body.Any(FindAnnotations) || i.OrElse.Any(FindAnnotations),
        While w => w.Body.Any(FindAnnotations) || w.OrElse.Any(FindAnnotations),
        For f => f.Body.Any(FindAnnotations) || f.OrElse.Any(FindAnnotations),
        _ => false,
    };

    /// <summary>Python/future.c: __future__ imports come first (after a docstring); unknown features are errors.</summary>
    private void CheckFuture(ImmutableArray<Stmt> body)
    {
        bool allowed = true;
        for (int i = 0; i < body.Length; i++)
        {
            var s = body[i];
            if (i == 0 && s is ExprStmt { Value: Constant { Value: PyString } })
                continue;
            if (s is ImportFrom { Module: "__future__", Level: 0 } f)
            {
                if (!allowed)
                    throw new CompileError(CompileErrorKind.SyntaxError, "from __future__ imports must occur at the beginning of the file",
                        s.Span.Line, s.Span.Column + 1, s.Span.EndLine, s.Span.EndColumn + 1, null);
                foreach (var a in f.Names)
                {
                    if (a.Name == "annotations")
                    {
                        _futureAnnotations = true;
                        _code.Flags |= CoFutureAnnotations;
                    }
                    else if (a.Name == "braces")
                        throw new CompileError(CompileErrorKind.SyntaxError, "not a chance", s.Span.Line, a.Span.Column + 1, s.Span.EndLine, a.Span.EndColumn + 1, null);
                    else if (a.Name is not ("nested_scopes" or "generators" or "division" or "absolute_import" or "with_statement"
                        or "print_function" or "unicode_literals" or "generator_stop"))
                        throw new CompileError(CompileErrorKind.SyntaxError, $"future feature {a.Name} is not defined",
                            s.Span.Line, s.Span.Column + 1, s.Span.EndLine, s.Span.EndColumn + 1, null);
                }
                continue;
            }
            allowed = false;
        }
    }

    // ---- statements

    private void Stmt(Stmt s)
    {
        switch (s)
        {
            case ExprStmt e:
                if (_mode == CompileMode.Single)
                {
                    Expr(e.Value);
                    if (_d.Call == CallStyle.Precall311)
                        Emit("PRINT_EXPR", s.Span);
                    else
                    {
                        Emit("CALL_INTRINSIC_1", CodegenDialect.IntrinsicPrint, s.Span);
                        Emit("POP_TOP", s.Span);
                    }
                }
                else if (e.Value is Constant)
                    Emit("NOP", s.Span);
                else
                {
                    Expr(e.Value);
                    Emit("POP_TOP", s.Span);
                }
                break;
            case Assign a:
                Expr(a.Value);
                for (int i = 0; i < a.Targets.Length; i++)
                {
                    if (i < a.Targets.Length - 1)
                        Emit("COPY", 1, s.Span);
                    Store(a.Targets[i]);
                }
                break;
            case AugAssign a: AugAssign(a); break;
            case AnnAssign a: AnnotatedAssign(a); break;
            case Delete d:
                foreach (var t in d.Targets)
                    Del(t);
                break;
            case Pass: Emit("NOP", s.Span); break;
            case Break:
            {
                if (_loops.Count == 0)
                    throw Error("'break' outside loop", s.Span);
                var loop = _loops.Peek();
                Emit("NOP", s.Span);
                if (loop.IsFor)
                    Emit("POP_TOP", s.Span);
                Jump("JUMP", loop.Break, s.Span);
                break;
            }
            case Continue:
            {
                if (_loops.Count == 0)
                    throw Error("'continue' not properly in loop", s.Span);
                Emit("NOP", s.Span);
                Jump("JUMP", _loops.Peek().Continue, s.Span);
                break;
            }
            case If i: If(i); break;
            case While w: While(w); break;
            case For f: For(f); break;
            case Import i: Import(i); break;
            case ImportFrom f: ImportFrom(f); break;
            case Global or Nonlocal: break;
            case FunctionDef f: FunctionDef(f); break;
            case Return r: Return(r); break;
            case Assert a:
            {
                var end = new Block();
                JumpIf(a.Test, end, true);
                Emit("LOAD_ASSERTION_ERROR", s.Span);
                if (a.Msg is not null)
                {
                    Expr(a.Msg);
                    CallInstruction(0, null, s.Span);
                }
                Emit("RAISE_VARARGS", 1, s.Span);
                UseBlock(end);
                break;
            }
            case Raise r:
            {
                int n = 0;
                if (r.Exc is not null)
                {
                    Expr(r.Exc);
                    n = 1;
                    if (r.Cause is not null)
                    {
                        Expr(r.Cause);
                        n = 2;
                    }
                }
                Emit("RAISE_VARARGS", n, s.Span);
                break;
            }
            default:
                CompileError.Unsupported(s.GetType().Name, s.Span.Line);
                break;
        }
    }

    private static CompileError Error(string msg, SourceSpan span) =>
        new(CompileErrorKind.SyntaxError, msg, span.Line, span.Column + 1, span.EndLine, span.EndColumn + 1, null);

    private void Stmts(ImmutableArray<Stmt> body)
    {
        foreach (var s in body)
            Stmt(s);
    }

    private void If(If s)
    {
        var end = new Block();
        var next = s.OrElse.Length > 0 ? new Block() : end;
        JumpIf(s.Test, next, false);
        Stmts(s.Body);
        if (s.OrElse.Length > 0)
        {
            Jump("JUMP", end, null);
            UseBlock(next);
            Stmts(s.OrElse);
        }
        UseBlock(end);
    }

    private void While(While s)
    {
        var loop = new Block();
        var body = new Block();
        var anchor = new Block();
        var end = new Block();
        UseBlock(loop);
        _loops.Push((loop, end, false));
        JumpIf(s.Test, anchor, false);
        UseBlock(body);
        Stmts(s.Body);
        JumpIf(s.Test, body, true);
        _loops.Pop();
        UseBlock(anchor);
        Stmts(s.OrElse);
        UseBlock(end);
    }

    private void For(For s)
    {
        var start = new Block();
        var cleanup = new Block();
        var end = new Block();
        Expr(s.Iter);
        Emit("GET_ITER", s.Span);
        UseBlock(start);
        _current.Instrs.Add(new Instr("FOR_ITER", 0, Loc(s.Span)) { Target = cleanup });
        UseBlock(new Block());
        _loops.Push((start, end, true));
        Store(s.Target);
        Stmts(s.Body);
        Jump("JUMP", start, null);
        _loops.Pop();
        UseBlock(cleanup);
        foreach (var op in _d.EndFor)
            Emit(op, s.Span);
        Stmts(s.OrElse);
        UseBlock(end);
    }

    private void Import(Import s)
    {
        foreach (var a in s.Names)
        {
            LoadConst(new PyInt(0), s.Span);
            LoadConst(PyNone.Instance, s.Span);
            Emit("IMPORT_NAME", Name(a.Name), s.Span);
            if (a.AsName is not null)
            {
                var parts = a.Name.Split('.');
                for (int i = 1; i < parts.Length; i++)
                {
                    Emit("IMPORT_FROM", Name(parts[i]), s.Span);
                    if (i < parts.Length - 1)
                    {
                        Emit("SWAP", 2, s.Span);
                        Emit("POP_TOP", s.Span);
                    }
                }
                StoreName(a.AsName, s.Span);
                if (parts.Length > 1)
                    Emit("POP_TOP", s.Span);
            }
            else
                StoreName(a.Name.Split('.')[0], s.Span);
        }
    }

    private void ImportFrom(ImportFrom s)
    {
        LoadConst(new PyInt(s.Level), s.Span);
        LoadConst(new PyTuple(ImmutableArray.CreateRange<PyObject>(s.Names.Select(a => (PyObject)PyString.From(a.Name, interned: true)))), s.Span);
        Emit("IMPORT_NAME", Name(s.Module ?? ""), s.Span);
        if (s.Names is [{ Name: "*" }])
        {
            if (_d.Call == CallStyle.Precall311)
                Emit("IMPORT_STAR", s.Span);
            else
            {
                Emit("CALL_INTRINSIC_1", CodegenDialect.IntrinsicImportStar, s.Span);
                Emit("POP_TOP", s.Span);
            }
            return;
        }
        foreach (var a in s.Names)
        {
            Emit("IMPORT_FROM", Name(a.Name), s.Span);
            StoreName(a.AsName ?? a.Name, s.Span);
        }
        Emit("POP_TOP", s.Span);
    }

    private void AugAssign(AugAssign s)
    {
        int op = s_binaryOps[s.Op] + 13;
        switch (s.Target)
        {
            case Name n:
                LoadName(n.Id, n.Span);
                Expr(s.Value);
                Emit("BINARY_OP", op, s.Span);
                StoreName(n.Id, n.Span);
                break;
            case Attribute a:
                Expr(a.Value);
                Emit("COPY", 1, a.Span);
                LoadAttr(a.Attr, a.Span);
                Expr(s.Value);
                Emit("BINARY_OP", op, s.Span);
                Emit("SWAP", 2, a.Span);
                Emit("STORE_ATTR", Name(a.Attr), a.Span);
                break;
            case Subscript { Index: Slice { Step: null } slice } sub when _d.BinarySlice:
                Expr(sub.Value);
                SliceBounds(slice);
                Emit("COPY", 3, sub.Span);
                Emit("COPY", 3, sub.Span);
                Emit("COPY", 3, sub.Span);
                Emit("BINARY_SLICE", sub.Span);
                Expr(s.Value);
                Emit("BINARY_OP", op, s.Span);
                Emit("SWAP", 4, sub.Span);
                Emit("SWAP", 3, sub.Span);
                Emit("SWAP", 2, sub.Span);
                Emit("STORE_SLICE", sub.Span);
                break;
            case Subscript sub:
                Expr(sub.Value);
                Expr(sub.Index);
                Emit("COPY", 2, sub.Span);
                Emit("COPY", 2, sub.Span);
                Emit("BINARY_SUBSCR", sub.Span);
                Expr(s.Value);
                Emit("BINARY_OP", op, s.Span);
                Emit("SWAP", 3, sub.Span);
                Emit("SWAP", 2, sub.Span);
                Emit("STORE_SUBSCR", sub.Span);
                break;
        }
    }

    private void AnnotatedAssign(AnnAssign s)
    {
        if (s.Value is not null)
        {
            Expr(s.Value);
            Store(s.Target);
        }
        if (s.Target is Name n && s.Simple)
        {
            if (_futureAnnotations)
                LoadConst(PyString.From(Unparse(s.Annotation)), s.Annotation.Span);
            else
                Expr(s.Annotation);
            LoadName("__annotations__", s.Span);
            LoadConst(PyString.From(n.Id, interned: true), s.Span);
            Emit("STORE_SUBSCR", s.Span);
            return;
        }
        if (s.Value is null)
        {
            if (s.Target is Attribute a)
            {
                Expr(a.Value);
                Emit("POP_TOP", s.Span);
            }
            else if (s.Target is Subscript sub)
            {
                Expr(sub.Value);
                Emit("POP_TOP", s.Span);
                Expr(sub.Index);
                Emit("POP_TOP", s.Span);
            }
        }
        if (!_futureAnnotations)
        {
            Expr(s.Annotation);
            Emit("POP_TOP", s.Annotation.Span);
        }
    }

    /// <summary>The annotation text <c>from __future__ import annotations</c> stores (Python/ast_unparse.c), for simple forms.</summary>
    private static string Unparse(Expr e) => e switch
    {
        Name n => n.Id,
        Attribute a => Unparse(a.Value) + "." + a.Attr,
        Constant { Value: PyNone } => "None",
        Subscript s => Unparse(s.Value) + "[" + Unparse(s.Index) + "]",
        TupleExpr t when t.Elts.Length > 0 => string.Join(", ", t.Elts.Select(Unparse)),
        _ => throw new CompileError(CompileErrorKind.Unsupported, "this annotation under 'from __future__ import annotations'", e.Span.Line, 0, 0, 0, null),
    };

    // ---- names and targets

    private void LoadName(string id, SourceSpan span)
    {
        if (id == "__debug__")
        {
            LoadConst(PyBool.True, span);
            return;
        }
        NameOp(id, "LOAD", span);
    }

    private void StoreName(string id, SourceSpan span)
    {
        if (id == "__debug__")
            throw Error("cannot assign to __debug__", span);
        NameOp(id, "STORE", span);
    }

    /// <summary>
    /// compile.c compiler_nameop: free and cell variables through *_DEREF; locals of a function through *_FAST; globals
    /// (declared, or in a function not bound there) through *_GLOBAL; the rest through *_NAME.
    /// </summary>
    private void NameOp(string id, string verb, SourceSpan span)
    {
        switch (_scope.ScopeOf(id))
        {
            case NameScope.Free or NameScope.Cell:
                Emit(verb + "_DEREF", 0, span).Deref = id;
                break;
            case NameScope.Local when _scope.IsFunctionLike:
                Emit(verb + "_FAST", Local(id), span);
                break;
            case NameScope.GlobalExplicit:
            case NameScope.GlobalImplicit when _scope.IsFunctionLike:
                Emit(verb + "_GLOBAL", verb == "LOAD" ? Name(id) << 1 : Name(id), span);
                break;
            default:
                Emit(verb + "_NAME", Name(id), span);
                break;
        }
    }

    private int Local(string id)
    {
        int i = _varnames.IndexOf(id);
        if (i >= 0)
            return i;
        _varnames.Add(id);
        return _varnames.Count - 1;
    }

    private void LoadAttr(string attr, SourceSpan span) =>
        Emit("LOAD_ATTR", _d.Call == CallStyle.Precall311 ? Name(attr) : Name(attr) << 1, span);

    private void Store(Expr target)
    {
        switch (target)
        {
            case Name n: StoreName(n.Id, n.Span); break;
            case Attribute a:
                Expr(a.Value);
                Emit("STORE_ATTR", Name(a.Attr), a.Span);
                break;
            case Subscript { Index: Slice { Step: null } slice } sub when _d.BinarySlice:
                Expr(sub.Value);
                SliceBounds(slice);
                Emit("STORE_SLICE", sub.Span);
                break;
            case Subscript sub:
                Expr(sub.Value);
                Expr(sub.Index);
                Emit("STORE_SUBSCR", sub.Span);
                break;
            case TupleExpr or ListExpr:
            {
                var elts = target is TupleExpr t ? t.Elts : ((ListExpr)target).Elts;
                int star = elts.IndexOf(elts.FirstOrDefault(x => x is Starred)!);
                if (elts.Count(x => x is Starred) > 1)
                    throw Error("multiple starred expressions in assignment", target.Span);
                if (star >= 0)
                    Emit("UNPACK_EX", star | (elts.Length - star - 1) << 8, target.Span);
                else
                    Emit("UNPACK_SEQUENCE", elts.Length, target.Span);
                foreach (var x in elts)
                    Store(x is Starred s ? s.Value : x);
                break;
            }
            case Starred s:
                throw Error("starred assignment target must be in a list or tuple", s.Span);
            default:
                throw Error("cannot assign to expression", target.Span);
        }
    }

    private void Del(Expr target)
    {
        switch (target)
        {
            case Name n: NameOp(n.Id, "DELETE", n.Span); break;
            case Attribute a:
                Expr(a.Value);
                Emit("DELETE_ATTR", Name(a.Attr), a.Span);
                break;
            case Subscript sub:
                Expr(sub.Value);
                Expr(sub.Index);
                Emit("DELETE_SUBSCR", sub.Span);
                break;
            case TupleExpr t:
                foreach (var x in t.Elts)
                    Del(x);
                break;
            case ListExpr l:
                foreach (var x in l.Elts)
                    Del(x);
                break;
        }
    }

    // ---- conditions

    /// <summary>compile.c compiler_jump_if: jump to <paramref name="next"/> when the test's truth is <paramref name="cond"/>.</summary>
    private void JumpIf(Expr e, Block next, bool cond)
    {
        switch (e)
        {
            case UnaryOp { Op: "not" } u:
                JumpIf(u.Operand, next, !cond);
                return;
            case BoolOp b:
            {
                bool cond2 = !b.IsAnd;
                var next2 = cond2 == cond ? next : new Block();
                for (int i = 0; i < b.Values.Length - 1; i++)
                    JumpIf(b.Values[i], next2, cond2);
                JumpIf(b.Values[^1], next, cond);
                if (next2 != next)
                    UseBlock(next2);
                return;
            }
            case IfExp i:
            {
                var end = new Block();
                var next2 = new Block();
                JumpIf(i.Test, next2, false);
                JumpIf(i.Body, next, cond);
                Jump("JUMP", end, null);
                UseBlock(next2);
                JumpIf(i.OrElse, next, cond);
                UseBlock(end);
                return;
            }
            case Compare { Ops.Length: > 1 } c:
            {
                var cleanup = new Block();
                Expr(c.Left);
                for (int i = 0; i < c.Ops.Length - 1; i++)
                {
                    Expr(c.Comparators[i]);
                    Emit("SWAP", 2, c.Span);
                    Emit("COPY", 2, c.Span);
                    CompareOp(c.Ops[i], c.Span);
                    if (_d.ToBool)
                        Emit("TO_BOOL", c.Span);
                    Jump("POP_JUMP_IF_FALSE", cleanup, c.Span);
                }
                Expr(c.Comparators[^1]);
                CompareOp(c.Ops[^1], c.Span);
                if (_d.ToBool)
                    Emit("TO_BOOL", c.Span);
                Jump(cond ? "POP_JUMP_IF_TRUE" : "POP_JUMP_IF_FALSE", next, c.Span);
                var end = new Block();
                Jump("JUMP", end, null);
                UseBlock(cleanup);
                Emit("POP_TOP", c.Span);
                if (!cond)
                    Jump("JUMP", next, null);
                UseBlock(end);
                return;
            }
        }
        Expr(e);
        if (_d.ToBool)
            Emit("TO_BOOL", e.Span);
        Jump(cond ? "POP_JUMP_IF_TRUE" : "POP_JUMP_IF_FALSE", next, e.Span);
    }

    private void CompareOp(string op, SourceSpan span)
    {
        switch (op)
        {
            case "is": Emit("IS_OP", 0, span); break;
            case "is not": Emit("IS_OP", 1, span); break;
            case "in": Emit("CONTAINS_OP", 0, span); break;
            case "not in": Emit("CONTAINS_OP", 1, span); break;
            default: Emit("COMPARE_OP", _d.CompareArg(Array.IndexOf(s_compareOps, op), false), span); break;
        }
    }

    // ---- expressions

    private void Expr(Expr e)
    {
        switch (e)
        {
            case Constant c: LoadConst(c.Value, c.Span); break;
            case Name n: LoadName(n.Id, n.Span); break;
            case Attribute a:
                Expr(a.Value);
                LoadAttr(a.Attr, a.Span);
                break;
            case Subscript { Index: Slice { Step: null } slice } sub when _d.BinarySlice:
                Expr(sub.Value);
                SliceBounds(slice);
                Emit("BINARY_SLICE", sub.Span);
                break;
            case Subscript sub:
                Expr(sub.Value);
                Expr(sub.Index);
                Emit("BINARY_SUBSCR", sub.Span);
                break;
            case Slice s:
                SliceBounds(s);
                if (s.Step is not null)
                    Expr(s.Step);
                Emit("BUILD_SLICE", s.Step is null ? 2 : 3, s.Span);
                break;
            case Starred s:
                throw Error("can't use starred expression here", s.Span);
            case TupleExpr t: Sequence(t.Elts, t.Span, "tuple"); break;
            case ListExpr l: Sequence(l.Elts, l.Span, "list"); break;
            case SetExpr s: Sequence(s.Elts, s.Span, "set"); break;
            case DictExpr d: Dict(d); break;
            case Call c: Call(c); break;
            case UnaryOp u:
                Expr(u.Operand);
                switch (u.Op)
                {
                    case "-": Emit("UNARY_NEGATIVE", u.Span); break;
                    case "~": Emit("UNARY_INVERT", u.Span); break;
                    case "+" when _d.Call == CallStyle.CallKw313: Emit("CALL_INTRINSIC_1", CodegenDialect.IntrinsicUnaryPositive, u.Span); break;
                    case "+": Emit("UNARY_POSITIVE", u.Span); break;
                    default:
                        if (_d.ToBool)
                            Emit("TO_BOOL", u.Span);
                        Emit("UNARY_NOT", u.Span);
                        break;
                }
                break;
            case BinOp b:
                Expr(b.Left);
                Expr(b.Right);
                Emit("BINARY_OP", s_binaryOps[b.Op], b.Span);
                break;
            case BoolOp b:
            {
                var end = new Block();
                for (int i = 0; i < b.Values.Length - 1; i++)
                {
                    Expr(b.Values[i]);
                    if (_d.BoolOpJumpOrPop)
                        Jump(b.IsAnd ? "JUMP_IF_FALSE_OR_POP" : "JUMP_IF_TRUE_OR_POP", end, b.Span);
                    else
                    {
                        Emit("COPY", 1, b.Span);
                        if (_d.ToBool)
                            Emit("TO_BOOL", b.Span);
                        Jump(b.IsAnd ? "POP_JUMP_IF_FALSE" : "POP_JUMP_IF_TRUE", end, b.Span);
                        Emit("POP_TOP", b.Span);
                    }
                }
                Expr(b.Values[^1]);
                UseBlock(end);
                break;
            }
            case Compare c: Compare(c); break;
            case IfExp i:
            {
                var end = new Block();
                var next = new Block();
                JumpIf(i.Test, next, false);
                Expr(i.Body);
                Jump("JUMP", end, null);
                UseBlock(next);
                Expr(i.OrElse);
                UseBlock(end);
                break;
            }
            case Lambda l: Lambda(l); break;
            case Yield y: Yield(y); break;
            case YieldFrom y: YieldFrom(y); break;
            case Comp c: Comprehension(c); break;
            default:
                CompileError.Unsupported(e.GetType().Name, e.Span.Line);
                break;
        }
    }

    private void SliceBounds(Slice s)
    {
        if (s.Lower is null)
            LoadConst(PyNone.Instance, s.Span);
        else
            Expr(s.Lower);
        if (s.Upper is null)
            LoadConst(PyNone.Instance, s.Span);
        else
            Expr(s.Upper);
    }

    private void Compare(Compare c)
    {
        Expr(c.Left);
        if (c.Ops.Length == 1)
        {
            Expr(c.Comparators[0]);
            CompareOp(c.Ops[0], c.Span);
            return;
        }
        var cleanup = new Block();
        for (int i = 0; i < c.Ops.Length - 1; i++)
        {
            Expr(c.Comparators[i]);
            Emit("SWAP", 2, c.Span);
            Emit("COPY", 2, c.Span);
            CompareOp(c.Ops[i], c.Span);
            if (_d.BoolOpJumpOrPop)
                Jump("JUMP_IF_FALSE_OR_POP", cleanup, c.Span);
            else
            {
                Emit("COPY", 1, c.Span);
                if (_d.ToBool)
                    Emit("TO_BOOL", c.Span);
                Jump("POP_JUMP_IF_FALSE", cleanup, c.Span);
                Emit("POP_TOP", c.Span);
            }
        }
        Expr(c.Comparators[^1]);
        CompareOp(c.Ops[^1], c.Span);
        var end = new Block();
        Jump("JUMP", end, null);
        UseBlock(cleanup);
        Emit("SWAP", 2, c.Span);
        Emit("POP_TOP", c.Span);
        UseBlock(end);
    }

    /// <summary>compile.c starunpack_helper: tuple, list and set displays (and a call's positional arguments).</summary>
    private void Sequence(ImmutableArray<Expr> elts, SourceSpan span, string kind, int pushed = 0)
    {
        string build = kind == "set" ? "BUILD_SET" : kind == "tuple" ? "BUILD_TUPLE" : "BUILD_LIST";
        string add = kind == "set" ? "SET_ADD" : "LIST_APPEND";
        string extend = kind == "set" ? "SET_UPDATE" : "LIST_EXTEND";
        int n = elts.Length;
        bool seenStar = elts.Any(x => x is Starred);
        if (!seenStar && n > 2 && elts.All(x => x is Constant))
        {
            var items = elts.Select(x => ((Constant)x).Value).ToImmutableArray();
            if (kind == "tuple")
            {
                LoadConst(new PyTuple(items), span);
                return;
            }
            Emit(build, pushed, span);
            LoadConst(kind == "set" ? new PySet(items, frozen: true) : new PyTuple(items), span);
            Emit(extend, 1, span);
            return;
        }
        bool big = n + pushed > StackUseGuardrail;
        if (!seenStar && !big)
        {
            foreach (var x in elts)
                Expr(x);
            Emit(build, n + pushed, span);
            return;
        }
        bool built = false;
        if (big)
        {
            Emit(kind == "set" ? "BUILD_SET" : "BUILD_LIST", pushed, span);
            built = true;
        }
        for (int i = 0; i < n; i++)
        {
            if (elts[i] is Starred s)
            {
                if (!built)
                {
                    Emit(kind == "set" ? "BUILD_SET" : "BUILD_LIST", i + pushed, span);
                    built = true;
                }
                Expr(s.Value);
                Emit(extend, 1, span);
            }
            else
            {
                Expr(elts[i]);
                if (built)
                    Emit(add, 1, span);
            }
        }
        if (kind == "tuple")
            ListToTuple(span);
    }

    private void ListToTuple(SourceSpan span)
    {
        if (_d.Call == CallStyle.Precall311)
            Emit("LIST_TO_TUPLE", span);
        else
            Emit("CALL_INTRINSIC_1", CodegenDialect.IntrinsicListToTuple, span);
    }

    /// <summary>compile.c compiler_dict and compiler_subdict.</summary>
    private void Dict(DictExpr d)
    {
        int n = d.Values.Length, elements = 0;
        bool haveDict = false;
        for (int i = 0; i < n; i++)
        {
            if (d.Keys[i] is null)
            {
                if (elements > 0)
                {
                    SubDict(d, i - elements, i);
                    if (haveDict)
                        Emit("DICT_UPDATE", 1, d.Span);
                    haveDict = true;
                    elements = 0;
                }
                if (!haveDict)
                {
                    Emit("BUILD_MAP", 0, d.Span);
                    haveDict = true;
                }
                Expr(d.Values[i]);
                Emit("DICT_UPDATE", 1, d.Span);
            }
            else
            {
                if (elements * 2 > StackUseGuardrail)
                {
                    SubDict(d, i - elements, i);
                    if (haveDict)
                        Emit("DICT_UPDATE", 1, d.Span);
                    haveDict = true;
                    elements = 0;
                }
                elements++;
            }
        }
        if (elements > 0)
        {
            SubDict(d, n - elements, n);
            if (haveDict)
                Emit("DICT_UPDATE", 1, d.Span);
            haveDict = true;
        }
        if (!haveDict)
            Emit("BUILD_MAP", 0, d.Span);
    }

    private void SubDict(DictExpr d, int begin, int end)
    {
        int n = end - begin;
        bool big = n * 2 > StackUseGuardrail;
        bool constKeys = true;
        for (int i = begin; i < end; i++)
            constKeys &= d.Keys[i] is Constant;
        if (n > 1 && !big && constKeys)
        {
            for (int i = begin; i < end; i++)
                Expr(d.Values[i]);
            LoadConst(new PyTuple(ImmutableArray.CreateRange<PyObject>(Enumerable.Range(begin, n).Select(i => ((Constant)d.Keys[i]!).Value))), d.Span);
            Emit("BUILD_CONST_KEY_MAP", n, d.Span);
            return;
        }
        if (big)
            Emit("BUILD_MAP", 0, d.Span);
        for (int i = begin; i < end; i++)
        {
            Expr(d.Keys[i]!);
            Expr(d.Values[i]);
            if (big)
                Emit("MAP_ADD", 1, d.Span);
        }
        if (!big)
            Emit("BUILD_MAP", n, d.Span);
    }

    // ---- nested code objects

    /// <summary>
    /// compile.c compiler_enter_scope ... assemble for a function, lambda or comprehension: a code object of its own,
    /// with the flags compute_code_flags gives, its qualname, and its own RESUME at its first line.
    /// </summary>
    private (PyCode Code, Scope Scope) Nested(object node, int firstLine, Arguments args, Action<CodeGenerator> body)
    {
        var scope = _symbols.ScopeOf(node);
        if (scope.IsGenerator && _d.GeneratorStopIterationHandler)
            CompileError.Unsupported("a generator for Python 3.12+ (its StopIteration handler needs an exception table)", firstLine);
        var code = EditableCode.Create(_code.Version, scope.Name, "", firstLine);
        code.Filename = _code.Filename;
        var qualName = scope.QualName(_qualName);
        code.QualName = PyString.From(qualName, interned: true);
        code.ArgCount = args.PosOnly.Length + args.Args.Length;
        code.PosOnlyArgCount = args.PosOnly.Length;
        code.KwOnlyArgCount = args.KwOnly.Length;
        code.Flags = CoOptimized | CoNewLocals | (scope.HasVarArgs ? CoVarArgs : 0) | (scope.HasVarKeywords ? CoVarKeywords : 0)
            | (scope.IsNested ? CoNested : 0) | (scope.IsGenerator ? CoGenerator : 0) | (_code.Flags & CoFutureAnnotations);
        var g = new CodeGenerator(_d, code, CompileMode.Exec, _symbols, scope, qualName) { _futureAnnotations = _futureAnnotations };
        g.Emit("RESUME", 0, new Positions(firstLine, firstLine, 0, 0));
        body(g);
        return (g.Finish(), scope);
    }

    /// <summary>
    /// compile.c compiler_make_closure: the cells of the free variables as a tuple, the code, then MAKE_FUNCTION with
    /// its flags (3.11, 3.12) or MAKE_FUNCTION and one SET_FUNCTION_ATTRIBUTE per flag, highest first (3.13).
    /// </summary>
    private void MakeClosure(PyCode code, Scope child, int flags, SourceSpan span)
    {
        if (child.FreeVars.Count > 0)
        {
            foreach (var name in child.FreeVars)
                Emit("LOAD_CLOSURE", 0, span).Deref = name;
            Emit("BUILD_TUPLE", child.FreeVars.Count, span);
            flags |= MakeFunctionClosure;
        }
        // Code objects are never merged with another constant (compile.c _PyCode_ConstantKey keys them by identity).
        _code.Consts.Add(code);
        Emit("LOAD_CONST", _code.Consts.Count - 1, span);
        if (!_d.SetFunctionAttribute)
        {
            Emit("MAKE_FUNCTION", flags, span);
            return;
        }
        Emit("MAKE_FUNCTION", span);
        for (int bit = MakeFunctionClosure; bit > 0; bit >>= 1)
            if ((flags & bit) != 0)
                Emit("SET_FUNCTION_ATTRIBUTE", bit, span);
    }

    /// <summary>MAKE_FUNCTION's flag bits (Lib/dis.py MAKE_FUNCTION_FLAGS): defaults, kwdefaults, annotations, closure.</summary>
    private const int MakeFunctionDefaults = 1, MakeFunctionKwDefaults = 2, MakeFunctionClosure = 8;

    /// <summary>compile.c compiler_default_arguments: the defaults as a tuple, the keyword-only ones as a dict.</summary>
    private int Defaults(Arguments a, SourceSpan span)
    {
        int flags = 0;
        if (a.Defaults.Length > 0)
        {
            foreach (var d in a.Defaults)
                Expr(d);
            Emit("BUILD_TUPLE", a.Defaults.Length, span);
            flags |= MakeFunctionDefaults;
        }
        var keys = ImmutableArray.CreateBuilder<PyObject>();
        for (int i = 0; i < a.KwOnly.Length; i++)
        {
            if (a.KwDefaults[i] is { } d)
            {
                keys.Add(PyString.From(a.KwOnly[i].Name, interned: true));
                Expr(d);
            }
        }
        if (keys.Count > 0)
        {
            LoadConst(new PyTuple(keys.ToImmutable()), span);
            Emit("BUILD_CONST_KEY_MAP", keys.Count, span);
            flags |= MakeFunctionKwDefaults;
        }
        return flags;
    }

    /// <summary>compile.c compiler_function: decorators, defaults, the code, the closure, the decorator calls, the name.</summary>
    private void FunctionDef(FunctionDef f)
    {
        foreach (var d in f.Decorators)
            Expr(d);
        int flags = Defaults(f.Args, f.Span);
        var (code, scope) = Nested(f, f.FirstLine, f.Args, g => g.FunctionBody(f.Body));
        MakeClosure(code, scope, flags, f.Span);
        // Each decorator is called with the function as its one argument, innermost first.
        for (int i = f.Decorators.Length - 1; i >= 0; i--)
            CallInstruction(0, null, f.Decorators[i].Span);
        StoreName(f.Name, f.Span);
    }

    /// <summary>A function's body: co_consts[0] is its docstring, or None when it has none.</summary>
    private void FunctionBody(ImmutableArray<Stmt> body)
    {
        int start = 0;
        if (body[0] is ExprStmt { Value: Constant { Value: PyString doc } })
        {
            _code.AddConst(doc);
            start = 1;
        }
        else
            _code.AddConst(PyNone.Instance);
        for (int i = start; i < body.Length; i++)
            Stmt(body[i]);
        ReturnNoneAtEnd(true);
    }

    /// <summary>compile.c compiler_lambda: None first among the constants (a lambda has no docstring), the body returned.</summary>
    private void Lambda(Lambda l)
    {
        int flags = Defaults(l.Args, l.Span);
        var (code, scope) = Nested(l, l.Span.Line, l.Args, g =>
        {
            if (g._scope.IsGenerator)
                CompileError.Unsupported("yield in a lambda", l.Span.Line);
            g._code.AddConst(PyNone.Instance);
            g.Expr(l.Body);
            g.Emit("RETURN_VALUE", l.Body.Span);
        });
        MakeClosure(code, scope, flags, l.Span);
    }

    /// <summary>compile.c compiler_return: loops left on the way pop their iterators.</summary>
    private void Return(Return r)
    {
        var loc = r.Span;
        bool preserve = r.Value is not null and not Constant;
        if (preserve)
            Expr(r.Value!);
        else if (r.Value is not null)
        {
            // An instruction carrying the returned constant's line.
            loc = r.Value.Span;
            Emit("NOP", loc);
        }
        if (r.Value is null || r.Value.Span.Line != r.Span.Line)
        {
            loc = r.Span;
            Emit("NOP", loc);
        }
        foreach (var loop in _loops)
        {
            if (!loop.IsFor)
                continue;
            if (preserve)
                Emit("SWAP", 2, loc);
            Emit("POP_TOP", loc);
        }
        if (r.Value is null)
            LoadConst(PyNone.Instance, loc);
        else if (!preserve)
            LoadConst(((Constant)r.Value).Value, loc);
        Emit("RETURN_VALUE", loc);
    }

    /// <summary>3.11 ADDOP_YIELD: YIELD_VALUE, then RESUME 1 where the generator resumes after a yield.</summary>
    private void Yield(Yield y)
    {
        if (y.Value is not null)
            Expr(y.Value);
        else
            LoadConst(PyNone.Instance, y.Span);
        Emit("YIELD_VALUE", y.Span);
        Emit("RESUME", 1, y.Span);
    }

    /// <summary>compile.c compiler_add_yield_from: SEND to the end, YIELD_VALUE, RESUME 2, back to SEND.</summary>
    private void YieldFrom(YieldFrom y)
    {
        Expr(y.Value);
        Emit("GET_YIELD_FROM_ITER", y.Span);
        LoadConst(PyNone.Instance, y.Span);
        var send = new Block();
        var exit = new Block();
        UseBlock(send);
        Jump("SEND", exit, y.Span);
        Emit("YIELD_VALUE", y.Span);
        Emit("RESUME", 2, y.Span);
        Jump("JUMP_NO_INTERRUPT", send, y.Span);
        UseBlock(exit);
    }

    /// <summary>
    /// compile.c compiler_comprehension (3.11, and generator expressions): a nested function receiving the first
    /// iterator as ".0", made and called at once.
    /// </summary>
    private void Comprehension(Comp c)
    {
        if (_d.InlinedComprehensions && c.Kind != ComprehensionKind.Generator)
            CompileError.Unsupported("an inlined comprehension (PEP 709, 3.12+: its exception-table entry is not written yet)", c.Span.Line);
        var args = Arguments.Empty with { Args = [new Arg(".0", c.Span)] };
        var (code, scope) = Nested(c, c.Span.Line, args, g => g.ComprehensionBody(c));
        MakeClosure(code, scope, 0, c.Span);
        Expr(c.Generators[0].Iter);
        Emit("GET_ITER", c.Span);
        CallInstruction(0, null, c.Span);
    }

    private void ComprehensionBody(Comp c)
    {
        if (c.Kind != ComprehensionKind.Generator)
            Emit(c.Kind switch { ComprehensionKind.List => "BUILD_LIST", ComprehensionKind.Set => "BUILD_SET", _ => "BUILD_MAP" }, 0, c.Span);
        ComprehensionGenerator(c, 0);
        if (c.Kind != ComprehensionKind.Generator)
            Emit("RETURN_VALUE", c.Span);
        else
            ReturnNoneAtEnd(true);
    }

    /// <summary>compile.c compiler_sync_comprehension_generator: one <c>for</c> clause, the next inside it, the element innermost.</summary>
    private void ComprehensionGenerator(Comp c, int index)
    {
        var gen = c.Generators[index];
        var start = new Block();
        var ifCleanup = new Block();
        var anchor = new Block();
        if (index == 0)
            Emit("LOAD_FAST", 0, c.Span);
        else
        {
            Expr(gen.Iter);
            Emit("GET_ITER", c.Span);
        }
        UseBlock(start);
        _current.Instrs.Add(new Instr("FOR_ITER", 0, Loc(c.Span)) { Target = anchor });
        UseBlock(new Block());
        Store(gen.Target);
        foreach (var cond in gen.Ifs)
            JumpIf(cond, ifCleanup, false);
        if (index + 1 < c.Generators.Length)
            ComprehensionGenerator(c, index + 1);
        else
        {
            // Below the element: the result being built and one iterator per clause.
            int depth = c.Generators.Length + 1;
            Expr(c.Elt);
            switch (c.Kind)
            {
                case ComprehensionKind.Generator:
                    Emit("YIELD_VALUE", c.Elt.Span);
                    Emit("RESUME", 1, c.Elt.Span);
                    Emit("POP_TOP", c.Elt.Span);
                    break;
                case ComprehensionKind.List: Emit("LIST_APPEND", depth, c.Elt.Span); break;
                case ComprehensionKind.Set: Emit("SET_ADD", depth, c.Elt.Span); break;
                default:
                    Expr(c.Value!);
                    Emit("MAP_ADD", depth, c.Elt.Span);
                    break;
            }
        }
        UseBlock(ifCleanup);
        Jump("JUMP", start, c.Span);
        UseBlock(anchor);
        foreach (var op in _d.EndFor)
            Emit(op, c.Span);
    }

    // ---- calls

    private void Call(Call c)
    {
        bool extended = c.Args.Any(a => a is Starred) || c.Keywords.Any(k => k.Arg is null)
            || c.Args.Length + c.Keywords.Length > StackUseGuardrail;
        bool method = c.Func is Attribute && !extended;
        if (method)
        {
            var a = (Attribute)c.Func;
            Expr(a.Value);
            if (_d.Call == CallStyle.Precall311)
                Emit("LOAD_METHOD", Name(a.Attr), a.Span);
            else
                Emit("LOAD_ATTR", Name(a.Attr) << 1 | 1, a.Span);
        }
        else if (_d.Call == CallStyle.CallKw313)
        {
            Expr(c.Func);
            Emit("PUSH_NULL", c.Func.Span);
        }
        else
        {
            Emit("PUSH_NULL", c.Func.Span);
            Expr(c.Func);
        }
        if (extended)
        {
            if (c.Args is [Starred only])
                Expr(only.Value);
            else
                Sequence(c.Args, c.Span, "tuple");
            CallKeywordsExtended(c);
            Emit("CALL_FUNCTION_EX", c.Keywords.Length > 0 ? 1 : 0, c.Span);
            return;
        }
        foreach (var a in c.Args)
            Expr(a);
        foreach (var k in c.Keywords)
            Expr(k.Value);
        PyTuple? names = c.Keywords.Length > 0 ? new PyTuple(ImmutableArray.CreateRange<PyObject>(c.Keywords.Select(k => (PyObject)PyString.From(k.Arg!, interned: true)))) : null;
        CallInstruction(c.Args.Length + c.Keywords.Length, names, c.Span);
    }

    /// <summary>CALL (with PRECALL in 3.11), its keyword names through KW_NAMES (3.11, 3.12) or CALL_KW (3.13).</summary>
    private void CallInstruction(int n, PyTuple? names, SourceSpan span)
    {
        switch (_d.Call)
        {
            case CallStyle.Precall311:
                if (names is not null)
                    Emit("KW_NAMES", _code.AddConst(names), span);
                Emit("PRECALL", n, span);
                Emit("CALL", n, span);
                break;
            case CallStyle.KwNames312:
                if (names is not null)
                    Emit("KW_NAMES", _code.AddConst(names), span);
                Emit("CALL", n, span);
                break;
            default:
                if (names is not null)
                {
                    LoadConst(names, span);
                    Emit("CALL_KW", n, span);
                }
                else
                    Emit("CALL", n, span);
                break;
        }
    }

    /// <summary>compile.c compiler_call_helper, the CALL_FUNCTION_EX keyword part.</summary>
    private void CallKeywordsExtended(Call c)
    {
        var kws = c.Keywords;
        int seen = 0;
        bool haveDict = false;
        for (int i = 0; i < kws.Length; i++)
        {
            if (kws[i].Arg is null)
            {
                if (seen > 0)
                {
                    SubKwargs(kws, i - seen, i, c.Span);
                    if (haveDict)
                        Emit("DICT_MERGE", 1, c.Span);
                    haveDict = true;
                    seen = 0;
                }
                if (!haveDict)
                {
                    Emit("BUILD_MAP", 0, c.Span);
                    haveDict = true;
                }
                Expr(kws[i].Value);
                Emit("DICT_MERGE", 1, c.Span);
            }
            else
                seen++;
        }
        if (seen > 0)
        {
            SubKwargs(kws, kws.Length - seen, kws.Length, c.Span);
            if (haveDict)
                Emit("DICT_MERGE", 1, c.Span);
        }
    }

    private void SubKwargs(ImmutableArray<Keyword> kws, int begin, int end, SourceSpan span)
    {
        int n = end - begin;
        bool big = n * 2 > StackUseGuardrail;
        if (n > 1 && !big)
        {
            for (int i = begin; i < end; i++)
                Expr(kws[i].Value);
            LoadConst(new PyTuple(ImmutableArray.CreateRange<PyObject>(Enumerable.Range(begin, n).Select(i => (PyObject)PyString.From(kws[i].Arg!, interned: true)))), span);
            Emit("BUILD_CONST_KEY_MAP", n, span);
            return;
        }
        if (big)
            Emit("BUILD_MAP", 0, span);
        for (int i = begin; i < end; i++)
        {
            LoadConst(PyString.From(kws[i].Arg!, interned: true), span);
            Expr(kws[i].Value);
            if (big)
                Emit("MAP_ADD", 1, span);
        }
        if (!big)
            Emit("BUILD_MAP", n, span);
    }
}
