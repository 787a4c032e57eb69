namespace PycSharp.Format.Text;

/// <summary>
/// What hashing depends on besides the Python version: the CPython build whose output to reproduce. It decides the
/// order frozensets iterate in, and so how repr() and dis print them.
/// </summary>
/// <param name="Bits">The build's word size: 64, or 32 (pyodide/WebAssembly, which also hashes strings with FNV).</param>
/// <param name="NoneHash">
/// <c>hash(None)</c> in that interpreter, for versions before 3.12, where it is derived from None's address in the
/// binary (its low bits are fixed for a given build); null when unknown, and then a frozenset holding None keeps
/// its marshal order.
/// </param>
public sealed record HashProfile(int Bits = 64, long? NoneHash = null)
{
    public static readonly HashProfile Default = new();
}
