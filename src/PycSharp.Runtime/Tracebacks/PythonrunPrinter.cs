using System.Globalization;
using System.Text;
using PycSharp.Format;
using PycSharp.Runtime.Tracebacks.Syntax;

namespace PycSharp.Runtime.Tracebacks;

/// <summary>
/// How 3.11 and 3.12 print an uncaught exception: in C, Python/pythonrun.c (print_exception_recursive,
/// print_exception_group, print_exception_notes, ...) and Python/traceback.c (tb_printinternal, tb_displayline).
/// These differ from Lib/traceback.py of the same versions in places (source lines keep trailing whitespace, notes
/// that fail str() lose their margin, a non-sequence __notes__ in 3.11 gets no newline, ...), and the uncaught
/// path is the C one.
/// </summary>
internal sealed class PythonrunPrinter(ExceptionReport report, PythonVersion version, ISourceLines lines)
    : ExceptionPrinter(report, version, lines)
{
    // Python/traceback.c: PyTraceBack_LIMIT, and the indent of source lines (_TRACEBACK_SOURCE_LINE_INDENT).
    private const int TracebackLimit = 1000;
    private const int SourceLineIndent = 4;

    private readonly HashSet<int> _seen = [];

    protected override void PrintRoot() => PrintRecursive(Report.Root);

    protected override void WriteMarginLine(string line)
    {
        WriteIndentedMargin();
        Out.Append(line);
    }

    // EXC_INDENT and EXC_MARGIN of Python/pythonrun.c.
    private int Indent => 2 * GroupDepth;

    private string Margin => GroupDepth > 0 ? "| " : "";

    private void WriteIndentedMargin() => Out.Append(' ', Indent).Append(Margin);

    private void PrintRecursive(int index)
    {
        PrintCauseAndContext(index);
        if (Report[index].GroupMembers is not null)
            PrintGroup(index);
        else
            PrintException(index);
    }

    // print_exception_cause_and_context: a cause that was already printed ends the chain here, even when there is
    // a context (Lib/traceback.py falls back to the context instead).
    private void PrintCauseAndContext(int index)
    {
        _seen.Add(index);
        var e = Report[index];
        if (e.Cause is { } cause)
        {
            if (!_seen.Contains(cause))
                PrintChained(cause, "The above exception was the direct cause of the following exception:\n");
            return;
        }
        if (e.SuppressContext)
            return;
        if (e.Context is { } context && !_seen.Contains(context))
            PrintChained(context, "During handling of the above exception, another exception occurred:\n");
    }

    private void PrintChained(int index, string message)
    {
        PrintRecursive(index);
        WriteIndentedMargin();
        Out.Append('\n');
        WriteIndentedMargin();
        Out.Append(message);
        WriteIndentedMargin();
        Out.Append('\n');
    }

    private void PrintGroup(int index)
    {
        if (GroupDepth > MaxGroupDepth)
        {
            WriteMarginLine(MaxDepthLine);
            return;
        }
        if (GroupDepth == 0)
            GroupDepth++;
        PrintException(index);
        PrintMembers(Report[index].GroupMembers!, PrintRecursive);
        if (GroupDepth == 1)
            GroupDepth--;
    }

    private void PrintException(int index)
    {
        var e = Report[index];
        if (e.Traceback.Count > 0)
        {
            // print_exception_traceback: a group's header, at the top level, hangs on a "+ " corner.
            bool group = e.GroupMembers is not null;
            Out.Append(' ', Indent).Append(group && GroupDepth == 1 ? "+ " : Margin)
                .Append(group ? "Exception Group Traceback (most recent call last):\n" : "Traceback (most recent call last):\n");
            PrintTraceback(e.Traceback);
        }
        WriteIndentedMargin();
        Out.Append(e.DisplayTypeName);
        // print_exception_message: no colon after an empty str().
        if (e.Str is null)
            Out.Append(": <exception str() failed>");
        else if (e.Str.Length > 0)
            Out.Append(": ").Append(e.Str);
        AppendSuggestion(Out, e, Version);
        Out.Append('\n');
        PrintNotes(e.Notes);
    }

    /// <summary>
    /// The suggestion tail of a NameError/AttributeError/ImportError line (3.11: Python/pythonrun.c
    /// print_exception_suggestions; 3.12 adds the standard-library import hint; 3.13 has the same words in
    /// Lib/traceback.py TracebackException.__init__).
    /// </summary>
    internal static void AppendSuggestion(StringBuilder sb, ReportedException e, PythonVersion version)
    {
        if (e.Suggestion is not null)
            sb.Append(". Did you mean: '").Append(e.Suggestion).Append("'?");
        if (e.MissingImport is not null && version >= new PythonVersion(3, 12))
            sb.Append(e.Suggestion is not null ? " Or did you forget to import '" : ". Did you forget to import '")
                .Append(e.MissingImport).Append("'?");
    }

    private void PrintNotes(ExceptionNotes? notes)
    {
        if (notes is null)
            return;
        // A non-sequence __notes__ (3.12 on: also a str or bytes) prints as its repr; 3.11 wrote no newline after it.
        if (notes.Items is null || notes.IsStrOrBytes && Version >= new PythonVersion(3, 12))
        {
            WriteIndentedMargin();
            Out.Append(notes.Repr ?? "<__notes__ repr() failed>");
            if (Version >= new PythonVersion(3, 12))
                Out.Append('\n');
            return;
        }
        foreach (var note in notes.Items)
        {
            if (note is null)
            {
                // Written without the margin of the lines around it.
                Out.Append("<note str() failed>");
            }
            else
            {
                // Each line of str.splitlines(keepends=True) gets the margin.
                foreach (var line in PyText.SplitLines(PyText.Of(note), keepEnds: true))
                {
                    WriteIndentedMargin();
                    Out.Append(PyText.Str(line));
                }
            }
            Out.Append('\n');
        }
    }

    // tb_printinternal: at most the last PyTraceBack_LIMIT entries; from the fourth identical entry in a row on
    // (same file, line and name) only a count is printed.
    private void PrintTraceback(IReadOnlyList<TracebackFrame> frames)
    {
        string? lastFile = null, lastName = null;
        int lastLine = -1;
        long count = 0;
        for (int i = Math.Max(0, frames.Count - TracebackLimit); i < frames.Count; i++)
        {
            var f = frames[i];
            int line = f.LineNo ?? -1;
            if (lastFile is null || f.Filename != lastFile || lastLine == -1 || line != lastLine || lastName is null || f.Name != lastName)
            {
                if (count > RecursiveCutoff)
                    PrintRepeated(count);
                lastFile = f.Filename;
                lastLine = line;
                lastName = f.Name;
                count = 0;
            }
            count++;
            if (count <= RecursiveCutoff)
                DisplayLine(f, line);
        }
        if (count > RecursiveCutoff)
            PrintRepeated(count);
    }

    // tb_print_line_repeated writes no margin, even inside an exception group.
    private void PrintRepeated(long count) => Out.Append(Repeated(count));

    private void DisplayLine(TracebackFrame f, int lineNo)
    {
        WriteIndentedMargin();
        Out.Append(CultureInfo.InvariantCulture, $"  File \"{f.Filename}\", line {lineNo}, in {f.Name}\n");
        // display_source_line_with_margin: names like "<string>" are never opened.
        if (f.Filename.Length > 0 && f.Filename[0] == '<' && f.Filename[^1] == '>')
            return;
        var text = lineNo >= 1 ? Lines.GetLine(f.Filename, lineNo) : null;
        if (text is null)
            return;
        var line = PyText.Of(text);
        // Only spaces, tabs and form feeds are taken off the front; the end of the line stays as it is.
        int leading = 0;
        while (leading < line.Length && line[leading] is ' ' or '\t' or '\f')
            leading++;
        int truncation = leading - SourceLineIndent;
        WriteIndentedMargin();
        Out.Append(' ', SourceLineIndent).Append(PyText.Str(line.AsSpan(leading))).Append('\n');
        PrintCarets(f, line, leading, truncation);
    }

    // tb_displayline, from "Elide indicators if primary char spans the frame line" on: offsets are characters of
    // the whole line (columns from co_positions are UTF-8 bytes), carets are display columns (3.11.7/3.12).
    private void PrintCarets(TracebackFrame f, int[] line, int leading, int truncation)
    {
        if (f.LineNo is not { } startLine || f.EndLineNo is not { } endLine || f.ColOffset is not { } col || f.EndColOffset is not { } endCol
            || startLine < 0 || endLine < 0 || col < 0 || endCol < 0)
            return;
        int start = PyText.ByteToCharOffsetC(line, col);
        int end = PyText.ByteToCharOffsetC(line, endCol);
        int leftEnd = -1, rightStart = -1;
        char primary = '^', secondary = '^';
        if (startLine == endLine)
        {
            if (ExtractAnchors(line, start, end, Version) is var (l, r))
            {
                leftEnd = l;
                rightStart = r;
                primary = '~';
            }
        }
        else
        {
            // A multi-line instruction is marked to the last non-whitespace character of its first line. The C
            // code indexes the UTF-8 bytes with the line's length in characters, and so does this.
            var bytes = PyText.Utf8(line);
            int i = line.Length;
            while (--i >= 0)
                if (i >= bytes.Length || bytes[i] is not ((byte)' ' or (byte)'\t' or (byte)'\f'))
                    break;
            end = i + 1;
        }
        int strippedLength = line.Length - leading;
        bool secondaryRanges = leftEnd != -1 || rightStart != -1;
        if (end - start == strippedLength && !secondaryRanges)
            return;
        int dpStart = PyText.DisplayWidthC(line, start, Version);
        int dpEnd = PyText.DisplayWidthC(line, end, Version);
        int dpLeftEnd = secondaryRanges ? PyText.DisplayWidthC(line, leftEnd, Version) : -1;
        int dpRightStart = secondaryRanges ? PyText.DisplayWidthC(line, rightStart, Version) : -1;
        WriteIndentedMargin();
        // print_error_location_carets: column k (1-based, counted from the truncated indentation) is blank up to
        // the start, secondary inside the anchors, primary elsewhere.
        for (int offset = truncation + 1; offset <= dpEnd; offset++)
        {
            if (offset <= dpStart)
                Out.Append(' ');
            else if (secondaryRanges && dpLeftEnd < offset && offset <= dpRightStart)
                Out.Append(secondary);
            else
                Out.Append(primary);
        }
        Out.Append('\n');
    }

    /// <summary>
    /// extract_anchors_from_line: the segment line[start:end] parsed alone as a module; a single expression
    /// statement that is a binary operation or a subscript gives the character range, in the whole line, that the
    /// "^" marks (the operator, or the brackets and what is between them). Null otherwise.
    /// </summary>
    internal static (int LeftEnd, int RightStart)? ExtractAnchors(int[] line, int start, int end, PythonVersion version)
    {
        var segment = PyText.Slice(line, start, end);
        var statements = PyParser.ParseModule(PyText.Str(segment), version);
        if (statements is not { Count: 1 } || statements[0] is not ExprStmt { Value: var expr })
            return null;
        var bytes = PyText.Utf8(segment);
        static bool Blank(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\f';
        switch (expr)
        {
            case BinOpExpr bin:
            {
                // The operator is the first character after the left operand that is no whitespace and no ")"
                // closing a parenthesized left operand; a second character before the right operand that is no
                // whitespace makes it two characters long ("//", "**", or "+(" as CPython has it).
                int i = bin.Left.Span.EndCol;
                int rightCol = bin.Right.Span.Col;
                while (i < rightCol && i < bytes.Length && (Blank(bytes[i]) || bytes[i] == ')'))
                    i++;
                int left = i, right = i + 1;
                if (i + 1 < rightCol && i + 1 < bytes.Length && !Blank(bytes[i + 1]))
                    right++;
                return (PyText.ByteToCharOffsetC(segment, left) + start, PyText.ByteToCharOffsetC(segment, right) + start);
            }
            case SubscriptExpr sub:
            {
                // From the "[" after the value to just past the "]" that follows the slice.
                int left = PyText.ByteToCharOffset(segment, sub.Value.Span.EndCol);
                while (left < segment.Length && segment[left] != '[')
                    left++;
                int right = PyText.ByteToCharOffset(segment, sub.Slice.Span.EndCol + 1);
                while (right < segment.Length && segment[right] != ']')
                    right++;
                if (right < segment.Length)
                    right++;
                return (left + start, right + start);
            }
            default:
                return null;
        }
    }
}
