using System.Text;
using PycSharp.Format;

namespace PycSharp.Runtime.Tracebacks.Syntax;

internal enum TokenKind { Name, Number, String, Op, Newline, EndMarker }

/// <summary>
/// A token with its place: 1-based lines, UTF-8 byte columns (the unit of ast col_offset). <see cref="Indent"/>
/// is the indentation column of the token that starts a logical line (tabs to multiples of 8, form feed back to
/// 0, as Parser/tokenizer.c counts it), -1 for every other token.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Col, int EndLine, int EndCol, int Indent);

/// <summary>Thrown where CPython would raise SyntaxError (or IndentationError); callers turn it into "no tree".</summary>
internal sealed class PySyntaxException(string message) : Exception(message);

/// <summary>
/// Splits source text into tokens the way Parser/tokenizer.c does for a string passed to ast.parse() or compiled
/// from a string, as far as the traceback caret rules need: it accepts what CPython accepts for source that
/// compiled (the text always comes from running code) and finds the end of every token exactly, including
/// PEP 701 f-strings from 3.12 on, where a replacement field may reuse the enclosing quote.
/// </summary>
internal sealed class PyTokenizer
{
    // Longest first, so that a prefix never wins over a longer operator (Parser/token.c, _PyToken_ThreeChars etc.).
    private static readonly string[] s_operators =
    [
        "**=", "...", "//=", "<<=", ">>=", "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=",
        "<<", "<=", "==", ">=", ">>", "@=", "^=", "|=", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "+",
        "-", "*", "/", "%", "&", "|", "^", "~", "<", ">", "=", "@",
    ];

    private readonly byte[] _src;
    private readonly bool _pep701;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private PyTokenizer(byte[] src, PythonVersion version)
    {
        _src = src;
        _pep701 = version >= new PythonVersion(3, 12);
    }

    public static List<Token> Tokenize(string text, PythonVersion version)
    {
        // The string tokenizer first turns \r\n and a lone \r into \n (Parser/tokenizer.c, translate_newlines).
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return new PyTokenizer(Encoding.UTF8.GetBytes(normalized), version).Run();
    }

    private int Col => _pos - _lineStart;

    private int At(int i) => i < _src.Length ? _src[i] : -1;

    private List<Token> Run()
    {
        var tokens = new List<Token>();
        int depth = 0;
        bool lineStart = true;
        int indent = -1;
        while (true)
        {
            if (lineStart && depth == 0)
            {
                int col = 0;
                while (_pos < _src.Length && _src[_pos] is (byte)' ' or (byte)'\t' or (byte)'\f')
                {
                    col = _src[_pos] switch { (byte)' ' => col + 1, (byte)'\t' => (col / 8 + 1) * 8, _ => 0 };
                    _pos++;
                }
                if (_pos >= _src.Length)
                    break;
                if (_src[_pos] == '#' || _src[_pos] == '\n')
                {
                    // A blank or comment-only line makes no token, not even NEWLINE.
                    SkipComment();
                    if (_pos < _src.Length)
                        NewLine();
                    continue;
                }
                indent = col;
                lineStart = false;
            }
            while (_pos < _src.Length && _src[_pos] is (byte)' ' or (byte)'\t' or (byte)'\f')
                _pos++;
            if (_pos >= _src.Length)
                break;
            int c = _src[_pos];
            if (c == '#')
            {
                SkipComment();
                continue;
            }
            if (c == '\n')
            {
                if (depth == 0)
                {
                    tokens.Add(new Token(TokenKind.Newline, "", _line, Col, _line, Col + 1, -1));
                    lineStart = true;
                }
                NewLine();
                continue;
            }
            if (c == '\\')
            {
                if (At(_pos + 1) != '\n')
                    throw new PySyntaxException("unexpected character after line continuation character");
                _pos++;
                NewLine();
                continue;
            }
            int startLine = _line, startCol = Col;
            Token Make(TokenKind kind, int from)
            {
                var t = new Token(kind, Encoding.UTF8.GetString(_src, from, _pos - from), startLine, startCol, _line, Col, indent);
                indent = -1;
                return t;
            }
            int begin = _pos;
            if (IsIdentifierStart(c))
            {
                while (_pos < _src.Length && IsIdentifierChar(_src[_pos]))
                    _pos++;
                if (_pos < _src.Length && _src[_pos] is (byte)'\'' or (byte)'"' && IsStringPrefix(begin, _pos))
                {
                    ScanString(begin);
                    tokens.Add(Make(TokenKind.String, begin));
                }
                else
                {
                    tokens.Add(Make(TokenKind.Name, begin));
                }
                continue;
            }
            if (c is >= '0' and <= '9' || c == '.' && At(_pos + 1) is >= '0' and <= '9')
            {
                ScanNumber();
                tokens.Add(Make(TokenKind.Number, begin));
                continue;
            }
            if (c is '\'' or '"')
            {
                ScanString(begin);
                tokens.Add(Make(TokenKind.String, begin));
                continue;
            }
            var op = MatchOperator();
            if (op is null)
                throw new PySyntaxException($"invalid character '{(char)c}'");
            _pos += op.Length;
            if (op is "(" or "[" or "{")
                depth++;
            else if (op is ")" or "]" or "}")
            {
                if (depth == 0)
                    throw new PySyntaxException($"unmatched '{op}'");
                depth--;
            }
            tokens.Add(Make(TokenKind.Op, begin));
        }
        if (depth > 0)
            throw new PySyntaxException("'(' was never closed");
        // At the end of input the tokenizer adds the NEWLINE a last line without one lacks.
        if (tokens.Count > 0 && tokens[^1].Kind != TokenKind.Newline)
            tokens.Add(new Token(TokenKind.Newline, "", _line, Col, _line, Col + 1, -1));
        tokens.Add(new Token(TokenKind.EndMarker, "", _line, 0, _line, 0, -1));
        return tokens;
    }

    private void NewLine()
    {
        _pos++;
        _line++;
        _lineStart = _pos;
    }

    private void SkipComment()
    {
        while (_pos < _src.Length && _src[_pos] != '\n')
            _pos++;
    }

    // Any byte of a non-ASCII character counts as part of a name while scanning (Parser/tokenizer.c is_potential_identifier_char);
    // the names in text that compiled are valid ones.
    private static bool IsIdentifierStart(int c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_' or >= 128;

    private static bool IsIdentifierChar(int c) => IsIdentifierStart(c) || c is >= '0' and <= '9';

    private bool IsStringPrefix(int from, int to)
    {
        var prefix = Encoding.ASCII.GetString(_src, from, to - from).ToLowerInvariant();
        return prefix is "r" or "u" or "b" or "f" or "br" or "rb" or "fr" or "rf";
    }

    private string? MatchOperator()
    {
        foreach (var op in s_operators)
        {
            if (_pos + op.Length > _src.Length)
                continue;
            bool match = true;
            for (int i = 0; i < op.Length && match; i++)
                match = _src[_pos + i] == op[i];
            if (match)
                return op;
        }
        return null;
    }

    private void ScanNumber()
    {
        static bool Digit(int c) => c is >= '0' and <= '9' or '_';
        static bool HexDigit(int c) => Digit(c) || c is >= 'a' and <= 'f' or >= 'A' and <= 'F';
        if (_src[_pos] == '0' && At(_pos + 1) is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            _pos += 2;
            while (HexDigit(At(_pos)))
                _pos++;
            return;
        }
        while (Digit(At(_pos)))
            _pos++;
        if (At(_pos) == '.')
        {
            _pos++;
            while (Digit(At(_pos)))
                _pos++;
        }
        if (At(_pos) is 'e' or 'E' && (At(_pos + 1) is >= '0' and <= '9' || At(_pos + 1) is '+' or '-' && At(_pos + 2) is >= '0' and <= '9'))
        {
            _pos += 2;
            while (Digit(At(_pos)))
                _pos++;
        }
        if (At(_pos) is 'j' or 'J')
            _pos++;
    }

    /// <summary>Scans a string literal whose prefix (possibly empty) starts at <paramref name="from"/> and whose quote is at _pos.</summary>
    private void ScanString(int from)
    {
        var prefix = Encoding.ASCII.GetString(_src, from, _pos - from).ToLowerInvariant();
        bool f = prefix.Contains('f', StringComparison.Ordinal);
        int quote = _src[_pos];
        bool triple = At(_pos + 1) == quote && At(_pos + 2) == quote;
        _pos += triple ? 3 : 1;
        if (f && _pep701)
            ScanFStringBody(quote, triple);
        else
            ScanPlainBody(quote, triple);
    }

    private bool AtClosingQuote(int quote, bool triple) =>
        At(_pos) == quote && (!triple || At(_pos + 1) == quote && At(_pos + 2) == quote);

    private void Advance()
    {
        if (_src[_pos] == '\n')
            NewLine();
        else
            _pos++;
    }

    // Before 3.12 an f-string is one STRING token found like any other string; its fields are parsed afterwards.
    private void ScanPlainBody(int quote, bool triple)
    {
        while (true)
        {
            if (_pos >= _src.Length)
                throw new PySyntaxException("unterminated string literal");
            if (AtClosingQuote(quote, triple))
            {
                _pos += triple ? 3 : 1;
                return;
            }
            int c = _src[_pos];
            if (c == '\n' && !triple)
                throw new PySyntaxException("unterminated string literal");
            if (c == '\\' && _pos + 1 < _src.Length)
                Advance();
            Advance();
        }
    }

    // PEP 701 (3.12+): the literal parts end at the quote, and "{" opens a replacement field that is scanned as
    // code, where strings (even with the same quote) and brackets nest, until the "}" that closes it. A backslash
    // keeps the next character from ending the literal, in raw strings too (Parser/tokenizer.c).
    private void ScanFStringBody(int quote, bool triple)
    {
        while (true)
        {
            if (_pos >= _src.Length)
                throw new PySyntaxException("unterminated f-string literal");
            if (AtClosingQuote(quote, triple))
            {
                _pos += triple ? 3 : 1;
                return;
            }
            int c = _src[_pos];
            if (c == '\n' && !triple)
                throw new PySyntaxException("unterminated f-string literal");
            if (c == '\\' && _pos + 1 < _src.Length && At(_pos + 1) is not ('{' or '}'))
            {
                Advance();
                Advance();
                continue;
            }
            if (c == '{')
            {
                if (At(_pos + 1) == '{')
                {
                    _pos += 2;
                    continue;
                }
                _pos++;
                ScanReplacementField(quote, triple);
                continue;
            }
            if (c == '}' && At(_pos + 1) == '}')
            {
                _pos += 2;
                continue;
            }
            Advance();
        }
    }

    // Scans from just after "{" to just after its closing "}".
    private void ScanReplacementField(int quote, bool triple)
    {
        int depth = 0;
        while (true)
        {
            if (_pos >= _src.Length)
                throw new PySyntaxException("f-string: expecting '}'");
            int c = _src[_pos];
            if (c is '\'' or '"')
            {
                ScanString(_pos);
                continue;
            }
            if (IsIdentifierStart(c))
            {
                int begin = _pos;
                while (_pos < _src.Length && IsIdentifierChar(_src[_pos]))
                    _pos++;
                if (_pos < _src.Length && _src[_pos] is (byte)'\'' or (byte)'"' && IsStringPrefix(begin, _pos))
                    ScanString(begin);
                continue;
            }
            if (c is '(' or '[' or '{')
            {
                depth++;
                _pos++;
                continue;
            }
            if (c is ')' or ']')
            {
                depth--;
                _pos++;
                continue;
            }
            if (c == '}')
            {
                _pos++;
                if (depth == 0)
                    return;
                depth--;
                continue;
            }
            if (depth == 0 && c == '!' && At(_pos + 1) != '=')
            {
                _pos++;
                while (_pos < _src.Length && IsIdentifierChar(_src[_pos]))
                    _pos++;
                continue;
            }
            if (depth == 0 && c == ':')
            {
                // The format spec is literal text in which "{...}" opens a nested field; "}" ends the field.
                _pos++;
                while (true)
                {
                    if (_pos >= _src.Length || AtClosingQuote(quote, triple))
                        throw new PySyntaxException("f-string: expecting '}'");
                    if (_src[_pos] == '{')
                    {
                        _pos++;
                        ScanReplacementField(quote, triple);
                        continue;
                    }
                    if (_src[_pos] == '}')
                    {
                        _pos++;
                        return;
                    }
                    Advance();
                }
            }
            Advance();
        }
    }
}
