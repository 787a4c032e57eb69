using System.Globalization;
using System.Numerics;
using PycSharp.Format.Objects;

namespace PycSharp.Bytecode.Compiler;

/// <summary>
/// Number and string tokens to constants (Parser/pegen.c parsenumber, Parser/string_parser.c decode_unicode_with_escapes
/// and decode_bytes_with_escapes). Strings are built from code points, so <c>"\ud800"</c> stays a lone surrogate.
/// </summary>
internal static class Literals
{
    /// <summary>An int, float or imaginary complex from a NUMBER token; null if the text is not a valid number.</summary>
    public static PyObject? Number(string text)
    {
        var t = text.Replace("_", "", StringComparison.Ordinal);
        if (t.Length > 2 && t[0] == '0' && char.ToLowerInvariant(t[1]) is 'x' or 'o' or 'b')
        {
            int radix = char.ToLowerInvariant(t[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            BigInteger value = BigInteger.Zero;
            foreach (char c in t.AsSpan(2))
            {
                int d = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
                if (d >= radix)
                    return null;
                value = value * radix + d;
            }
            return new PyInt(value);
        }
        bool imaginary = char.ToLowerInvariant(t[^1]) == 'j';
        if (imaginary)
            t = t[..^1];
        if (!imaginary && t.All(char.IsAsciiDigit))
        {
            // Parser/tokenizer.c: "leading zeros in decimal integer literals are not permitted".
            if (t.Length > 1 && t[0] == '0' && t.Any(c => c != '0'))
                return null;
            return new PyInt(BigInteger.Parse(t, CultureInfo.InvariantCulture));
        }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d2))
            return null;
        return imaginary ? new PyComplex(0.0, d2) : new PyFloat(d2);
    }

    /// <summary>Decodes one STRING token: its value, and whether it is bytes. F-strings are not in the subset.</summary>
    public static (PyObject Value, bool IsBytes) String(Token token)
    {
        var text = token.Text;
        int q = 0;
        while (text[q] is not ('\'' or '"'))
            q++;
        var prefix = text[..q].ToLowerInvariant();
        if (prefix.Contains('f'))
            CompileError.Unsupported("f-string", token.Line);
        bool raw = prefix.Contains('r');
        bool bytes = prefix.Contains('b');
        int quoteLength = text.Length - q >= 6 && text[q + 1] == text[q] && text[q + 2] == text[q] ? 3 : 1;
        var body = text.Substring(q + quoteLength, text.Length - q - 2 * quoteLength).Replace("\r\n", "\n", StringComparison.Ordinal);
        var codePoints = new List<int>(body.Length);
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            if (bytes && c > 0x7F)
                throw new CompileError(CompileErrorKind.SyntaxError, "bytes can only contain ASCII literal characters",
                    token.Line, token.Column + 1, token.EndLine, token.EndColumn + 1, null);
            if (c != '\\' || raw)
            {
                if (char.IsHighSurrogate(c) && i + 1 < body.Length && char.IsLowSurrogate(body[i + 1]))
                {
                    codePoints.Add(char.ConvertToUtf32(c, body[++i]));
                    continue;
                }
                codePoints.Add(c);
                if (raw && c == '\\' && i + 1 < body.Length)
                    codePoints.Add(body[++i]);
                continue;
            }
            if (++i >= body.Length)
            {
                codePoints.Add('\\');
                break;
            }
            char e = body[i];
            switch (e)
            {
                case '\n': break;
                case '\\': codePoints.Add('\\'); break;
                case '\'': codePoints.Add('\''); break;
                case '"': codePoints.Add('"'); break;
                case 'a': codePoints.Add(7); break;
                case 'b': codePoints.Add(8); break;
                case 'f': codePoints.Add(12); break;
                case 'n': codePoints.Add(10); break;
                case 'r': codePoints.Add(13); break;
                case 't': codePoints.Add(9); break;
                case 'v': codePoints.Add(11); break;
                case >= '0' and <= '7':
                {
                    int value = 0, n = 0;
                    for (; n < 3 && i < body.Length && body[i] is >= '0' and <= '7'; n++, i++)
                        value = value * 8 + (body[i] - '0');
                    i--;
                    codePoints.Add(bytes ? value & 0xFF : value);
                    break;
                }
                case 'x':
                    codePoints.Add(Hex(2, "\\xXX"));
                    break;
                case 'u' when !bytes:
                    codePoints.Add(Hex(4, "\\uXXXX"));
                    break;
                case 'U' when !bytes:
                {
                    int cp = Hex(8, "\\UXXXXXXXX");
                    if (cp > 0x10FFFF)
                        throw Bad("illegal Unicode character");
                    codePoints.Add(cp);
                    break;
                }
                case 'N' when !bytes:
                    CompileError.Unsupported("the \\N{...} escape", token.Line);
                    break;
                default:
                    // An unknown escape keeps its backslash (a DeprecationWarning, SyntaxWarning from 3.12).
                    codePoints.Add('\\');
                    i--;
                    break;
            }

            int Hex(int digits, string form)
            {
                int value = 0;
                for (int k = 1; k <= digits; k++)
                {
                    if (i + k >= body.Length || !char.IsAsciiHexDigit(body[i + k]))
                        throw Bad($"truncated {form} escape");
                    value = value * 16 + Convert.ToInt32(body[i + k].ToString(), 16);
                }
                i += digits;
                return value;
            }
        }
        if (bytes)
        {
            var b = new byte[codePoints.Count];
            for (int i = 0; i < b.Length; i++)
                b[i] = (byte)codePoints[i];
            return (new PyBytes(b), true);
        }
        return (PyString.FromCodePoints(codePoints.ToArray()), false);

        CompileError Bad(string reason) => new(CompileErrorKind.SyntaxError,
            $"({(bytes ? "value" : "unicode")} error) '{(bytes ? "bytes" : "unicodeescape")}' codec can't decode bytes: {reason}",
            token.Line, token.Column + 1, token.EndLine, token.EndColumn + 1, null);
    }

    /// <summary>Concatenates adjacent string tokens' values (implicit concatenation).</summary>
    public static PyObject Concatenate(List<PyObject> parts)
    {
        if (parts.Count == 1)
            return parts[0];
        if (parts[0] is PyBytes)
        {
            var all = new List<byte>();
            foreach (var p in parts)
                all.AddRange(((PyBytes)p).Span.ToArray());
            return new PyBytes(all.ToArray());
        }
        var cps = new List<int>();
        foreach (var p in parts)
            cps.AddRange(((PyString)p).CodePoints());
        return PyString.FromCodePoints(cps.ToArray());
    }
}
