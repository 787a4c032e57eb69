using System.Globalization;
using System.Text;
using PycSharp.Format;

namespace PycSharp.Runtime.Tracebacks;

/// <summary>
/// What the C printer of 3.11/3.12 (Python/pythonrun.c print_exception_group) and Lib/traceback.py of 3.13
/// (TracebackException.format) have in common: the same limits, and the same numbered boxes around the members
/// of an exception group.
/// </summary>
internal abstract class ExceptionPrinter
{
    // max_group_width and max_group_depth of both, and TB_RECURSIVE_CUTOFF (Python/traceback.c) = _RECURSIVE_CUTOFF
    // (Lib/traceback.py).
    protected const int MaxGroupWidth = 15;
    protected const int MaxGroupDepth = 10;
    protected const int RecursiveCutoff = 3;

    protected static readonly string MaxDepthLine = string.Create(CultureInfo.InvariantCulture, $"... (max_group_depth is {MaxGroupDepth})\n");

    private bool _needClose;

    protected ExceptionPrinter(ExceptionReport report, PythonVersion version, ISourceLines lines)
    {
        Report = report;
        Version = version;
        Lines = lines;
    }

    protected ExceptionReport Report { get; }

    protected PythonVersion Version { get; }

    protected ISourceLines Lines { get; }

    protected StringBuilder Out { get; } = new();

    /// <summary>How many group boxes the text being written is inside (exception_group_depth).</summary>
    protected int GroupDepth { get; set; }

    public string Run()
    {
        PrintRoot();
        return Out.ToString();
    }

    protected abstract void PrintRoot();

    /// <summary>Writes one line of text behind the current group margin ("  | " per level).</summary>
    protected abstract void WriteMarginLine(string line);

    /// <summary>
    /// The members of a group, each in a box numbered from 1: past the fifteenth, "and N more exceptions"; the last
    /// box is closed by the innermost group that ends with it (need_close).
    /// </summary>
    protected void PrintMembers<T>(IReadOnlyList<T> members, Action<T> print)
    {
        int shown = members.Count <= MaxGroupWidth ? members.Count : MaxGroupWidth + 1;
        _needClose = false;
        for (int i = 0; i < shown; i++)
        {
            bool last = i == shown - 1;
            if (last)
                _needClose = true; // a nested group printed below may draw the closing line itself
            bool truncated = i >= MaxGroupWidth;
            Out.Append(' ', 2 * GroupDepth).Append(i == 0 ? "+-" : "  ").Append("+---------------- ")
                .Append(truncated ? "..." : (i + 1).ToString(CultureInfo.InvariantCulture)).Append(" ----------------\n");
            GroupDepth++;
            if (!truncated)
            {
                print(members[i]);
            }
            else
            {
                int remaining = members.Count - MaxGroupWidth;
                WriteMarginLine(string.Create(CultureInfo.InvariantCulture, $"and {remaining} more exception{(remaining > 1 ? "s" : "")}\n"));
            }
            if (last && _needClose)
            {
                Out.Append(' ', 2 * GroupDepth).Append("+------------------------------------\n");
                _needClose = false;
            }
            GroupDepth--;
        }
    }

    /// <summary>The line that stands for the entries past the third of a run of identical ones.</summary>
    protected static string Repeated(long count)
    {
        count -= RecursiveCutoff;
        return string.Create(CultureInfo.InvariantCulture, $"  [Previous line repeated {count} more time{(count > 1 ? "s" : "")}]\n");
    }
}
