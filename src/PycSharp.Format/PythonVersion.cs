using System.Globalization;

namespace PycSharp.Format;

/// <summary>A CPython release line, "MAJOR.MINOR" (the granularity at which bytecode and marshal formats change).</summary>
public readonly record struct PythonVersion(int Major, int Minor) : IComparable<PythonVersion>
{
    public int CompareTo(PythonVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(PythonVersion a, PythonVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(PythonVersion a, PythonVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(PythonVersion a, PythonVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(PythonVersion a, PythonVersion b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Major}.{Minor}";

    /// <summary>Parses "3.12" (a trailing ".N" micro version, as in "3.12.1", is accepted and dropped).</summary>
    public static bool TryParse(string? text, out PythonVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var parts = text.Trim().Split('.');
        if (parts.Length is < 2 or > 3)
            return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ||
            !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            return false;
        if (parts.Length == 3 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            return false;
        version = new PythonVersion(major, minor);
        return true;
    }

    public static PythonVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"not a Python version: '{text}' (expected e.g. 3.12)");
}
