namespace PycSharp.Runtime.Text;

/// <summary>
/// A Python exception raised by the text routines, named by its Python type ("ValueError", "TypeError",
/// "OverflowError", "ZeroDivisionError", "IndexError", "KeyError", "MemoryError" ...) and carrying exactly the
/// message CPython gives (<c>str(exc)</c>), so the VM can raise the real exception without knowing these routines.
/// </summary>
public sealed class PyTextException : Exception
{
    public PyTextException(string pythonType, string message)
        : base(message)
    {
        PythonType = pythonType;
    }

    public PyTextException()
        : this("ValueError", "")
    {
    }

    public PyTextException(string message)
        : this("ValueError", message)
    {
    }

    public PyTextException(string message, Exception innerException)
        : base(message, innerException)
    {
        PythonType = "ValueError";
    }

    public string PythonType { get; }

    public override string ToString() => PythonType + ": " + Message;

    internal static PyTextException Value(string message) => new("ValueError", message);
    internal static PyTextException Type(string message) => new("TypeError", message);
    internal static PyTextException Overflow(string message) => new("OverflowError", message);
    internal static PyTextException ZeroDivision(string message) => new("ZeroDivisionError", message);
    internal static PyTextException Memory() => new("MemoryError", "");
}
