namespace PycSharp.Format;

/// <summary>The type bytes of the marshal format (Python/marshal.c, <c>TYPE_*</c>).</summary>
public static class MarshalTypes
{
    /// <summary>Set on a type byte: the object takes the next reference index (marshal version 3, Python 3.4+).</summary>
    public const byte FlagRef = 0x80;

    public const byte Null = (byte)'0';
    public const byte None = (byte)'N';
    public const byte False = (byte)'F';
    public const byte True = (byte)'T';
    public const byte StopIteration = (byte)'S';
    public const byte Ellipsis = (byte)'.';
    public const byte Int = (byte)'i';
    /// <summary>Written by Python 2 on 64-bit machines for ints that need more than 32 bits.</summary>
    public const byte Int64 = (byte)'I';
    public const byte Float = (byte)'f';
    public const byte BinaryFloat = (byte)'g';
    public const byte Complex = (byte)'x';
    public const byte BinaryComplex = (byte)'y';
    public const byte Long = (byte)'l';
    public const byte String = (byte)'s';
    /// <summary>Python 2: interned str; Python 3: interned str in UTF-8.</summary>
    public const byte Interned = (byte)'t';
    /// <summary>Python 2 only: a reference to the n-th interned string.</summary>
    public const byte StringRef = (byte)'R';
    public const byte Ref = (byte)'r';
    public const byte Tuple = (byte)'(';
    public const byte SmallTuple = (byte)')';
    public const byte List = (byte)'[';
    public const byte Dict = (byte)'{';
    public const byte Code = (byte)'c';
    public const byte Unicode = (byte)'u';
    public const byte Unknown = (byte)'?';
    public const byte Set = (byte)'<';
    public const byte FrozenSet = (byte)'>';
    public const byte Ascii = (byte)'a';
    public const byte AsciiInterned = (byte)'A';
    public const byte ShortAscii = (byte)'z';
    public const byte ShortAsciiInterned = (byte)'Z';
    /// <summary>Marshal version 5 (Python 3.14).</summary>
    public const byte Slice = (byte)':';
}
