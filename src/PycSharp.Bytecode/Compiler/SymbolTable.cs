using System.Collections.Immutable;

namespace PycSharp.Bytecode.Compiler;

/// <summary>What kind of code object a scope compiles to (Python/symtable.c _Py_block_ty, without classes).</summary>
internal enum ScopeType { Module, Function, Lambda, Comprehension }

/// <summary>How a name resolves in its scope (Include/internal/pycore_symtable.h LOCAL, GLOBAL_EXPLICIT, ... CELL).</summary>
internal enum NameScope { Local, GlobalExplicit, GlobalImplicit, Free, Cell }

/// <summary>What a scope does with a name (symtable.c DEF_GLOBAL, DEF_LOCAL, DEF_PARAM, DEF_NONLOCAL, USE).</summary>
[Flags]
internal enum SymbolFlags { None = 0, Global = 1, Local = 2, Param = 4, Nonlocal = 8, Use = 16 }

/// <summary>One scope: a module, function, lambda or comprehension, with its names classified after analysis.</summary>
internal sealed class Scope(ScopeType type, string name, Scope? parent)
{
    public ScopeType Type { get; } = type;
    public string Name { get; } = name;
    public Scope? Parent { get; } = parent;
    public Dictionary<string, SymbolFlags> Symbols { get; } = [];
    public List<string> Params { get; } = [];
    public List<Scope> Children { get; } = [];
    public Dictionary<string, NameScope> Resolved { get; } = [];

    /// <summary>The scope contains a yield (a genexpr always does): CO_GENERATOR.</summary>
    public bool IsGenerator { get; set; }

    /// <summary>symtable.c ste_nested: some enclosing scope is function-like (CO_NESTED).</summary>
    public bool IsNested => Parent is { } p && (p.IsFunctionLike || p.IsNested);
    public bool IsFunctionLike => Type != ScopeType.Module;
    public bool HasVarArgs { get; set; }
    public bool HasVarKeywords { get; set; }

    /// <summary>co_cellvars and co_freevars: sorted, as compile.c dictbytype orders them.</summary>
    public List<string> CellVars { get; } = [];
    public List<string> FreeVars { get; } = [];

    public NameScope ScopeOf(string name) => Resolved.TryGetValue(name, out var s) ? s : NameScope.GlobalImplicit;

    /// <summary>compile.c compiler_set_qualname: a function's qualname names its enclosing functions with ".&lt;locals&gt;".</summary>
    public string QualName(string? parentQualName) =>
        Parent is { IsFunctionLike: true } && parentQualName is not null ? parentQualName + ".<locals>." + Name : Name;

    public void Add(string name, SymbolFlags flag) => Symbols[name] = Symbols.GetValueOrDefault(name) | flag;
}

/// <summary>
/// Python/symtable.c for the subset: one pass records what each scope does with each name, a second (analyze_block)
/// classifies every name as local, global (declared or implicit), free or cell, the cells being the locals that a
/// nested scope uses as free variables.
/// </summary>
internal sealed class SymbolTable
{
    private readonly Dictionary<object, Scope> _scopes = new(ReferenceEqualityComparer.Instance);
    private Scope _current;

    public Scope Module { get; }

    private SymbolTable()
    {
        Module = new Scope(ScopeType.Module, "top", null);
        _current = Module;
    }

    /// <summary>The scope a function definition, lambda or comprehension opens.</summary>
    public Scope ScopeOf(object node) => _scopes[node];

    public static SymbolTable Build(ModuleAst module)
    {
        var t = new SymbolTable();
        foreach (var s in module.Body)
            t.Visit(s);
        if (module.Expression is not null)
            t.Visit(module.Expression);
        Analyze(t.Module, null, []);
        return t;
    }

    // ---- the first pass (symtable_visit_stmt / symtable_visit_expr)

    private Scope Enter(object node, ScopeType type, string name)
    {
        var scope = new Scope(type, name, _current);
        _current.Children.Add(scope);
        _scopes[node] = scope;
        _current = scope;
        return scope;
    }

    private void Parameters(Scope scope, Arguments args)
    {
        foreach (var a in args.All())
        {
            if (scope.Symbols.ContainsKey(a.Name))
                throw new CompileError(CompileErrorKind.SyntaxError, $"duplicate argument '{a.Name}' in function definition",
                    a.Span.Line, a.Span.Column + 1, a.Span.EndLine, a.Span.EndColumn + 1, null);
            scope.Add(a.Name, SymbolFlags.Param);
            scope.Params.Add(a.Name);
        }
        scope.HasVarArgs = args.VarArg is not null;
        scope.HasVarKeywords = args.KwArg is not null;
    }

    private void Defaults(Arguments args)
    {
        foreach (var d in args.Defaults)
            Visit(d);
        foreach (var d in args.KwDefaults)
            if (d is not null)
                Visit(d);
    }

    private void Visit(Stmt s)
    {
        switch (s)
        {
            case FunctionDef f:
                foreach (var d in f.Decorators)
                    Visit(d);
                Defaults(f.Args);
                _current.Add(f.Name, SymbolFlags.Local);
                var scope = Enter(f, ScopeType.Function, f.Name);
                Parameters(scope, f.Args);
                foreach (var x in f.Body)
                    Visit(x);
                _current = scope.Parent!;
                break;
            case Global g: Declare(g.Names, SymbolFlags.Global, "global", s.Span); break;
            case Nonlocal n: Declare(n.Names, SymbolFlags.Nonlocal, "nonlocal", s.Span); break;
            case ExprStmt e: Visit(e.Value); break;
            case Assign a:
                Visit(a.Value);
                foreach (var t in a.Targets)
                    Visit(t, SymbolFlags.Local);
                break;
            case AugAssign a:
                Visit(a.Value);
                Visit(a.Target, SymbolFlags.Local | SymbolFlags.Use);
                break;
            case AnnAssign a:
                if (a.Value is not null)
                    Visit(a.Value);
                Visit(a.Target, SymbolFlags.Local);
                Visit(a.Annotation);
                break;
            case Delete d:
                foreach (var t in d.Targets)
                    Visit(t, SymbolFlags.Local);
                break;
            case If i: Visit(i.Test); VisitAll(i.Body); VisitAll(i.OrElse); break;
            case While w: Visit(w.Test); VisitAll(w.Body); VisitAll(w.OrElse); break;
            case For f:
                Visit(f.Target, SymbolFlags.Local);
                Visit(f.Iter);
                VisitAll(f.Body);
                VisitAll(f.OrElse);
                break;
            case Import i:
                foreach (var a in i.Names)
                    _current.Add(a.AsName ?? a.Name.Split('.')[0], SymbolFlags.Local);
                break;
            case ImportFrom f:
                foreach (var a in f.Names)
                    if (a.Name != "*")
                        _current.Add(a.AsName ?? a.Name, SymbolFlags.Local);
                break;
            case Assert a: VisitPresent(a.Test, a.Msg); break;
            case Raise r: VisitPresent(r.Exc, r.Cause); break;
            case Return r: VisitPresent(r.Value); break;
        }
    }

    /// <summary>Visits the optional parts of a node that are there.</summary>
    private void VisitPresent(params Expr?[] parts)
    {
        foreach (var x in parts)
            if (x is not null)
                Visit(x);
    }

    private void VisitAll(ImmutableArray<Stmt> body)
    {
        foreach (var s in body)
            Visit(s);
    }

    /// <summary>symtable.c: a global or nonlocal declaration after the scope used or bound the name is an error.</summary>
    private void Declare(ImmutableArray<string> names, SymbolFlags flag, string what, SourceSpan span)
    {
        foreach (var n in names)
        {
            var existing = _current.Symbols.GetValueOrDefault(n);
            string? problem = (existing & SymbolFlags.Param) != 0 ? $"name '{n}' is parameter and {what}"
                : (existing & SymbolFlags.Use) != 0 ? $"name '{n}' is used prior to {what} declaration"
                : (existing & SymbolFlags.Local) != 0 ? $"name '{n}' is assigned to before {what} declaration"
                : null;
            if (problem is not null)
                throw new CompileError(CompileErrorKind.SyntaxError, problem, span.Line, span.Column + 1, span.EndLine, span.EndColumn + 1, null);
            _current.Add(n, flag);
            // symtable.c symtable_add_def_helper: a global declaration anywhere is also recorded in the module's
            // symbols (st_global), so the module stores and loads that name as an explicit global too.
            if (flag == SymbolFlags.Global)
                Module.Add(n, SymbolFlags.Global);
        }
    }

    private void Visit(Expr e, SymbolFlags context = SymbolFlags.Use)
    {
        switch (e)
        {
            case Name n: _current.Add(n.Id, context); break;
            case Starred s: Visit(s.Value, context); break;
            case TupleExpr t:
                foreach (var x in t.Elts)
                    Visit(x, context);
                break;
            case ListExpr l:
                foreach (var x in l.Elts)
                    Visit(x, context);
                break;
            case Attribute a: Visit(a.Value); break;
            case Subscript s: Visit(s.Value); Visit(s.Index); break;
            case Slice s: VisitPresent(s.Lower, s.Upper, s.Step); break;
            case SetExpr s:
                foreach (var x in s.Elts)
                    Visit(x);
                break;
            case DictExpr d:
                for (int i = 0; i < d.Values.Length; i++)
                {
                    if (d.Keys[i] is { } k)
                        Visit(k);
                    Visit(d.Values[i]);
                }
                break;
            case Call c:
                Visit(c.Func);
                foreach (var a in c.Args)
                    Visit(a);
                foreach (var k in c.Keywords)
                    Visit(k.Value);
                break;
            case UnaryOp u: Visit(u.Operand); break;
            case BinOp b: Visit(b.Left); Visit(b.Right); break;
            case BoolOp b:
                foreach (var x in b.Values)
                    Visit(x);
                break;
            case Compare c:
                Visit(c.Left);
                foreach (var x in c.Comparators)
                    Visit(x);
                break;
            case IfExp i: Visit(i.Test); Visit(i.Body); Visit(i.OrElse); break;
            case Lambda l:
            {
                Defaults(l.Args);
                var scope = Enter(l, ScopeType.Lambda, "<lambda>");
                Parameters(scope, l.Args);
                Visit(l.Body);
                _current = scope.Parent!;
                break;
            }
            case Yield y:
                _current.IsGenerator = true;
                if (y.Value is not null)
                    Visit(y.Value);
                break;
            case YieldFrom y:
                _current.IsGenerator = true;
                Visit(y.Value);
                break;
            case Comp c:
            {
                // symtable.c symtable_handle_comprehension: the first iterable is evaluated outside, the rest inside,
                // where the implicit parameter ".0" receives the first iterator.
                Visit(c.Generators[0].Iter);
                var scope = Enter(c, ScopeType.Comprehension, c.Kind switch
                {
                    ComprehensionKind.List => "<listcomp>",
                    ComprehensionKind.Set => "<setcomp>",
                    ComprehensionKind.Dict => "<dictcomp>",
                    _ => "<genexpr>",
                });
                scope.Add(".0", SymbolFlags.Param);
                scope.Params.Add(".0");
                scope.IsGenerator = c.Kind == ComprehensionKind.Generator;
                for (int i = 0; i < c.Generators.Length; i++)
                {
                    var g = c.Generators[i];
                    if (i > 0)
                        Visit(g.Iter);
                    Visit(g.Target, SymbolFlags.Local);
                    foreach (var cond in g.Ifs)
                        Visit(cond);
                }
                Visit(c.Elt);
                if (c.Value is not null)
                    Visit(c.Value);
                _current = scope.Parent!;
                break;
            }
        }
    }

    // ---- the second pass (analyze_block, analyze_name, analyze_cells, update_symbols)

    /// <summary>Classifies the scope's names and its children's; returns the names free in this scope.</summary>
    private static HashSet<string> Analyze(Scope s, HashSet<string>? bound, HashSet<string> global)
    {
        var local = new HashSet<string>();
        var newGlobal = new HashSet<string>(global);
        var newBound = bound is null ? new HashSet<string>() : new HashSet<string>(bound);
        var free = new HashSet<string>();
        foreach (var (name, flags) in s.Symbols)
        {
            if ((flags & SymbolFlags.Global) != 0)
            {
                s.Resolved[name] = NameScope.GlobalExplicit;
                newGlobal.Add(name);
                newBound.Remove(name);
            }
            else if ((flags & SymbolFlags.Nonlocal) != 0)
            {
                if (bound is null || !bound.Contains(name))
                    throw new CompileError(CompileErrorKind.SyntaxError, $"no binding for nonlocal '{name}' found", 0, 0, 0, 0, null);
                s.Resolved[name] = NameScope.Free;
                free.Add(name);
            }
            else if ((flags & (SymbolFlags.Local | SymbolFlags.Param)) != 0)
            {
                s.Resolved[name] = NameScope.Local;
                local.Add(name);
                newGlobal.Remove(name);
            }
            else if (bound is not null && bound.Contains(name))
            {
                s.Resolved[name] = NameScope.Free;
                free.Add(name);
            }
            else
                s.Resolved[name] = NameScope.GlobalImplicit;
        }
        // Module-level names are globals to nested scopes, never closed over.
        if (s.IsFunctionLike)
            newBound.UnionWith(local);
        var childFree = new HashSet<string>();
        foreach (var child in s.Children)
            childFree.UnionWith(Analyze(child, s.IsFunctionLike ? newBound : null, newGlobal));
        foreach (var name in childFree)
        {
            var scope = s.ScopeOf(name);
            if (s.Resolved.ContainsKey(name) && scope == NameScope.Local && s.IsFunctionLike)
                s.Resolved[name] = NameScope.Cell;
            else if (!s.Resolved.ContainsKey(name) || scope == NameScope.Free)
            {
                // update_symbols: a name free in a child and bound further out passes through this scope as free.
                if (bound is not null && bound.Contains(name))
                {
                    s.Resolved[name] = NameScope.Free;
                    free.Add(name);
                }
            }
        }
        foreach (var (name, scope) in s.Resolved)
        {
            if (scope == NameScope.Cell)
                s.CellVars.Add(name);
            else if (scope == NameScope.Free)
                s.FreeVars.Add(name);
        }
        s.CellVars.Sort(string.CompareOrdinal);
        s.FreeVars.Sort(string.CompareOrdinal);
        return free;
    }
}
