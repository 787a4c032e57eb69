using PycSharp.Format;

namespace PycSharp.Runtime.Tracebacks.Syntax;

/// <summary>
/// A recursive-descent reading of CPython's PEG grammar (Grammar/python.gram) for the statements and expressions
/// the caret rules parse: what ast.parse() (3.13, Lib/traceback.py) or the C parser (3.11/3.12,
/// Python/traceback.c extract_anchors_from_line) makes of a source segment. Node places follow the grammar's
/// EXTRA: a node runs from the first token its rule read to the last one, and a parenthesized group is its inner
/// node unchanged, so in "(a) + b" the BinOp starts at "(" while its left operand starts at "a".
/// Compound statements are not read: a module is returned up to the first one, which stands as an
/// <see cref="OtherStmt"/> (the caret rules only look inside the first statement, or at a single one).
/// </summary>
internal sealed class PyParser
{
    private static readonly HashSet<string> s_keywords =
    [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ];

    /// <summary>keyword.iskeyword: the hard keywords (Lib/keyword.py kwlist).</summary>
    internal static bool IsHardKeyword(string s) => s_keywords.Contains(s);

    private static readonly HashSet<string> s_compound = ["if", "while", "for", "try", "with", "def", "class", "async", "@"];

    private static readonly HashSet<string> s_augAssign =
        ["+=", "-=", "*=", "@=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "**=", "//="];

    // Binary operator levels from loosest to tightest (bitwise_or ... term).
    private static readonly string[][] s_binaryLevels =
        [["|"], ["^"], ["&"], ["<<", ">>"], ["+", "-"], ["*", "/", "//", "%", "@"]];

    private readonly List<Token> _tokens;
    private readonly PythonVersion _version;
    private int _p;

    private PyParser(List<Token> tokens, PythonVersion version)
    {
        _tokens = tokens;
        _version = version;
    }

    /// <summary>The statements of <paramref name="text"/> parsed as a module, or null where CPython raises SyntaxError.</summary>
    public static IReadOnlyList<PyStmt>? ParseModule(string text, PythonVersion version)
    {
        try
        {
            return new PyParser(PyTokenizer.Tokenize(text, version), version).Module();
        }
        catch (PySyntaxException)
        {
            return null;
        }
    }

    private Token Cur => _tokens[_p];

    private Token PeekAt(int k) => _tokens[Math.Min(_p + k, _tokens.Count - 1)];

    private bool IsOp(string op) => Cur.Kind == TokenKind.Op && Cur.Text == op;

    private bool IsOpAt(int k, string op) => PeekAt(k).Kind == TokenKind.Op && PeekAt(k).Text == op;

    private bool IsKeyword(string kw) => Cur.Kind == TokenKind.Name && Cur.Text == kw;

    private bool IsPlainName => Cur.Kind == TokenKind.Name && !s_keywords.Contains(Cur.Text);

    private static PySyntaxException Error(string what) => new(what);

    private Token Next()
    {
        var t = Cur;
        if (t.Kind != TokenKind.EndMarker)
            _p++;
        return t;
    }

    private void ExpectOp(string op)
    {
        if (!IsOp(op))
            throw Error($"expected '{op}'");
        _p++;
    }

    private void ExpectKeyword(string kw)
    {
        if (!IsKeyword(kw))
            throw Error($"expected '{kw}'");
        _p++;
    }

    private string ExpectName()
    {
        if (!IsPlainName)
            throw Error("expected a name");
        return Next().Text;
    }

    private Span SpanFrom(int startToken)
    {
        var first = _tokens[startToken];
        var last = _tokens[_p - 1];
        return new Span(first.Line, first.Col, last.EndLine, last.EndCol);
    }

    // ---- statements ----

    private List<PyStmt> Module()
    {
        var statements = new List<PyStmt>();
        while (Cur.Kind != TokenKind.EndMarker)
        {
            if (Cur.Indent != 0)
                throw Error("unexpected indent");
            if (Cur.Kind == TokenKind.Name && s_compound.Contains(Cur.Text) || IsOp("@"))
            {
                statements.Add(new OtherStmt("compound"));
                return statements;
            }
            int lineStart = _p;
            try
            {
                SimpleStatements(statements);
            }
            catch (PySyntaxException) when (_tokens[lineStart].Kind == TokenKind.Name && _tokens[lineStart].Text == "match")
            {
                // "match" is a soft keyword: what is no simple statement may be a match statement, compound.
                statements.Add(new OtherStmt("compound"));
                return statements;
            }
        }
        return statements;
    }

    private void SimpleStatements(List<PyStmt> into)
    {
        into.Add(SimpleStatement());
        while (IsOp(";"))
        {
            _p++;
            if (Cur.Kind == TokenKind.Newline)
                break;
            into.Add(SimpleStatement());
        }
        if (Cur.Kind != TokenKind.Newline)
            throw Error("invalid syntax");
        _p++;
    }

    private PyStmt SimpleStatement()
    {
        if (Cur.Kind == TokenKind.Name)
        {
            switch (Cur.Text)
            {
                case "pass" or "break" or "continue":
                    return new OtherStmt(Next().Text);
                case "return":
                    _p++;
                    return new ReturnStmt(StartsExpression() ? StarExpressions() : null);
                case "raise":
                    _p++;
                    if (StartsExpression())
                    {
                        Expression();
                        if (IsKeyword("from"))
                        {
                            _p++;
                            Expression();
                        }
                    }
                    return new OtherStmt("Raise");
                case "global" or "nonlocal":
                    _p++;
                    ExpectName();
                    while (IsOp(","))
                    {
                        _p++;
                        ExpectName();
                    }
                    return new OtherStmt("Global");
                case "del":
                    _p++;
                    TargetList();
                    return new OtherStmt("Delete");
                case "assert":
                    _p++;
                    Expression();
                    if (IsOp(","))
                    {
                        _p++;
                        Expression();
                    }
                    return new OtherStmt("Assert");
                case "import":
                    _p++;
                    do
                    {
                        DottedName();
                        if (IsKeyword("as"))
                        {
                            _p++;
                            ExpectName();
                        }
                    }
                    while (TakeComma());
                    return new OtherStmt("Import");
                case "from":
                    ImportFrom();
                    return new OtherStmt("ImportFrom");
                case "type" when _version >= new PythonVersion(3, 12) && PeekAt(1).Kind == TokenKind.Name
                                 && !s_keywords.Contains(PeekAt(1).Text):
                    _p += 2;
                    if (IsOp("["))
                        SkipBrackets();
                    ExpectOp("=");
                    Expression();
                    return new OtherStmt("TypeAlias");
            }
        }
        var first = IsKeyword("yield") ? Yield() : StarExpressions();
        if (IsOp(":"))
        {
            // Annotated assignment: a single target, an annotation, maybe a value.
            _p++;
            Expression();
            if (IsOp("="))
            {
                _p++;
                _ = IsKeyword("yield") ? Yield() : StarExpressions();
            }
            return new OtherStmt("AnnAssign");
        }
        if (Cur.Kind == TokenKind.Op && s_augAssign.Contains(Cur.Text))
        {
            _p++;
            _ = IsKeyword("yield") ? Yield() : StarExpressions();
            return new OtherStmt("AugAssign");
        }
        if (!IsOp("="))
            return new ExprStmt(first);
        var targets = new List<PyExpr> { CheckTarget(first) };
        PyExpr value;
        while (true)
        {
            _p++;
            value = IsKeyword("yield") ? Yield() : StarExpressions();
            if (!IsOp("="))
                break;
            targets.Add(CheckTarget(value));
        }
        return new AssignStmt(targets, value);
    }

    // "f() = 1" and the like are errors of the grammar's invalid_assignment rules.
    private static PyExpr CheckTarget(PyExpr target) => target switch
    {
        NameExpr or SubscriptExpr => target,
        OtherExpr { Kind: "Attribute" or "Tuple" or "List" or "Starred" } => target,
        _ => throw Error("cannot assign to expression"),
    };

    private bool TakeComma()
    {
        if (!IsOp(","))
            return false;
        _p++;
        return true;
    }

    private void DottedName()
    {
        ExpectName();
        while (IsOp("."))
        {
            _p++;
            ExpectName();
        }
    }

    private void ImportFrom()
    {
        _p++;
        bool dots = false;
        while (IsOp(".") || IsOp("..."))
        {
            _p++;
            dots = true;
        }
        if (!dots || !IsKeyword("import"))
            DottedName();
        ExpectKeyword("import");
        if (IsOp("*"))
        {
            _p++;
            return;
        }
        bool paren = IsOp("(");
        if (paren)
            _p++;
        do
        {
            if (paren && IsOp(")"))
                break;
            ExpectName();
            if (IsKeyword("as"))
            {
                _p++;
                ExpectName();
            }
        }
        while (TakeComma());
        if (paren)
            ExpectOp(")");
    }

    private void SkipBrackets()
    {
        int depth = 0;
        do
        {
            if (IsOp("[") || IsOp("(") || IsOp("{"))
                depth++;
            else if (IsOp("]") || IsOp(")") || IsOp("}"))
                depth--;
            else if (Cur.Kind == TokenKind.EndMarker)
                throw Error("unclosed bracket");
            _p++;
        }
        while (depth > 0);
    }

    // ---- expressions ----

    private bool StartsExpression()
    {
        var t = Cur;
        return t.Kind switch
        {
            TokenKind.Number or TokenKind.String => true,
            TokenKind.Name => !s_keywords.Contains(t.Text) || t.Text is "None" or "True" or "False" or "not" or "lambda" or "await" or "yield",
            TokenKind.Op => t.Text is "(" or "[" or "{" or "-" or "+" or "~" or "*" or "...",
            _ => false,
        };
    }

    // star_expressions: the value of an expression statement, return or yield; a tuple when there is a comma.
    private PyExpr StarExpressions()
    {
        int start = _p;
        var first = StarExpression();
        if (!IsOp(","))
            return first;
        while (TakeComma() && StartsExpression())
            StarExpression();
        return new OtherExpr(SpanFrom(start), "Tuple");
    }

    private PyExpr StarExpression()
    {
        if (!IsOp("*"))
            return Expression();
        int start = _p++;
        BitwiseOr();
        return new OtherExpr(SpanFrom(start), "Starred");
    }

    private PyExpr StarNamedExpression()
    {
        if (!IsOp("*"))
            return NamedExpression();
        int start = _p++;
        BitwiseOr();
        return new OtherExpr(SpanFrom(start), "Starred");
    }

    private PyExpr NamedExpression()
    {
        if (IsPlainName && IsOpAt(1, ":="))
        {
            int start = _p;
            _p += 2;
            Expression();
            return new OtherExpr(SpanFrom(start), "NamedExpr");
        }
        return Expression();
    }

    private PyExpr Expression()
    {
        if (IsKeyword("lambda"))
            return Lambda();
        int start = _p;
        var body = Disjunction();
        if (!IsKeyword("if"))
            return body;
        _p++;
        Disjunction();
        ExpectKeyword("else");
        Expression();
        return new OtherExpr(SpanFrom(start), "IfExp");
    }

    private PyExpr Lambda()
    {
        int start = _p++;
        while (!IsOp(":"))
        {
            if (IsOp("*") || IsOp("**"))
            {
                _p++;
                if (IsPlainName)
                    _p++;
            }
            else if (IsOp("/"))
            {
                _p++;
            }
            else
            {
                ExpectName();
                if (IsOp("="))
                {
                    _p++;
                    Expression();
                }
            }
            if (!TakeComma())
                break;
        }
        ExpectOp(":");
        Expression();
        return new OtherExpr(SpanFrom(start), "Lambda");
    }

    private PyExpr Disjunction() => BoolChain("or", Conjunction);

    private PyExpr Conjunction() => BoolChain("and", Inversion);

    private PyExpr BoolChain(string keyword, Func<PyExpr> operand)
    {
        int start = _p;
        var first = operand();
        if (!IsKeyword(keyword))
            return first;
        while (IsKeyword(keyword))
        {
            _p++;
            operand();
        }
        return new OtherExpr(SpanFrom(start), "BoolOp");
    }

    private PyExpr Inversion()
    {
        if (!IsKeyword("not"))
            return Comparison();
        int start = _p++;
        Inversion();
        return new OtherExpr(SpanFrom(start), "UnaryOp");
    }

    private PyExpr Comparison()
    {
        int start = _p;
        var first = Binary(0);
        bool any = false;
        while (true)
        {
            if (Cur.Kind == TokenKind.Op && Cur.Text is "==" or "!=" or "<" or "<=" or ">" or ">=")
                _p++;
            else if (IsKeyword("in"))
                _p++;
            else if (IsKeyword("not") && PeekAt(1).Kind == TokenKind.Name && PeekAt(1).Text == "in")
                _p += 2;
            else if (IsKeyword("is"))
            {
                _p++;
                if (IsKeyword("not"))
                    _p++;
            }
            else
                break;
            Binary(0);
            any = true;
        }
        return any ? new OtherExpr(SpanFrom(start), "Compare") : first;
    }

    // Left-associative binary operators, one precedence level at a time (bitwise_or down to term).
    private PyExpr Binary(int level)
    {
        if (level == s_binaryLevels.Length)
            return Factor();
        int start = _p;
        var left = Binary(level + 1);
        while (Cur.Kind == TokenKind.Op && s_binaryLevels[level].Contains(Cur.Text))
        {
            _p++;
            var right = Binary(level + 1);
            left = new BinOpExpr(SpanFrom(start), left, right);
        }
        return left;
    }

    private PyExpr BitwiseOr() => Binary(0);

    private PyExpr Factor()
    {
        if (Cur.Kind == TokenKind.Op && Cur.Text is "+" or "-" or "~")
        {
            int start = _p++;
            Factor();
            return new OtherExpr(SpanFrom(start), "UnaryOp");
        }
        return Power();
    }

    private PyExpr Power()
    {
        int start = _p;
        var left = AwaitPrimary();
        if (!IsOp("**"))
            return left;
        _p++;
        var right = Factor();
        return new BinOpExpr(SpanFrom(start), left, right);
    }

    private PyExpr AwaitPrimary()
    {
        if (!IsKeyword("await"))
            return Primary();
        int start = _p++;
        Primary();
        return new OtherExpr(SpanFrom(start), "Await");
    }

    private PyExpr Primary()
    {
        int start = _p;
        var node = Atom();
        while (true)
        {
            if (IsOp("."))
            {
                _p++;
                if (Cur.Kind != TokenKind.Name || s_keywords.Contains(Cur.Text))
                    throw Error("expected an attribute name");
                _p++;
                node = new OtherExpr(SpanFrom(start), "Attribute");
            }
            else if (IsOp("("))
            {
                _p++;
                Arguments();
                node = new CallExpr(SpanFrom(start), node);
            }
            else if (IsOp("["))
            {
                _p++;
                var slice = Slices();
                ExpectOp("]");
                node = new SubscriptExpr(SpanFrom(start), node, slice);
            }
            else
            {
                return node;
            }
        }
    }

    // Everything after the "(" of a call, up to and including its ")".
    private void Arguments()
    {
        while (!IsOp(")"))
        {
            if (IsOp("*") || IsOp("**"))
            {
                _p++;
                Expression();
            }
            else if (IsPlainName && IsOpAt(1, "="))
            {
                _p += 2;
                Expression();
            }
            else
            {
                NamedExpression();
                if (StartsComprehension())
                    Comprehension();
            }
            if (!TakeComma())
                break;
        }
        ExpectOp(")");
    }

    private PyExpr Slices()
    {
        int start = _p;
        var first = Slice();
        if (!IsOp(","))
            return first;
        while (TakeComma() && !IsOp("]"))
            Slice();
        return new OtherExpr(SpanFrom(start), "Tuple");
    }

    private PyExpr Slice()
    {
        int start = _p;
        if (IsOp("*"))
            return StarNamedExpression();
        PyExpr? lower = null;
        if (!IsOp(":"))
        {
            lower = NamedExpression();
            if (!IsOp(":"))
                return lower;
        }
        _p++;
        if (!IsOp(":") && !IsOp(",") && !IsOp("]"))
            Expression();
        if (IsOp(":"))
        {
            _p++;
            if (!IsOp(",") && !IsOp("]"))
                Expression();
        }
        return new OtherExpr(SpanFrom(start), "Slice");
    }

    private bool StartsComprehension() =>
        IsKeyword("for") || IsKeyword("async") && PeekAt(1).Kind == TokenKind.Name && PeekAt(1).Text == "for";

    private void Comprehension()
    {
        while (StartsComprehension())
        {
            if (IsKeyword("async"))
                _p++;
            _p++;
            TargetList();
            ExpectKeyword("in");
            Disjunction();
            while (IsKeyword("if"))
            {
                _p++;
                Disjunction();
            }
        }
    }

    // star_targets / del_targets: primaries (names, attributes, subscripts, bracketed lists) and starred ones.
    private void TargetList()
    {
        Target();
        while (TakeComma())
        {
            if (!(IsPlainName || IsOp("(") || IsOp("[") || IsOp("*")))
                break;
            Target();
        }
    }

    private void Target()
    {
        if (IsOp("*"))
        {
            _p++;
            Target();
            return;
        }
        Primary();
    }

    private PyExpr Yield()
    {
        int start = _p++;
        if (IsKeyword("from"))
        {
            _p++;
            Expression();
        }
        else if (StartsExpression())
        {
            StarExpressions();
        }
        return new OtherExpr(SpanFrom(start), "Yield");
    }

    private PyExpr Atom()
    {
        int start = _p;
        var t = Cur;
        switch (t.Kind)
        {
            case TokenKind.Name when !s_keywords.Contains(t.Text):
                _p++;
                return new NameExpr(SpanFrom(start), t.Text);
            case TokenKind.Name when t.Text is "None" or "True" or "False":
            case TokenKind.Number:
                _p++;
                return new OtherExpr(SpanFrom(start), "Constant");
            case TokenKind.String:
                // Adjacent literals are one constant (or f-string) spanning all of them.
                while (Cur.Kind == TokenKind.String)
                    _p++;
                return new OtherExpr(SpanFrom(start), "Constant");
            case TokenKind.Op when t.Text == "...":
                _p++;
                return new OtherExpr(SpanFrom(start), "Constant");
            case TokenKind.Op when t.Text == "(":
                return Parenthesized();
            case TokenKind.Op when t.Text == "[":
                return Bracketed("[", "]", "List");
            case TokenKind.Op when t.Text == "{":
                return Braced();
            default:
                throw Error("invalid syntax");
        }
    }

    private PyExpr Parenthesized()
    {
        int start = _p++;
        if (IsOp(")"))
        {
            _p++;
            return new OtherExpr(SpanFrom(start), "Tuple");
        }
        if (IsKeyword("yield"))
        {
            var y = Yield();
            ExpectOp(")");
            return y;
        }
        var first = StarNamedExpression();
        if (StartsComprehension())
        {
            Comprehension();
            ExpectOp(")");
            return new OtherExpr(SpanFrom(start), "GeneratorExp");
        }
        if (IsOp(","))
        {
            while (TakeComma() && !IsOp(")"))
                StarNamedExpression();
            ExpectOp(")");
            return new OtherExpr(SpanFrom(start), "Tuple");
        }
        ExpectOp(")");
        if (first is OtherExpr { Kind: "Starred" })
            throw Error("cannot use starred expression here");
        return first;
    }

    private PyExpr Bracketed(string open, string close, string kind)
    {
        int start = _p;
        ExpectOp(open);
        if (IsOp(close))
        {
            _p++;
            return new OtherExpr(SpanFrom(start), kind);
        }
        StarNamedExpression();
        if (StartsComprehension())
        {
            Comprehension();
            ExpectOp(close);
            return new OtherExpr(SpanFrom(start), kind + "Comp");
        }
        while (TakeComma() && !IsOp(close))
            StarNamedExpression();
        ExpectOp(close);
        return new OtherExpr(SpanFrom(start), kind);
    }

    private PyExpr Braced()
    {
        int start = _p++;
        if (IsOp("}"))
        {
            _p++;
            return new OtherExpr(SpanFrom(start), "Dict");
        }
        bool isDict;
        if (IsOp("**"))
        {
            _p++;
            BitwiseOr();
            isDict = true;
        }
        else if (IsOp("*"))
        {
            StarNamedExpression();
            isDict = false;
        }
        else
        {
            NamedExpression();
            isDict = IsOp(":");
            if (isDict)
            {
                _p++;
                Expression();
            }
        }
        if (StartsComprehension())
        {
            Comprehension();
            ExpectOp("}");
            return new OtherExpr(SpanFrom(start), isDict ? "DictComp" : "SetComp");
        }
        while (TakeComma() && !IsOp("}"))
        {
            if (!isDict)
            {
                StarNamedExpression();
            }
            else if (IsOp("**"))
            {
                _p++;
                BitwiseOr();
            }
            else
            {
                Expression();
                ExpectOp(":");
                Expression();
            }
        }
        ExpectOp("}");
        return new OtherExpr(SpanFrom(start), isDict ? "Dict" : "Set");
    }
}
