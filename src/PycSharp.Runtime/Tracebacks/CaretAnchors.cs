using PycSharp.Format;
using PycSharp.Runtime.Tracebacks.Syntax;

namespace PycSharp.Runtime.Tracebacks;

/// <summary>
/// Lib/traceback.py (3.13) _extract_caret_anchors_from_line_segment: where, in a possibly multi-line source
/// segment, the "^" part of the carets starts and ends for a binary operation (the operator), a subscript (the
/// brackets) or a call (the parentheses). Lines and offsets are those of the segment's lines (str.splitlines),
/// offsets in characters.
/// </summary>
internal static class CaretAnchors
{
    internal readonly record struct Anchors(int LeftEndLine, int LeftEndOffset, int RightStartLine, int RightStartOffset);

    // Where the Python code raises (an IndexError, or its assert in next_valid_char), which the caller's
    // suppress(Exception) turns into "no anchors".
    private sealed class NoAnchors : Exception;

    public static Anchors? FromSegment(int[] segment, PythonVersion version)
    {
        // Wrapped in parentheses so that a multi-line expression parses as one; the segment's line k is line k+2.
        var statements = PyParser.ParseModule("(\n" + PyText.Str(segment) + "\n)", version);
        if (statements is not { Count: 1 } || statements[0] is not ExprStmt { Value: var expr })
            return null;
        var lines = PyText.SplitLines(segment, keepEnds: false);
        try
        {
            return Extract(expr, lines);
        }
        catch (NoAnchors)
        {
            return null;
        }
    }

    private static Anchors? Extract(PyExpr expr, List<int[]> lines)
    {
        int[] Line(int lineNo) => lineNo >= 0 && lineNo < lines.Count ? lines[lineNo] : throw new NoAnchors();
        int Normalize(int lineNo, int byteOffset) => PyText.ByteToCharOffset(Line(lineNo), byteOffset);
        int CharAt(int lineNo, int col) => col >= 0 && col < Line(lineNo).Length ? Line(lineNo)[col] : throw new NoAnchors();
        (int, int) NextValidChar(int lineNo, int col)
        {
            while (lineNo < lines.Count && col >= lines[lineNo].Length)
            {
                col = 0;
                lineNo++;
            }
            if (!(lineNo < lines.Count && col < lines[lineNo].Length))
                throw new NoAnchors();
            return (lineNo, col);
        }
        (int, int) IncrementUntil(int lineNo, int col, Func<int, bool> stop)
        {
            while (true)
            {
                int ch = CharAt(lineNo, col);
                if (ch is '\\' or '#')
                    (lineNo, col) = NextValidChar(lineNo + 1, 0);
                else if (!stop(ch))
                    (lineNo, col) = NextValidChar(lineNo, col + 1);
                else
                    return (lineNo, col);
            }
        }
        (int, int) EndOf(PyExpr e, bool forceValid = true)
        {
            int lineNo = e.Span.EndLine - 2;
            int col = Normalize(lineNo, e.Span.EndCol);
            return forceValid ? NextValidChar(lineNo, col) : (lineNo, col);
        }

        switch (expr)
        {
            case BinOpExpr bin:
            {
                // The operator: the first character after the left operand that is no space and no ")"; one more
                // when the next character, still before the right operand, is neither space nor "\" nor "#".
                var (lineNo, col) = EndOf(bin.Left);
                (lineNo, col) = IncrementUntil(lineNo, col, ch => !UnicodeWidth.IsSpace(ch) && ch != ')');
                int rightCol = col + 1;
                if (rightCol < Line(lineNo).Length
                    && (bin.Right.Span.Line - 2 > lineNo || rightCol < Normalize(bin.Right.Span.Line - 2, bin.Right.Span.Col))
                    && CharAt(lineNo, rightCol) is var ch && !UnicodeWidth.IsSpace(ch) && ch is not ('\\' or '#'))
                    rightCol++;
                return new Anchors(lineNo, col, lineNo, rightCol);
            }
            case SubscriptExpr sub:
            {
                var (leftLine, leftCol) = EndOf(sub.Value);
                (leftLine, leftCol) = IncrementUntil(leftLine, leftCol, ch => ch == '[');
                var (rightLine, rightCol) = EndOf(sub, forceValid: false);
                return new Anchors(leftLine, leftCol, rightLine, rightCol);
            }
            case CallExpr call:
            {
                var (leftLine, leftCol) = EndOf(call.Func);
                (leftLine, leftCol) = IncrementUntil(leftLine, leftCol, ch => ch == '(');
                var (rightLine, rightCol) = EndOf(call, forceValid: false);
                return new Anchors(leftLine, leftCol, rightLine, rightCol);
            }
            default:
                return null;
        }
    }
}
