using System.Globalization;
using System.Text;
using PycSharp.Format;
using PycSharp.Runtime.Tracebacks.Syntax;

namespace PycSharp.Runtime.Tracebacks;

/// <summary>
/// How 3.13 prints an uncaught exception: PyErr_Display hands it to Lib/traceback.py _print_exception_bltin,
/// which builds a TracebackException (compact=True, colorize off when stderr is no tty) and prints its format().
/// The steps below follow that module: TracebackException.__init__ for which chained exceptions are kept,
/// format() for the chain and the group boxes, StackSummary.format and format_frame_summary for each entry.
/// </summary>
internal sealed class TracebackModulePrinter(ExceptionReport report, PythonVersion version, ISourceLines lines)
    : ExceptionPrinter(report, version, lines)
{
    private const string CauseMessage = "\nThe above exception was the direct cause of the following exception:\n\n";
    private const string ContextMessage = "\nDuring handling of the above exception, another exception occurred:\n\n";

    /// <summary>A TracebackException: one exception with the chained ones that survived the _seen check.</summary>
    private sealed class Node(int index)
    {
        public int Index { get; } = index;
        public Node? Cause { get; set; }
        public Node? Context { get; set; }
        public List<Node>? Exceptions { get; set; }
    }

    protected override void PrintRoot() => Format(Build());

    protected override void WriteMarginLine(string line) => Emit(line);

    // TracebackException.__init__: every exception object gets into _seen when its node is made; a cause or context
    // already seen is dropped (a dropped cause lets the context through), group members never are. Nodes are
    // expanded from a stack, last pushed first, which decides what counts as seen first.
    private Node Build()
    {
        var seen = new HashSet<int>();
        Node Make(int index)
        {
            seen.Add(index);
            return new Node(index);
        }
        var root = Make(Report.Root);
        var stack = new List<Node> { root };
        while (stack.Count > 0)
        {
            var node = stack[^1];
            stack.RemoveAt(stack.Count - 1);
            var e = Report[node.Index];
            var cause = e.Cause is { } c && !seen.Contains(c) ? Make(c) : null;
            bool needContext = cause is null && !e.SuppressContext;
            var context = e.Context is { } x && needContext && !seen.Contains(x) ? Make(x) : null;
            var members = e.GroupMembers?.Select(Make).ToList();
            node.Cause = cause;
            node.Context = context;
            node.Exceptions = members;
            if (cause is not null)
                stack.Add(cause);
            if (context is not null)
                stack.Add(context);
            if (members is { Count: > 0 })
                stack.AddRange(members);
        }
        return root;
    }

    // _ExceptionPrintContext.emit: inside a group every line (str.splitlines) gets the indent and "| " (or "+ ").
    private void Emit(string text, char marginChar = '|')
    {
        if (GroupDepth == 0)
        {
            Out.Append(text);
            return;
        }
        Out.Append(PyText.Indent(text, new string(' ', 2 * GroupDepth) + marginChar + " "));
    }

    private void Format(Node top)
    {
        var chain = new List<(string? Message, Node Exc)>();
        for (Node? exc = top; exc is not null;)
        {
            if (exc.Cause is not null)
            {
                chain.Add((CauseMessage, exc));
                exc = exc.Cause;
            }
            else if (exc.Context is not null && !Report[exc.Index].SuppressContext)
            {
                chain.Add((ContextMessage, exc));
                exc = exc.Context;
            }
            else
            {
                chain.Add((null, exc));
                exc = null;
            }
        }
        for (int c = chain.Count - 1; c >= 0; c--)
        {
            var (message, exc) = chain[c];
            if (message is not null)
                Emit(message);
            var e = Report[exc.Index];
            if (exc.Exceptions is null)
            {
                if (e.Traceback.Count > 0)
                {
                    Emit("Traceback (most recent call last):\n");
                    foreach (var part in FormatStack(e.Traceback))
                        Emit(part);
                }
                foreach (var part in FormatExceptionOnly(e))
                    Emit(part);
            }
            else if (GroupDepth > MaxGroupDepth)
            {
                Emit(MaxDepthLine);
            }
            else
            {
                FormatGroup(exc, e);
            }
        }
    }

    private void FormatGroup(Node exc, ReportedException e)
    {
        bool topLevel = GroupDepth == 0;
        if (topLevel)
            GroupDepth++;
        if (e.Traceback.Count > 0)
        {
            Emit("Exception Group Traceback (most recent call last):\n", topLevel ? '+' : '|');
            foreach (var part in FormatStack(e.Traceback))
                Emit(part);
        }
        foreach (var part in FormatExceptionOnly(e))
            Emit(part);
        PrintMembers(exc.Exceptions!, Format);
        if (topLevel)
            GroupDepth = 0;
    }

    // TracebackException.format_exception_only at _depth 0: "Type: str" (or "Type" for an empty str), then the notes.
    private List<string> FormatExceptionOnly(ReportedException e)
    {
        var parts = new List<string>();
        var sb = new StringBuilder(e.Str ?? "<exception str() failed>");
        PythonrunPrinter.AppendSuggestion(sb, e, Version);
        var value = sb.ToString();
        parts.Add(value.Length == 0 ? e.DisplayTypeName + "\n" : e.DisplayTypeName + ": " + value + "\n");
        if (e.Notes is { } notes)
        {
            if (notes.Items is not null && !notes.IsStrOrBytes)
            {
                foreach (var note in notes.Items)
                    foreach (var line in (note ?? "<note str() failed>").Split('\n'))
                        parts.Add(line + "\n");
            }
            else
            {
                parts.Add((notes.Repr ?? "<__notes__ repr() failed>") + "\n");
            }
        }
        return parts;
    }

    // StackSummary.format: after three identical entries in a row (file, line, name) a count replaces the rest.
    private List<string> FormatStack(IReadOnlyList<TracebackFrame> frames)
    {
        var result = new List<string>();
        string? lastFile = null, lastName = null;
        int? lastLine = null;
        int count = 0;
        foreach (var f in frames)
        {
            if (lastFile is null || lastFile != f.Filename || lastLine is null || lastLine != f.LineNo || lastName is null || lastName != f.Name)
            {
                if (count > RecursiveCutoff)
                    result.Add(Repeated(count));
                lastFile = f.Filename;
                lastLine = f.LineNo;
                lastName = f.Name;
                count = 0;
            }
            count++;
            if (count > RecursiveCutoff)
                continue;
            result.Add(FormatFrame(f));
        }
        if (count > RecursiveCutoff)
            result.Add(Repeated(count));
        return result;
    }

    // StackSummary.format_frame_summary.
    private string FormatFrame(TracebackFrame f)
    {
        var row = new StringBuilder();
        var filename = f.Filename.StartsWith("<stdin>-", StringComparison.Ordinal) ? "<stdin>" : f.Filename;
        row.Append(CultureInfo.InvariantCulture, $"  File \"{filename}\", line {f.LineNo?.ToString(CultureInfo.InvariantCulture) ?? "None"}, in {f.Name}\n");
        if (f.LineNo is not { } lineNo)
            return row.ToString();
        int endLineNo = f.EndLineNo ?? lineNo;
        // FrameSummary._set_lines: each line through linecache, rstripped, joined, with a final newline.
        var joined = new List<int[]>();
        for (int n = lineNo; n <= endLineNo; n++)
            joined.Add(PyText.RStrip(PyText.Of((n >= 1 ? Lines.GetLine(f.Filename, n) : null) ?? "")));
        var original = PyText.Concat(PyText.Join('\n', joined), ['\n']);
        var dedented = PyText.Dedent(original);
        if (PyText.Strip(dedented).Length == 0)
            return row.ToString();
        if (f.ColOffset is not { } col || f.EndColOffset is not { } endCol)
        {
            // Without columns only the first line (up to the first "\n"), stripped.
            int newline = Array.IndexOf(original, '\n');
            var first = PyText.Strip(original[..newline]);
            row.Append(PyText.Indent(PyText.Str(first), "    ", l => !PyText.IsSpaceOnly(l))).Append('\n');
            return row.ToString();
        }
        row.Append(FormatLines(original, dedented, lineNo, endLineNo, col, endCol));
        return row.ToString();
    }

    private string FormatLines(int[] original, int[] dedented, int lineNo, int endLineNo, int col, int endCol)
    {
        var originalLines = PyText.SplitLines(original, keepEnds: false);
        int span = endLineNo - lineNo;
        if (span < 0 || span >= originalLines.Count)
            return ""; // Lib/traceback.py would fail with IndexError here; positions from real code never get here
        var firstLine = originalLines[0];
        var lastLine = originalLines[span];
        int startOffset = PyText.ByteToCharOffset(firstLine, col);
        int endOffset = PyText.ByteToCharOffset(lastLine, endCol);
        var allLines = PyText.SplitLines(dedented, keepEnds: false).Take(span + 1).ToList();
        if (allLines.Count == 0)
            return "";
        // The offsets move left by what dedent took off (measured on the first line).
        int dedentChars = firstLine.Length - allLines[0].Length;
        startOffset = Math.Max(0, startOffset - dedentChars);
        endOffset = Math.Max(0, endOffset - dedentChars);
        int dpStart = PyText.DisplayWidth(allLines[0], startOffset, Version);
        int dpEnd = PyText.DisplayWidth(allLines[^1], endOffset, Version);
        var whole = PyText.Join('\n', allLines);
        var segment = PyText.Slice(whole, startOffset, whole.Length - (allLines[^1].Length - endOffset));
        var anchors = CaretAnchors.FromSegment(segment, Version);
        bool showCarets = ShouldShowCarets(startOffset, endOffset, allLines, anchors);

        var significant = new SortedSet<int> { 0, allLines.Count - 1 };
        int leftEnd = 0, rightStart = 0;
        char primary = '^', secondary = '^';
        if (anchors is { } a)
        {
            leftEnd = a.LeftEndLine == 0 ? a.LeftEndOffset + startOffset : a.LeftEndOffset;
            rightStart = a.RightStartLine == 0 ? a.RightStartOffset + startOffset : a.RightStartOffset;
            leftEnd = PyText.DisplayWidth(allLines[a.LeftEndLine], leftEnd, Version);
            rightStart = PyText.DisplayWidth(allLines[a.RightStartLine], rightStart, Version);
            primary = '~';
            for (int k = -1; k <= 1; k++)
            {
                significant.Add(a.LeftEndLine + k);
                significant.Add(a.RightStartLine + k);
            }
        }
        significant.Remove(-1);
        significant.Remove(allLines.Count);

        var result = new StringBuilder();
        void OutputLine(int lineIndex)
        {
            var line = allLines[lineIndex];
            result.Append(PyText.Str(line)).Append('\n');
            if (!showCarets)
                return;
            int numSpaces = line.Length - PyText.LStrip(line).Length;
            int numCarets = lineIndex == allLines.Count - 1 ? dpEnd : PyText.DisplayWidth(line, line.Length, Version);
            for (int c = 0; c < numCarets; c++)
            {
                if (c < numSpaces || lineIndex == 0 && c < dpStart)
                    result.Append(' ');
                else if (anchors is { } an
                         && (lineIndex > an.LeftEndLine || lineIndex == an.LeftEndLine && c >= leftEnd)
                         && (lineIndex < an.RightStartLine || lineIndex == an.RightStartLine && c < rightStart))
                    result.Append(secondary);
                else
                    result.Append(primary);
            }
            result.Append('\n');
        }
        // Only the first and last lines and those around the anchors; a gap of one line is shown, a longer one counted.
        int? previous = null;
        foreach (var lineIndex in significant)
        {
            if (previous is { } p)
            {
                int diff = lineIndex - p;
                if (diff == 2)
                    OutputLine(lineIndex - 1);
                else if (diff > 2)
                    result.Append(CultureInfo.InvariantCulture, $"...<{diff - 1} lines>...\n");
            }
            OutputLine(lineIndex);
            previous = lineIndex;
        }
        return PyText.Indent(PyText.Str(PyText.Dedent(PyText.Of(result.ToString()))), "    ");
    }

    // StackSummary._should_show_carets.
    private bool ShouldShowCarets(int startOffset, int endOffset, List<int[]> allLines, CaretAnchors.Anchors? anchors)
    {
        var statements = PyParser.ParseModule(PyText.Str(PyText.Join('\n', allLines)), Version);
        if (statements is not null)
        {
            if (statements.Count == 0)
                return false;
            // "return f(...)" or "x = f(...)" whose call is exactly the whole of the lines shows no carets.
            PyExpr? value = statements[0] switch
            {
                ReturnStmt { Value: CallExpr { Func: NameExpr } call } => call,
                AssignStmt { Targets: [NameExpr], Value: CallExpr call } => call,
                _ => null,
            };
            if (value is not null && value.Span.Line == 1 && value.Span.EndLine == allLines.Count
                && value.Span.Col == startOffset && value.Span.EndCol == endOffset)
                return false;
        }
        if (anchors is not null)
            return true;
        return PyText.LStrip(PyText.Slice(allLines[0], 0, startOffset)).Length > 0
            || PyText.RStrip(PyText.Slice(allLines[^1], endOffset, allLines[^1].Length)).Length > 0;
    }
}
