namespace PycSharp.Runtime.Tracebacks;

/// <summary>
/// One traceback entry (one tb object of the chain tb_next follows), outermost first in a list.
/// </summary>
/// <param name="Filename">co_filename of the entry's code object.</param>
/// <param name="LineNo">tb_lineno: the line of the instruction that was running (null when it has none).</param>
/// <param name="Name">co_name of the code object (3.11–3.13 all print co_name, not co_qualname).</param>
/// <param name="EndLineNo">The instruction's end line from code.co_positions() at tb_lasti // 2.</param>
/// <param name="ColOffset">Its start column from co_positions(): a UTF-8 byte offset into line <paramref name="LineNo"/>.</param>
/// <param name="EndColOffset">Its end column from co_positions(): a UTF-8 byte offset into line <paramref name="EndLineNo"/>.</param>
public sealed record TracebackFrame(
    string Filename, int? LineNo, string Name, int? EndLineNo = null, int? ColOffset = null, int? EndColOffset = null);

/// <summary>
/// What an exception's __notes__ held, as the printers of the different versions read it.
/// </summary>
/// <param name="Items">
/// When __notes__ supports the sequence protocol (for a str: its characters), str() of each element, null for an
/// element whose str() raised; null when __notes__ is no sequence.
/// </param>
/// <param name="Repr">repr(__notes__), null when repr() raised; printed when __notes__ is no sequence (and from 3.12 on when it is a str or bytes).</param>
/// <param name="IsStrOrBytes">__notes__ is a str or bytes instance, which 3.12 and later print by repr instead of iterating.</param>
public sealed record ExceptionNotes(IReadOnlyList<string?>? Items, string? Repr = null, bool IsStrOrBytes = false);

/// <summary>
/// One exception object of an <see cref="ExceptionReport"/>. Links to other exceptions are indexes into
/// <see cref="ExceptionReport.Exceptions"/>, so that the same object reached twice, and cycles of __cause__ and
/// __context__, keep their identity (CPython prints each object once, by identity).
/// </summary>
/// <param name="TypeModule">type(exc).__module__, null when it is not a str (printed as "&lt;unknown&gt;").</param>
/// <param name="TypeQualName">type(exc).__qualname__.</param>
/// <param name="Str">str(exc), null when str() raised (printed as "&lt;exception str() failed&gt;").</param>
/// <param name="Traceback">exc.__traceback__ as entries, outermost first; empty when __traceback__ is None.</param>
public sealed record ReportedException(string? TypeModule, string TypeQualName, string? Str, IReadOnlyList<TracebackFrame> Traceback)
{
    /// <summary>Index of exc.__cause__, or null for None.</summary>
    public int? Cause { get; init; }

    /// <summary>Index of exc.__context__, or null for None.</summary>
    public int? Context { get; init; }

    /// <summary>exc.__suppress_context__ (set by "raise ... from ...").</summary>
    public bool SuppressContext { get; init; }

    /// <summary>exc.__notes__, or null when the exception has none (no attribute, or None).</summary>
    public ExceptionNotes? Notes { get; init; }

    /// <summary>For a BaseExceptionGroup, the indexes of exc.exceptions in order; null for any other exception.</summary>
    public IReadOnlyList<int>? GroupMembers { get; init; }

    /// <summary>
    /// The name CPython's suggestion machinery offers for a NameError, AttributeError or ImportError (printed as
    /// ". Did you mean: 'NAME'?"), or null. Finding it is the VM's business (Python/suggestions.c).
    /// </summary>
    public string? Suggestion { get; init; }

    /// <summary>
    /// For a NameError whose name is a standard-library module (sys.stdlib_module_names), that name: 3.12 and
    /// later add "Did you forget to import 'NAME'?". Ignored by 3.11.
    /// </summary>
    public string? MissingImport { get; init; }

    /// <summary>
    /// The type as CPython prints it: the qualified name alone for builtins and __main__, else "module.qualname"
    /// (Python/pythonrun.c print_exception_message; Lib/traceback.py TracebackException.exc_type_str).
    /// </summary>
    public string DisplayTypeName => TypeModule switch
    {
        "builtins" or "__main__" => TypeQualName,
        null => "<unknown>." + TypeQualName,
        _ => TypeModule + "." + TypeQualName,
    };
}

/// <summary>
/// An uncaught exception and every exception it reaches through __cause__, __context__ and exception-group
/// members: <see cref="Exceptions"/>[<see cref="Root"/>] is the one that escaped.
/// </summary>
public sealed record ExceptionReport(IReadOnlyList<ReportedException> Exceptions, int Root = 0)
{
    /// <summary>A report of a single exception that links to no other.</summary>
    public static ExceptionReport Of(ReportedException exception) => new([exception]);

    public ReportedException this[int index] => Exceptions[index];
}
