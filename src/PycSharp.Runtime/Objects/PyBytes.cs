namespace PycSharp.Runtime.Objects;

public class PyBytes(byte[] value) : PyObject
{
    public readonly byte[] Value = value;
    public static readonly PyBytes Empty = new([]);
    public override PyType Type => PyType.BytesType;
}

public sealed class PyByteArray(List<byte> value) : PyObject
{
    public readonly List<byte> Value = value;
    public override PyType Type => PyType.ByteArrayType;
}
