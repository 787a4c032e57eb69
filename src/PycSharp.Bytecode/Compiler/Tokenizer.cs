using System.Globalization;
using System.Text;

namespace PycSharp.Bytecode.Compiler;

public enum TokenKind { Name, Number, String, Op, Newline, Indent, Dedent, EndMarker }

/// <summary>
/// One token. Positions are 1-based lines and 0-based columns in UTF-16 units of the line; <see cref="SourceText"/>
/// turns them into CPython's UTF-8 byte columns.
/// </summary>
public sealed record Token(TokenKind Kind, string Text, int Line, int Column, int EndLine, int EndColumn)
{
    public bool Is(string op) => Kind == TokenKind.Op && Text == op;
    public bool IsKeyword(string keyword) => Kind == TokenKind.Name && Text == keyword;
}

/// <summary>The source split into lines, for columns in UTF-8 bytes (what CPython's AST records) and error text.</summary>
public sealed class SourceText
{
    private readonly string[] _lines;

    public SourceText(string text)
    {
        Text = text;
        _lines = text.Split('\n');
    }

    public string Text { get; }

    /// <summary>Line <paramref name="line"/> (1-based) without its newline, or "" past the end.</summary>
    public string Line(int line) => line >= 1 && line <= _lines.Length ? _lines[line - 1].TrimEnd('\r') : "";

    public int ByteColumn(int line, int column)
    {
        var l = Line(line);
        return Encoding.UTF8.GetByteCount(l.AsSpan(0, Math.Min(column, l.Length)));
    }
}

/// <summary>
/// Python source to tokens, as Parser/tokenizer.c (3.11) cuts them: names (any identifier characters), numbers,
/// strings with their prefixes (kept as source text, decoded by <see cref="Literals"/>), operators, and the
/// NEWLINE / INDENT / DEDENT structure; comments, blank lines, backslash continuations and newlines inside
/// brackets produce nothing.
/// </summary>
public sealed class Tokenizer
{
    private static readonly string[] s_operators =
    [
        "**=", "//=", ">>=", "<<=", "...", "!=", "**", "//", ">>", "<<", "<=", ">=", "==", "->", ":=", "+=", "-=",
        "*=", "/=", "%=", "&=", "|=", "^=", "@=", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "+", "-", "*",
        "/", "%", "&", "|", "^", "~", "<", ">", "=", "@",
    ];

    private readonly string _s;
    private readonly SourceText _source;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private readonly List<Token> _tokens = [];
    private readonly Stack<int> _indents = new([0]);
    private readonly Stack<(char Bracket, int Line, int Column)> _brackets = new();

    private Tokenizer(SourceText source)
    {
        _source = source;
        _s = source.Text;
    }

    public static List<Token> Tokenize(SourceText source)
    {
        var t = new Tokenizer(source);
        t.Run();
        return t._tokens;
    }

    private int Column => _pos - _lineStart;
    private char Peek(int ahead = 0) => _pos + ahead < _s.Length ? _s[_pos + ahead] : '\0';

    private CompileError Error(string msg, int line, int column, CompileErrorKind kind = CompileErrorKind.SyntaxError, int? endColumn = null) =>
        new(kind, msg, line, column + 1, line, (endColumn ?? column) + 1, _source.Line(line));

    private void Run()
    {
        bool atLineStart = true;
        while (true)
        {
            if (atLineStart && _brackets.Count == 0)
            {
                // A blank or comment-only line was skipped: the next line starts a logical line again.
                atLineStart = Indentation();
                if (atLineStart)
                    continue;
            }
            char c = Peek();
            if (_pos >= _s.Length)
            {
                End();
                return;
            }
            if (c is ' ' or '\t' or '\f')
            {
                _pos++;
                continue;
            }
            if (c == '#')
            {
                while (_pos < _s.Length && _s[_pos] != '\n')
                    _pos++;
                continue;
            }
            if (c == '\\')
            {
                int next = _pos + 1;
                if (next < _s.Length && _s[next] == '\r')
                    next++;
                if (next < _s.Length && _s[next] == '\n')
                {
                    _pos = next + 1;
                    NewLine();
                    continue;
                }
                if (next >= _s.Length)
                    throw Error("unexpected EOF while parsing", _line, Column);
                throw Error("unexpected character after line continuation character", _line, Column + 1);
            }
            if (c is '\r' or '\n')
            {
                if (c == '\r' && Peek(1) == '\n')
                    _pos++;
                if (_brackets.Count == 0 && _tokens.Count > 0 && _tokens[^1].Kind is not (TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent))
                    Add(TokenKind.Newline, "\n", _line, Column, _line, Column + 1);
                _pos++;
                NewLine();
                atLineStart = true;
                continue;
            }
            if (IsIdentifierStart(c) || char.IsSurrogate(c))
            {
                if (StringPrefixLength() is int prefix and >= 0)
                {
                    ReadString(prefix);
                    continue;
                }
                ReadName();
                continue;
            }
            if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
            {
                ReadNumber();
                continue;
            }
            if (c is '\'' or '"')
            {
                ReadString(0);
                continue;
            }
            ReadOperator();
        }
    }

    private void NewLine()
    {
        _line++;
        _lineStart = _pos;
    }

    private void Add(TokenKind kind, string text, int line, int col, int endLine, int endCol) =>
        _tokens.Add(new Token(kind, text, line, col, endLine, endCol));

    /// <summary>At the start of a logical line: skips blank and comment-only lines, then emits INDENT/DEDENTs.
    /// Returns true if it consumed a blank line (the caller starts over).</summary>
    private bool Indentation()
    {
        int col = 0;
        int p = _pos;
        while (p < _s.Length && _s[p] is ' ' or '\t' or '\f')
        {
            // Parser/tokenizer.c: a tab advances to the next multiple of 8; a form feed resets the column.
            col = _s[p] switch { ' ' => col + 1, '\t' => (col / 8 + 1) * 8, _ => 0 };
            p++;
        }
        if (p >= _s.Length || _s[p] is '#' or '\n' or '\r' || (_s[p] == '\\' && p + 1 < _s.Length && _s[p + 1] is '\n' or '\r'))
        {
            _pos = p;
            if (p < _s.Length && _s[p] == '#')
                while (_pos < _s.Length && _s[_pos] != '\n')
                    _pos++;
            if (_pos < _s.Length && _s[_pos] == '\\')
                return false;
            if (_pos < _s.Length)
            {
                if (_s[_pos] == '\r' && _pos + 1 < _s.Length && _s[_pos + 1] == '\n')
                    _pos++;
                _pos++;
                NewLine();
                return true;
            }
            return false;
        }
        _pos = p;
        if (col > _indents.Peek())
        {
            _indents.Push(col);
            Add(TokenKind.Indent, "", _line, 0, _line, Column);
        }
        else
        {
            while (col < _indents.Peek())
            {
                _indents.Pop();
                Add(TokenKind.Dedent, "", _line, Column, _line, Column);
            }
            if (col != _indents.Peek())
                // Parser/tokenizer.c reports this error at the end of the line.
                throw new CompileError(CompileErrorKind.IndentationError, "unindent does not match any outer indentation level",
                    _line, _source.Line(_line).Length + 1, _line, -1, _source.Line(_line));
        }
        return false;
    }

    private void End()
    {
        if (_brackets.Count > 0)
        {
            var (bracket, line, column) = _brackets.Peek();
            throw new CompileError(CompileErrorKind.SyntaxError, $"'{bracket}' was never closed", line, column + 1, line, 0, _source.Line(line));
        }
        if (_tokens.Count > 0 && _tokens[^1].Kind is not (TokenKind.Newline or TokenKind.Dedent or TokenKind.Indent))
            Add(TokenKind.Newline, "", _line, Column, _line, Column + 1);
        while (_indents.Count > 1)
        {
            _indents.Pop();
            Add(TokenKind.Dedent, "", _line, 0, _line, 0);
        }
        Add(TokenKind.EndMarker, "", _line, 0, _line, 0);
    }

    private static bool IsIdentifierStart(char c) => c == '_' || char.IsLetter(c) || (c > 0x7F && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.LetterNumber);

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsDigit(c) || (c > 0x7F && CharUnicodeInfo.GetUnicodeCategory(c)
        is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DecimalDigitNumber);

    private void ReadName()
    {
        int start = _pos;
        while (_pos < _s.Length && (IsIdentifierPart(_s[_pos]) || char.IsSurrogate(_s[_pos])))
            _pos++;
        // Identifiers are NFKC-normalised (PEP 3131; Parser/pegen.c _PyPegen_new_identifier).
        var text = _s[start.._pos];
        if (!Ascii.IsValid(text))
            text = text.Normalize(NormalizationForm.FormKC);
        Add(TokenKind.Name, text, _line, start - _lineStart, _line, Column);
    }

    /// <summary>The length of a string prefix (r, b, u, f and their legal pairs, any case) followed by a quote; -1 if none.</summary>
    private int StringPrefixLength()
    {
        int n = 0;
        while (n < 3 && char.IsAsciiLetter(Peek(n)))
            n++;
        if (n == 0 || n > 2 || Peek(n) is not ('\'' or '"'))
            return -1;
        var prefix = _s.Substring(_pos, n).ToLowerInvariant();
        return prefix is "r" or "b" or "u" or "f" or "br" or "rb" or "fr" or "rf" ? n : -1;
    }

    private void ReadString(int prefixLength)
    {
        int start = _pos;
        int startLine = _line;
        int startCol = Column;
        _pos += prefixLength;
        char quote = _s[_pos];
        bool triple = Peek(1) == quote && Peek(2) == quote;
        _pos += triple ? 3 : 1;
        while (true)
        {
            if (_pos >= _s.Length)
                throw Unterminated();
            char c = _s[_pos];
            if (c == '\\')
            {
                _pos++;
                if (_pos < _s.Length)
                {
                    if (_s[_pos] == '\r' && Peek(1) == '\n')
                        _pos++;
                    if (_s[_pos] == '\n')
                    {
                        _pos++;
                        NewLine();
                        continue;
                    }
                    _pos++;
                }
                continue;
            }
            if (c is '\n' or '\r')
            {
                if (!triple)
                    throw Unterminated();
                if (c == '\r' && Peek(1) == '\n')
                    _pos++;
                _pos++;
                NewLine();
                continue;
            }
            if (c == quote && (!triple || (Peek(1) == quote && Peek(2) == quote)))
            {
                _pos += triple ? 3 : 1;
                break;
            }
            _pos++;
        }
        Add(TokenKind.String, _s[start.._pos], startLine, startCol, _line, Column);

        CompileError Unterminated() => triple
            ? Error($"unterminated triple-quoted string literal (detected at line {_line})", startLine, startCol)
            : Error($"unterminated string literal (detected at line {startLine})", startLine, startCol);
    }

    private void ReadNumber()
    {
        int start = _pos;
        if (Peek() == '0' && char.ToLowerInvariant(Peek(1)) is 'x' or 'o' or 'b')
        {
            _pos += 2;
            while (char.IsAsciiLetterOrDigit(Peek()) || Peek() == '_')
                _pos++;
        }
        else
        {
            Digits();
            if (Peek() == '.')
            {
                _pos++;
                Digits();
            }
            if (char.ToLowerInvariant(Peek()) == 'e' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
            {
                _pos += 2;
                Digits();
            }
            if (char.ToLowerInvariant(Peek()) == 'j')
                _pos++;
        }
        if (IsIdentifierStart(Peek()))
            throw Error("invalid decimal literal", _line, start - _lineStart);
        Add(TokenKind.Number, _s[start.._pos], _line, start - _lineStart, _line, Column);

        void Digits()
        {
            while (char.IsAsciiDigit(Peek()) || (Peek() == '_' && char.IsAsciiDigit(Peek(1))))
                _pos++;
        }
    }

    private void ReadOperator()
    {
        foreach (var op in s_operators)
        {
            if (string.CompareOrdinal(_s, _pos, op, 0, op.Length) != 0)
                continue;
            int col = Column;
            if (op is "(" or "[" or "{")
                _brackets.Push((op[0], _line, col));
            else if (op is ")" or "]" or "}")
            {
                char open = op == ")" ? '(' : op == "]" ? '[' : '{';
                if (_brackets.Count == 0)
                    throw Error($"unmatched '{op}'", _line, col);
                var top = _brackets.Pop();
                if (top.Bracket != open)
                    throw Error(top.Line == _line
                        ? $"closing parenthesis '{op}' does not match opening parenthesis '{top.Bracket}'"
                        : $"closing parenthesis '{op}' does not match opening parenthesis '{top.Bracket}' on line {top.Line}", _line, col);
            }
            _pos += op.Length;
            Add(TokenKind.Op, op, _line, col, _line, Column);
            return;
        }
        throw Error($"invalid character '{_s[_pos]}' (U+{(int)_s[_pos]:X4})", _line, Column);
    }
}
