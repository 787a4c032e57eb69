using System.Collections.Immutable;
using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Compiler;

/// <summary>
/// Tokens to an AST by recursive descent over the productions of Grammar/python.gram (3.11) that the subset
/// needs; each compound statement and expression form outside the subset is recognised and reported as unsupported
/// rather than as a syntax error.
/// </summary>
public sealed class Parser
{
    private static readonly HashSet<string> s_keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ];

    private static readonly HashSet<string> s_augmented = ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "@="];

    private readonly List<Token> _tokens;
    private readonly SourceText _source;
    private int _i;

    /// <summary>How many <c>def</c> bodies enclose the current token: <c>return</c>, <c>yield</c> and <c>nonlocal</c> need one.</summary>
    private int _functionDepth;

    private Parser(SourceText source)
    {
        _source = source;
        _tokens = Tokenizer.Tokenize(source);
    }

    public static ModuleAst Parse(string source, CompileMode mode)
    {
        var p = new Parser(new SourceText(source));
        return mode switch
        {
            CompileMode.Eval => p.EvalInput(),
            CompileMode.Single => p.SingleInput(),
            _ => new ModuleAst(CompileMode.Exec, p.Statements(untilDedent: false), null),
        };
    }

    // ---- tokens

    private Token Current => _tokens[_i];
    private Token Previous => _tokens[_i - 1];
    private Token PeekAt(int ahead) => _tokens[Math.Min(_i + ahead, _tokens.Count - 1)];

    private bool At(string op) => Current.Is(op);
    private bool AtKeyword(string keyword) => Current.IsKeyword(keyword);

    private bool Accept(string op)
    {
        if (!At(op))
            return false;
        _i++;
        return true;
    }

    private bool AcceptKeyword(string keyword)
    {
        if (!AtKeyword(keyword))
            return false;
        _i++;
        return true;
    }

    private Token Expect(string op)
    {
        if (!At(op))
            throw Syntax(op == ":" ? "expected ':'" : "invalid syntax", Current);
        return _tokens[_i++];
    }

    private Token ExpectKeyword(string keyword) => AtKeyword(keyword) ? _tokens[_i++] : throw Syntax("invalid syntax", Current);

    private CompileError Syntax(string msg, Token at, CompileErrorKind kind = CompileErrorKind.SyntaxError)
    {
        if (at.Kind == TokenKind.Indent && msg == "invalid syntax")
        {
            var next = PeekAt(1);
            return new CompileError(CompileErrorKind.IndentationError, "unexpected indent", next.Line, next.Column, next.Line, -1, _source.Line(next.Line));
        }
        if (at.Kind == TokenKind.EndMarker && msg == "invalid syntax")
            msg = "unexpected EOF while parsing";
        return new CompileError(kind, msg, at.Line, at.Column + 1, at.EndLine, at.EndColumn + 1, _source.Line(at.Line));
    }

    private CompileError SyntaxAt(string msg, SourceSpan span) =>
        new(CompileErrorKind.SyntaxError, msg, span.Line, CharOffset(span.Line, span.Column), span.EndLine, CharOffset(span.EndLine, span.EndColumn), _source.Line(span.Line));

    /// <summary>A 1-based character offset from a byte column, as SyntaxError reports it.</summary>
    private int CharOffset(int line, int byteColumn)
    {
        var text = _source.Line(line);
        int bytes = 0;
        for (int c = 0; c < text.Length; c++)
        {
            if (bytes >= byteColumn)
                return c + 1;
            bytes += System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(c, char.IsHighSurrogate(text[c]) && c + 1 < text.Length ? 2 : 1));
            if (char.IsHighSurrogate(text[c]))
                c++;
        }
        return text.Length + 1;
    }

    private SourceSpan SpanOf(Token first, Token last) =>
        new(first.Line, _source.ByteColumn(first.Line, first.Column), last.EndLine, _source.ByteColumn(last.EndLine, last.EndColumn));

    private SourceSpan From(Token first) => SpanOf(first, Previous);
    private SourceSpan From(SourceSpan first) => SourceSpan.Join(first, SpanOf(Previous, Previous));

    // ---- inputs

    private ModuleAst EvalInput()
    {
        var e = Expressions();
        while (Current.Kind == TokenKind.Newline)
            _i++;
        if (Current.Kind != TokenKind.EndMarker)
            throw Syntax("invalid syntax", Current);
        return new ModuleAst(CompileMode.Eval, [], e);
    }

    private ModuleAst SingleInput()
    {
        while (Current.Kind == TokenKind.Newline)
            _i++;
        if (Current.Kind == TokenKind.EndMarker)
            return new ModuleAst(CompileMode.Single, [], null);
        var body = Statement();
        while (Current.Kind == TokenKind.Newline)
            _i++;
        if (Current.Kind != TokenKind.EndMarker)
            throw Syntax("multiple statements found while compiling a single statement", Current);
        return new ModuleAst(CompileMode.Single, body, null);
    }

    private ImmutableArray<Stmt> Statements(bool untilDedent)
    {
        var body = ImmutableArray.CreateBuilder<Stmt>();
        while (true)
        {
            if (Current.Kind == TokenKind.Newline)
            {
                _i++;
                continue;
            }
            if (Current.Kind == TokenKind.EndMarker || (untilDedent && Current.Kind == TokenKind.Dedent))
                break;
            body.AddRange(Statement());
        }
        return body.ToImmutable();
    }

    /// <summary>One compound statement, or one line of simple statements.</summary>
    private ImmutableArray<Stmt> Statement()
    {
        var t = Current;
        if (t.Kind == TokenKind.Name)
        {
            switch (t.Text)
            {
                case "if": return [IfStatement()];
                case "while": return [WhileStatement()];
                case "for": return [ForStatement()];
                case "def": return [FunctionDefinition([], t)];
                case "class": CompileError.Unsupported("a class definition", t.Line); break;
                case "try": CompileError.Unsupported("the try statement", t.Line); break;
                case "with": CompileError.Unsupported("the with statement", t.Line); break;
                case "async": CompileError.Unsupported("async statements", t.Line); break;
                case "match" when PeekAt(1).Kind is TokenKind.Name or TokenKind.Number or TokenKind.String
                    && !PeekAt(1).Is("=") && LineEndsWithColon():
                    CompileError.Unsupported("the match statement", t.Line);
                    break;
            }
        }
        if (t.Is("@"))
            return [Decorated()];
        var line = ImmutableArray.CreateBuilder<Stmt>();
        while (true)
        {
            line.Add(SimpleStatement());
            if (!Accept(";"))
                break;
            if (Current.Kind == TokenKind.Newline)
                break;
        }
        if (Current.Kind != TokenKind.Newline)
            throw Syntax("invalid syntax", Current);
        _i++;
        return line.ToImmutable();
    }

    /// <summary>decorators followed by a <c>def</c> (a decorated class is outside the subset).</summary>
    private FunctionDef Decorated()
    {
        var first = Current;
        var decorators = ImmutableArray.CreateBuilder<Expr>();
        while (Accept("@"))
        {
            decorators.Add(NamedExpression());
            if (Current.Kind != TokenKind.Newline)
                throw Syntax("invalid syntax", Current);
            _i++;
        }
        if (!AtKeyword("def"))
            CompileError.Unsupported(AtKeyword("class") ? "a class definition" : "this decorated statement", Current.Line);
        return FunctionDefinition(decorators.ToImmutable(), first);
    }

    /// <summary>function_def_raw: <c>def NAME(params): block</c>; annotations are outside the subset.</summary>
    private FunctionDef FunctionDefinition(ImmutableArray<Expr> decorators, Token first)
    {
        var def = _tokens[_i++];
        var name = Identifier();
        Expect("(");
        var args = Parameters(")", annotations: true);
        Expect(")");
        if (At("->"))
            CompileError.Unsupported("annotations", Current.Line);
        _functionDepth++;
        var body = Block("function definition", def);
        _functionDepth--;
        return new FunctionDef(name, args, body, decorators, first.Line, SourceSpan.Join(SpanOf(def, def), body[^1].Span));
    }

    /// <summary>parameters / lambda_parameters, up to <paramref name="close"/>.</summary>
    private Arguments Parameters(string close, bool annotations)
    {
        var posOnly = ImmutableArray<Arg>.Empty;
        var args = ImmutableArray.CreateBuilder<Arg>();
        var kwOnly = ImmutableArray.CreateBuilder<Arg>();
        var kwDefaults = ImmutableArray.CreateBuilder<Expr?>();
        var defaults = ImmutableArray.CreateBuilder<Expr>();
        Arg? varArg = null, kwArg = null;
        bool star = false;
        while (!At(close))
        {
            var t = Current;
            if (Accept("/"))
            {
                if (star || posOnly.Length > 0 || args.Count == 0)
                    throw Syntax(args.Count == 0 ? "at least one argument must precede /" : "/ may appear only once", t);
                posOnly = args.ToImmutable();
                args.Clear();
            }
            else if (Accept("**"))
                kwArg = Parameter(annotations);
            else if (Accept("*"))
            {
                if (star)
                    throw Syntax("* argument may appear only once", t);
                star = true;
                if (!At(",") && !At(close))
                    varArg = Parameter(annotations);
            }
            else
            {
                var a = Parameter(annotations);
                Expr? value = Accept("=") ? Expression() : null;
                if (star)
                {
                    kwOnly.Add(a);
                    kwDefaults.Add(value);
                }
                else
                {
                    if (value is not null)
                        defaults.Add(value);
                    else if (defaults.Count > 0)
                        throw SyntaxAt("non-default argument follows default argument", a.Span);
                    args.Add(a);
                }
            }
            if (!Accept(","))
                break;
            if (kwArg is not null && !At(close))
                throw Syntax("arguments cannot follow var-keyword argument", Current);
        }
        return new Arguments(posOnly, args.ToImmutable(), varArg, kwOnly.ToImmutable(), kwDefaults.ToImmutable(), kwArg, defaults.ToImmutable());
    }

    private Arg Parameter(bool annotations)
    {
        var t = Current;
        var name = Identifier();
        if (annotations && At(":"))
            CompileError.Unsupported("annotations", Current.Line);
        return new Arg(name, From(t));
    }

    private Lambda LambdaExpression()
    {
        var t = _tokens[_i++];
        var args = Parameters(":", annotations: false);
        Expect(":");
        var body = Expression();
        return new Lambda(args, body, From(t));
    }

    /// <summary>yield_expr: <c>yield</c>, <c>yield value(s)</c> or <c>yield from value</c>, inside a function only.</summary>
    private Expr YieldExpression()
    {
        var t = _tokens[_i++];
        Expr y;
        if (AcceptKeyword("from"))
            y = new YieldFrom(Expression(), From(t));
        else if (StartsExpression())
            y = new Yield(StarExpressions(), From(t));
        else
            y = new Yield(null, From(t));
        if (_functionDepth == 0)
            throw SyntaxAt("'yield' outside function", y.Span);
        return y;
    }

    /// <summary>for_if_clauses: one or more <c>for target in iter (if cond)*</c>; async comprehensions are outside the subset.</summary>
    private ImmutableArray<Comprehension> ComprehensionClauses()
    {
        var clauses = ImmutableArray.CreateBuilder<Comprehension>();
        while (AtKeyword("for") || AtKeyword("async"))
        {
            if (AtKeyword("async"))
                CompileError.Unsupported("async comprehensions", Current.Line);
            _i++;
            var target = TargetList("in");
            CheckTarget(target, "assign to", "");
            ExpectKeyword("in");
            var iter = Disjunction();
            var ifs = ImmutableArray.CreateBuilder<Expr>();
            while (AcceptKeyword("if"))
                ifs.Add(Disjunction());
            clauses.Add(new Comprehension(target, iter, ifs.ToImmutable()));
        }
        return clauses.ToImmutable();
    }

    private bool LineEndsWithColon()
    {
        int depth = 0;
        for (int k = _i; k < _tokens.Count && _tokens[k].Kind != TokenKind.Newline; k++)
        {
            var tk = _tokens[k];
            if (tk.Kind == TokenKind.Op && tk.Text is "(" or "[" or "{")
                depth++;
            else if (tk.Kind == TokenKind.Op && tk.Text is ")" or "]" or "}")
                depth--;
            else if (depth == 0 && tk.Is(":"))
                return k + 1 < _tokens.Count && _tokens[k + 1].Kind == TokenKind.Newline;
        }
        return false;
    }

    /// <summary>The indented block (or the simple statements on the same line) after a compound header's colon.</summary>
    private ImmutableArray<Stmt> Block(string what, Token header)
    {
        Expect(":");
        if (Current.Kind != TokenKind.Newline)
        {
            var line = ImmutableArray.CreateBuilder<Stmt>();
            while (true)
            {
                line.Add(SimpleStatement());
                if (!Accept(";") || Current.Kind == TokenKind.Newline)
                    break;
            }
            if (Current.Kind != TokenKind.Newline)
                throw Syntax("invalid syntax", Current);
            _i++;
            return line.ToImmutable();
        }
        _i++;
        if (Current.Kind != TokenKind.Indent)
            throw new CompileError(CompileErrorKind.IndentationError, $"expected an indented block after {what} on line {header.Line}",
                Current.Line, Current.Column + 1, Current.Line, Current.EndColumn + 1, _source.Line(Current.Line));
        _i++;
        var body = Statements(untilDedent: true);
        if (Current.Kind == TokenKind.Dedent)
            _i++;
        return body;
    }

    private If IfStatement()
    {
        var start = _tokens[_i++];
        var test = NamedExpression();
        var body = Block(start.Text == "if" ? "'if' statement" : "'elif' statement", start);
        ImmutableArray<Stmt> orElse = [];
        if (AtKeyword("elif"))
            orElse = [IfStatement()];
        else if (AtKeyword("else"))
        {
            var e = _tokens[_i++];
            orElse = Block("'else' statement", e);
        }
        return new If(test, body, orElse, SpanEnd(SpanOf(start, start), body, orElse));
    }

    private SourceSpan SpanEnd(SourceSpan start, ImmutableArray<Stmt> body, ImmutableArray<Stmt> orElse)
    {
        var last = orElse.Length > 0 ? orElse[^1] : body[^1];
        return SourceSpan.Join(start, last.Span);
    }

    private While WhileStatement()
    {
        var start = _tokens[_i++];
        var test = NamedExpression();
        var body = Block("'while' statement", start);
        ImmutableArray<Stmt> orElse = [];
        if (AtKeyword("else"))
            orElse = Block("'else' statement", _tokens[_i++]);
        return new While(test, body, orElse, SpanEnd(SpanOf(start, start), body, orElse));
    }

    private For ForStatement()
    {
        var start = _tokens[_i++];
        var target = TargetList("in");
        CheckTarget(target, "assign to", "");
        ExpectKeyword("in");
        var iter = StarExpressions();
        var body = Block("'for' statement", start);
        ImmutableArray<Stmt> orElse = [];
        if (AtKeyword("else"))
            orElse = Block("'else' statement", _tokens[_i++]);
        return new For(target, iter, body, orElse, SpanEnd(SpanOf(start, start), body, orElse));
    }

    /// <summary>star_targets: a comma-separated list of targets up to <paramref name="stop"/> (a tuple if a comma).</summary>
    private Expr TargetList(string stop)
    {
        var first = Current;
        var items = ImmutableArray.CreateBuilder<Expr>();
        bool comma = false;
        while (true)
        {
            items.Add(At("*") ? StarredItem() : BitwiseOr());
            if (!Accept(","))
                break;
            comma = true;
            if (AtKeyword(stop) || At("="))
                break;
        }
        return comma ? new TupleExpr(items.ToImmutable(), From(first)) : items[0];
    }

    private Stmt SimpleStatement()
    {
        var t = Current;
        if (t.Kind == TokenKind.Name)
        {
            switch (t.Text)
            {
                case "pass": _i++; return new Pass(From(t));
                case "break": _i++; return new Break(From(t));
                case "continue": _i++; return new Continue(From(t));
                case "del": return DelStatement();
                case "import": return ImportStatement();
                case "from": return FromImportStatement();
                case "global":
                case "nonlocal":
                {
                    _i++;
                    var names = ImmutableArray.CreateBuilder<string>();
                    do
                        names.Add(Identifier());
                    while (Accept(","));
                    if (t.Text == "global")
                        return new Global(names.ToImmutable(), From(t));
                    if (_functionDepth == 0)
                        throw SyntaxAt("nonlocal declaration not allowed at module level", From(t));
                    return new Nonlocal(names.ToImmutable(), From(t));
                }
                case "assert":
                {
                    _i++;
                    var test = Expression();
                    var msg = Accept(",") ? Expression() : null;
                    return new Assert(test, msg, From(t));
                }
                case "raise":
                {
                    _i++;
                    if (Current.Kind == TokenKind.Newline || At(";"))
                        return new Raise(null, null, From(t));
                    var exc = Expression();
                    var cause = AcceptKeyword("from") ? Expression() : null;
                    return new Raise(exc, cause, From(t));
                }
                case "return":
                {
                    _i++;
                    Expr? value = null;
                    if (Current.Kind != TokenKind.Newline && !At(";"))
                        value = StarExpressions();
                    if (_functionDepth == 0)
                        throw SyntaxAt("'return' outside function", From(t));
                    return new Return(value, From(t));
                }
                case "yield":
                {
                    var y = YieldExpression();
                    return new ExprStmt(y, y.Span);
                }
            }
        }
        var first = StarExpressions();
        if (At("="))
        {
            var targets = ImmutableArray.CreateBuilder<Expr>();
            targets.Add(first);
            Expr value = first;
            while (Accept("="))
            {
                value = AtKeyword("yield") ? YieldExpression() : StarExpressions();
                targets.Add(value);
            }
            targets.RemoveAt(targets.Count - 1);
            foreach (var target in targets)
                CheckTarget(target, "assign to", " here. Maybe you meant '==' instead of '='?");
            return new Assign(targets.ToImmutable(), value, SpanOf(t, Previous));
        }
        if (Current.Kind == TokenKind.Op && s_augmented.Contains(Current.Text))
        {
            var op = _tokens[_i++].Text[..^1];
            if (first is not (Name or Attribute or Subscript))
                throw SyntaxAt($"'{Describe(first)}' is an illegal expression for augmented assignment", first.Span);
            var value = StarExpressions();
            return new AugAssign(first, op, value, SpanOf(t, Previous));
        }
        if (At(":") && first is Name or Attribute or Subscript)
        {
            _i++;
            var annotation = Expression();
            var value = Accept("=") ? StarExpressions() : null;
            bool simple = first is Name && !t.Is("(");
            return new AnnAssign(first, annotation, value, simple, SpanOf(t, Previous));
        }
        return new ExprStmt(first, first.Span);
    }

    private Delete DelStatement()
    {
        var t = _tokens[_i++];
        var targets = ImmutableArray.CreateBuilder<Expr>();
        do
        {
            if (Current.Kind == TokenKind.Newline || At(";"))
                break;
            var target = BitwiseOr();
            CheckTarget(target, "delete", "");
            targets.Add(target);
        }
        while (Accept(","));
        if (targets.Count == 0)
            throw Syntax("invalid syntax", Current);
        return new Delete(targets.ToImmutable(), From(t));
    }

    /// <summary>Parser/pegen_errors.c / action_helpers.c _PyPegen_get_expr_name: what a bad target is called.</summary>
    private static string Describe(Expr e) => e switch
    {
        Constant { Value: PyBool b } => b == PyBool.True ? "True" : "False",
        Constant { Value: PyNone } => "None",
        Constant { Value: PyEllipsis } => "ellipsis",
        Constant => "literal",
        Call => "function call",
        Compare => "comparison",
        IfExp => "conditional expression",
        DictExpr => "dict literal",
        SetExpr => "set display",
        Starred => "starred",
        TupleExpr => "tuple",
        ListExpr => "list",
        Name => "name",
        Attribute => "attribute",
        Subscript => "subscript",
        _ => "expression",
    };

    private void CheckTarget(Expr target, string verb, string hint)
    {
        switch (target)
        {
            case Name or Attribute or Subscript:
                return;
            case TupleExpr t:
                foreach (var e in t.Elts)
                    CheckTarget(e, verb, hint);
                return;
            case ListExpr l:
                foreach (var e in l.Elts)
                    CheckTarget(e, verb, hint);
                return;
            case Starred s when verb != "delete":
                CheckTarget(s.Value, verb, hint);
                return;
            default:
                var what = Describe(target);
                throw SyntaxAt(what is "True" or "False" or "None" ? $"cannot {verb} {what}" : $"cannot {verb} {what}{hint}", target.Span);
        }
    }

    private string Identifier()
    {
        if (Current.Kind != TokenKind.Name || s_keywords.Contains(Current.Text))
            throw Syntax("invalid syntax", Current);
        return _tokens[_i++].Text;
    }

    private string DottedName()
    {
        var name = Identifier();
        while (Accept("."))
            name += "." + Identifier();
        return name;
    }

    private Import ImportStatement()
    {
        var t = _tokens[_i++];
        var names = ImmutableArray.CreateBuilder<Alias>();
        do
        {
            var start = Current;
            var name = DottedName();
            var asName = AcceptKeyword("as") ? Identifier() : null;
            names.Add(new Alias(name, asName, From(start)));
        }
        while (Accept(","));
        return new Import(names.ToImmutable(), From(t));
    }

    private ImportFrom FromImportStatement()
    {
        var t = _tokens[_i++];
        int level = 0;
        while (At(".") || At("..."))
            level += _tokens[_i++].Text.Length;
        string? module = AtKeyword("import") ? null : DottedName();
        if (module is null && level == 0)
            throw Syntax("invalid syntax", Current);
        ExpectKeyword("import");
        var names = ImmutableArray.CreateBuilder<Alias>();
        if (At("*"))
        {
            var star = _tokens[_i++];
            names.Add(new Alias("*", null, From(star)));
            return new ImportFrom(module, names.ToImmutable(), level, From(t));
        }
        bool parens = Accept("(");
        do
        {
            if (parens && At(")"))
                break;
            var start = Current;
            var name = Identifier();
            var asName = AcceptKeyword("as") ? Identifier() : null;
            names.Add(new Alias(name, asName, From(start)));
        }
        while (Accept(","));
        if (parens)
            Expect(")");
        else if (Previous.Is(","))
            throw SyntaxAt("trailing comma not allowed without surrounding parentheses", From(Previous));
        return new ImportFrom(module, names.ToImmutable(), level, From(t));
    }

    // ---- expressions

    /// <summary>star_expressions: an expression, or a tuple without parentheses.</summary>
    private Expr StarExpressions()
    {
        var first = Current;
        var e = At("*") ? StarredItem() : Expression();
        if (!At(","))
            return e;
        var items = ImmutableArray.CreateBuilder<Expr>();
        items.Add(e);
        while (Accept(","))
        {
            if (!StartsExpression())
                break;
            items.Add(At("*") ? StarredItem() : Expression());
        }
        return new TupleExpr(items.ToImmutable(), From(first));
    }

    /// <summary>expressions (eval input): like star_expressions.</summary>
    private Expr Expressions() => StarExpressions();

    private bool StartsExpression()
    {
        var t = Current;
        return t.Kind switch
        {
            TokenKind.Name => !s_keywords.Contains(t.Text) || t.Text is "None" or "True" or "False" or "not" or "lambda" or "await",
            TokenKind.Number or TokenKind.String => true,
            TokenKind.Op => t.Text is "(" or "[" or "{" or "-" or "+" or "~" or "*" or "...",
            _ => false,
        };
    }

    private Starred StarredItem()
    {
        var star = Expect("*");
        var value = BitwiseOr();
        return new Starred(value, From(star));
    }

    private Expr NamedExpression()
    {
        var e = Expression();
        if (At(":="))
            CompileError.Unsupported("the assignment expression (:=)", Current.Line);
        return e;
    }

    private Expr Expression()
    {
        if (AtKeyword("lambda"))
            return LambdaExpression();
        var body = Disjunction();
        if (!AcceptKeyword("if"))
            return body;
        var test = Disjunction();
        ExpectKeyword("else");
        var orElse = Expression();
        return new IfExp(test, body, orElse, SourceSpan.Join(body.Span, orElse.Span));
    }

    private Expr Disjunction() => BoolChain("or", Conjunction, isAnd: false);
    private Expr Conjunction() => BoolChain("and", Inversion, isAnd: true);

    private Expr BoolChain(string keyword, Func<Expr> operand, bool isAnd)
    {
        var first = operand();
        if (!AtKeyword(keyword))
            return first;
        var values = ImmutableArray.CreateBuilder<Expr>();
        values.Add(first);
        while (AcceptKeyword(keyword))
            values.Add(operand());
        return new BoolOp(isAnd, values.ToImmutable(), SourceSpan.Join(first.Span, values[^1].Span));
    }

    private Expr Inversion()
    {
        if (!AtKeyword("not"))
            return Comparison();
        var t = _tokens[_i++];
        var operand = Inversion();
        return new UnaryOp("not", operand, SourceSpan.Join(SpanOf(t, t), operand.Span));
    }

    private Expr Comparison()
    {
        var left = BitwiseOr();
        var ops = ImmutableArray.CreateBuilder<string>();
        var comparators = ImmutableArray.CreateBuilder<Expr>();
        while (true)
        {
            string? op = null;
            var t = Current;
            if (t.Kind == TokenKind.Op && t.Text is "<" or ">" or "==" or ">=" or "<=" or "!=")
                op = t.Text;
            else if (t.IsKeyword("in"))
                op = "in";
            else if (t.IsKeyword("not") && PeekAt(1).IsKeyword("in"))
            {
                op = "not in";
                _i++;
            }
            else if (t.IsKeyword("is"))
            {
                op = PeekAt(1).IsKeyword("not") ? "is not" : "is";
                if (op == "is not")
                    _i++;
            }
            if (op is null)
                break;
            _i++;
            ops.Add(op);
            comparators.Add(BitwiseOr());
        }
        return ops.Count == 0 ? left : new Compare(left, ops.ToImmutable(), comparators.ToImmutable(), SourceSpan.Join(left.Span, comparators[^1].Span));
    }

    private Expr BitwiseOr() => Binary(BitwiseXor, "|");
    private Expr BitwiseXor() => Binary(BitwiseAnd, "^");
    private Expr BitwiseAnd() => Binary(Shift, "&");
    private Expr Shift() => Binary(Sum, "<<", ">>");
    private Expr Sum() => Binary(Term, "+", "-");
    private Expr Term() => Binary(Factor, "*", "/", "//", "%", "@");

    private Expr Binary(Func<Expr> operand, params string[] ops)
    {
        var left = operand();
        while (Current.Kind == TokenKind.Op && Array.IndexOf(ops, Current.Text) >= 0)
        {
            var op = _tokens[_i++].Text;
            var right = operand();
            left = new BinOp(left, op, right, SourceSpan.Join(left.Span, right.Span));
        }
        return left;
    }

    private Expr Factor()
    {
        if (Current.Kind == TokenKind.Op && Current.Text is "+" or "-" or "~")
        {
            var t = _tokens[_i++];
            var operand = Factor();
            return new UnaryOp(t.Text, operand, SourceSpan.Join(SpanOf(t, t), operand.Span));
        }
        return Power();
    }

    private Expr Power()
    {
        if (AtKeyword("await"))
            CompileError.Unsupported("await", Current.Line);
        var left = Primary();
        if (!Accept("**"))
            return left;
        var right = Factor();
        return new BinOp(left, "**", right, SourceSpan.Join(left.Span, right.Span));
    }

    private Expr Primary()
    {
        var e = Atom();
        while (true)
        {
            if (Accept("."))
            {
                var name = Identifier();
                e = new Attribute(e, name, From(e.Span));
            }
            else if (At("("))
            {
                var (args, keywords) = Arguments(_i++);
                Expect(")");
                e = new Call(e, args, keywords, From(e.Span));
            }
            else if (At("["))
            {
                _i++;
                var index = Slices();
                Expect("]");
                e = new Subscript(e, index, From(e.Span));
            }
            else
                return e;
        }
    }

    private Expr Slices()
    {
        var first = Current;
        var e = SliceItem();
        if (!At(","))
            return e;
        var items = ImmutableArray.CreateBuilder<Expr>();
        items.Add(e);
        while (Accept(","))
        {
            if (At("]"))
                break;
            items.Add(SliceItem());
        }
        return new TupleExpr(items.ToImmutable(), From(first));
    }

    private Expr SliceItem()
    {
        var first = Current;
        if (At("*"))
            return StarredItem();
        Expr? lower = At(":") ? null : NamedExpression();
        if (!Accept(":"))
            return lower!;
        Expr? upper = At(":") || At("]") || At(",") ? null : Expression();
        Expr? step = null;
        if (Accept(":"))
            step = At("]") || At(",") ? null : Expression();
        return new Slice(lower, upper, step, From(first));
    }

    private (ImmutableArray<Expr>, ImmutableArray<Keyword>) Arguments(int openParen)
    {
        var args = ImmutableArray.CreateBuilder<Expr>();
        var keywords = ImmutableArray.CreateBuilder<Keyword>();
        while (!At(")"))
        {
            var start = Current;
            if (Accept("**"))
            {
                var value = Expression();
                keywords.Add(new Keyword(null, value, From(start)));
            }
            else if (At("*"))
            {
                var starred = StarredItem();
                if (keywords.Any(k => k.Arg is null))
                    throw SyntaxAt("iterable argument unpacking follows keyword argument unpacking", starred.Span);
                args.Add(starred);
            }
            else if (start.Kind == TokenKind.Name && PeekAt(1).Is("=") && !s_keywords.Contains(start.Text))
            {
                _i += 2;
                var value = Expression();
                keywords.Add(new Keyword(start.Text, value, From(start)));
            }
            else
            {
                var value = NamedExpression();
                if (AtKeyword("for") || AtKeyword("async"))
                {
                    // A generator expression as an argument spans its call's parentheses when it is the only one.
                    var generators = ComprehensionClauses();
                    if (args.Count > 0 || keywords.Count > 0 || !At(")"))
                        throw SyntaxAt("Generator expression must be parenthesized", From(start));
                    value = new Comp(ComprehensionKind.Generator, value, null, generators, SpanOf(_tokens[openParen], Current));
                }
                if (keywords.Count > 0)
                    throw SyntaxAt(keywords.Any(k => k.Arg is null)
                        ? "positional argument follows keyword argument unpacking"
                        : "positional argument follows keyword argument", value.Span);
                args.Add(value);
            }
            if (!Accept(","))
                break;
        }
        return (args.ToImmutable(), keywords.ToImmutable());
    }

    private Expr Atom()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Name:
                _i++;
                switch (t.Text)
                {
                    case "None": return new Constant(PyNone.Instance, From(t));
                    case "True": return new Constant(PyBool.True, From(t));
                    case "False": return new Constant(PyBool.False, From(t));
                }
                if (s_keywords.Contains(t.Text))
                {
                    _i--;
                    if (t.Text == "yield")
                        CompileError.Unsupported("yield", t.Line);
                    throw Syntax("invalid syntax", t);
                }
                return new Name(t.Text, From(t));
            case TokenKind.Number:
                _i++;
                return new Constant(Literals.Number(t.Text) ?? throw Syntax("invalid decimal literal", t), From(t));
            case TokenKind.String:
            {
                var parts = new List<PyObject>();
                bool? bytes = null;
                while (Current.Kind == TokenKind.String)
                {
                    var (value, isBytes) = Literals.String(Current);
                    if (bytes is { } b && b != isBytes)
                        throw SyntaxAt("cannot mix bytes and nonbytes literals", SpanOf(t, Current));
                    bytes = isBytes;
                    parts.Add(value);
                    _i++;
                }
                return new Constant(Literals.Concatenate(parts), From(t));
            }
        }
        if (t.Is("..."))
        {
            _i++;
            return new Constant(PyEllipsis.Instance, From(t));
        }
        if (t.Is("("))
        {
            _i++;
            if (Accept(")"))
                return new TupleExpr([], From(t));
            if (AtKeyword("yield"))
            {
                var y = YieldExpression();
                Expect(")");
                return y;
            }
            var first = At("*") ? StarredItem() : NamedExpression();
            if (AtKeyword("for") || AtKeyword("async"))
            {
                var generators = ComprehensionClauses();
                Expect(")");
                return new Comp(ComprehensionKind.Generator, first, null, generators, From(t));
            }
            if (Accept(")"))
            {
                if (first is Starred)
                    throw SyntaxAt("cannot use starred expression here", first.Span);
                return first;
            }
            var items = ImmutableArray.CreateBuilder<Expr>();
            items.Add(first);
            while (Accept(","))
            {
                if (At(")"))
                    break;
                items.Add(At("*") ? StarredItem() : NamedExpression());
            }
            Expect(")");
            return new TupleExpr(items.ToImmutable(), From(t));
        }
        if (t.Is("["))
        {
            _i++;
            if (!At("]") && !At("*"))
            {
                int start = _i;
                var elt = NamedExpression();
                if (AtKeyword("for") || AtKeyword("async"))
                {
                    var generators = ComprehensionClauses();
                    Expect("]");
                    return new Comp(ComprehensionKind.List, elt, null, generators, From(t));
                }
                _i = start;
            }
            var items = DisplayItems("]");
            return new ListExpr(items, From(t));
        }
        if (t.Is("{"))
        {
            _i++;
            return DictOrSet(t);
        }
        throw Syntax("invalid syntax", t);
    }

    private ImmutableArray<Expr> DisplayItems(string close)
    {
        var items = ImmutableArray.CreateBuilder<Expr>();
        while (!At(close))
        {
            items.Add(At("*") ? StarredItem() : NamedExpression());
            if (!Accept(","))
                break;
        }
        Expect(close);
        return items.ToImmutable();
    }

    private Expr DictOrSet(Token open)
    {
        if (Accept("}"))
            return new DictExpr([], [], From(open));
        int afterOpen = _i;
        if (!At("**"))
        {
            var first = At("*") ? StarredItem() : NamedExpression();
            if (!At(":"))
            {
                var items = ImmutableArray.CreateBuilder<Expr>();
                items.Add(first);
                if (AtKeyword("for") || AtKeyword("async"))
                {
                    var generators = ComprehensionClauses();
                    Expect("}");
                    return new Comp(ComprehensionKind.Set, first, null, generators, From(open));
                }
                if (Accept(","))
                    items.AddRange(DisplayItems("}"));
                else
                    Expect("}");
                return new SetExpr(items.ToImmutable(), From(open));
            }
            // A dict: parse the first key again as a key.
            _i = afterOpen;
        }
        var keys = ImmutableArray.CreateBuilder<Expr?>();
        var values = ImmutableArray.CreateBuilder<Expr>();
        while (!At("}"))
        {
            if (Accept("**"))
            {
                keys.Add(null);
                values.Add(BitwiseOr());
            }
            else
            {
                keys.Add(Expression());
                Expect(":");
                values.Add(Expression());
                if (keys.Count == 1 && (AtKeyword("for") || AtKeyword("async")))
                {
                    var generators = ComprehensionClauses();
                    Expect("}");
                    return new Comp(ComprehensionKind.Dict, keys[0]!, values[0], generators, From(open));
                }
            }
            if (!Accept(","))
                break;
        }
        Expect("}");
        return new DictExpr(keys.ToImmutable(), values.ToImmutable(), From(open));
    }
}
