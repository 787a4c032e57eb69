using PycSharp.Format.Objects;

namespace PycSharp.Format;

/// <summary>
/// The marshal dialect of one Python version: which type codes its reader accepts, what 's'/'t'/'u' mean, whether
/// references exist, and how code objects are laid out. The per-version facts are the small table below, taken from
/// each version's Python/marshal.c; nothing else in the reader or writer looks at version numbers.
/// </summary>
public sealed class MarshalFormat
{
    // Type codes each era's r_object() understands.
    private const string Python2Codes = "0NFTS.iIfgxylstRu([{c<>";
    private const string Python30Codes = "0NFTS.iIfgxylstu([{c<>";
    private const string Python34Codes = Python30Codes + "raAzZ)";
    private const string Python314Codes = Python34Codes + ":";

    private readonly bool[] _accepted = new bool[256];

    private MarshalFormat(PythonVersion version, string codes, bool isPython2, bool hasRefs, CodeLayout? layout)
    {
        Version = version;
        IsPython2 = isPython2;
        HasRefs = hasRefs;
        CodeLayout = layout;
        foreach (var c in codes)
            _accepted[c] = true;
    }

    public PythonVersion Version { get; }

    /// <summary>'s' is <c>str</c>, 't' an interned <c>str</c> with 'R' references to it, and 'u' is <c>unicode</c>.</summary>
    public bool IsPython2 { get; }

    /// <summary>FLAG_REF and 'r' (marshal version 3, Python 3.4+).</summary>
    public bool HasRefs { get; }

    /// <summary>Null where this reader cannot decode the version's code objects (before Python 2.3).</summary>
    public CodeLayout? CodeLayout { get; }

    /// <summary>Small tuples, short ASCII strings (marshal version 4, Python 3.4+).</summary>
    public bool HasCompactForms => HasRefs;

    public bool Accepts(byte type) => _accepted[type];

    public static MarshalFormat For(PythonVersion version) => version switch
    {
        { Major: < 2 } or { Major: 2, Minor: < 3 } => new(version, Python2Codes, true, false, null),
        { Major: 2 } => new(version, Python2Codes, true, false, Objects.CodeLayout.Python2),
        { Major: 3, Minor: < 4 } => new(version, Python30Codes, false, false, Objects.CodeLayout.Python30),
        { Major: 3, Minor: < 8 } => new(version, Python34Codes, false, true, Objects.CodeLayout.Python30),
        { Major: 3, Minor: < 11 } => new(version, Python34Codes, false, true, Objects.CodeLayout.Python38),
        { Major: 3, Minor: < 14 } => new(version, Python34Codes, false, true, Objects.CodeLayout.Python311),
        _ => new(version, Python314Codes, false, true, Objects.CodeLayout.Python311),
    };
}
