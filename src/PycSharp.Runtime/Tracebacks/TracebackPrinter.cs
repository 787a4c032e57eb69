using PycSharp.Format;

namespace PycSharp.Runtime.Tracebacks;

/// <summary>
/// The text CPython writes to stderr for an exception that escapes the program (sys.excepthook's default,
/// stderr not a tty), byte for byte as the real 3.11, 3.12 and 3.13 write it.
/// </summary>
public static class TracebackPrinter
{
    /// <summary>
    /// Formats <paramref name="report"/> as <paramref name="version"/> prints an uncaught exception: the chain
    /// (causes and contexts, oldest first), each traceback with source lines and carets, exception-group boxes,
    /// the "Type: message" lines and notes. SystemExit is not printed this way (the VM exits instead).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A version other than 3.11, 3.12 or 3.13.</exception>
    /// <exception cref="ArgumentException">The root, a cause, a context or a group member is no index into the report.</exception>
    public static string Format(ExceptionReport report, PythonVersion version, ISourceLines lines)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(lines);
        int count = report.Exceptions.Count;
        bool Valid(int? index) => index is null || index >= 0 && index < count;
        if (!Valid(report.Root) || report.Exceptions.Any(e => !Valid(e.Cause) || !Valid(e.Context) || e.GroupMembers?.All(m => Valid(m)) == false))
            throw new ArgumentException("a link of the report is not an index of its exceptions", nameof(report));
        return (version.Major, version.Minor) switch
        {
            // 3.11 and 3.12 print from C (Python/pythonrun.c, Python/traceback.c).
            (3, 11) or (3, 12) => new PythonrunPrinter(report, version, lines).Run(),
            // 3.13 prints through Lib/traceback.py (_print_exception_bltin).
            (3, 13) => new TracebackModulePrinter(report, version, lines).Run(),
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "tracebacks are printed for 3.11, 3.12 and 3.13"),
        };
    }
}
