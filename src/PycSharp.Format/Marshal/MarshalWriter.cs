using System.Buffers.Binary;
using System.Numerics;
using PycSharp.Format.Objects;

namespace PycSharp.Format.Marshal;

/// <summary>
/// Writes the object model as marshal data (Python/marshal.c, <c>w_object</c>).
/// Objects that were read keep their type byte, FLAG_REF bit, string form and reference structure, so writing
/// what was read gives back the original bytes. Objects built in code get the form CPython's own writer of the
/// target version would choose.
/// </summary>
public sealed class MarshalWriter
{
    private readonly MarshalFormat _format;
    private readonly MarshalIrregularities _irregularities;
    private int _referenceCount;
    private int _nullCount;
    private readonly Dictionary<PyObject, int> _refs = new(ReferenceEqualityComparer.Instance);
    private Dictionary<PyObject, int>? _interned;
    private byte[] _buffer;
    private int _length;
    private int _depth;

    private MarshalWriter(MarshalFormat format, MarshalIrregularities? irregularities, int capacity)
    {
        _format = format;
        _irregularities = irregularities ?? MarshalIrregularities.None;
        _buffer = new byte[Math.Max(capacity, 64)];
    }

    /// <summary>Nesting limit, as CPython's writer ("object too deeply nested to marshal").</summary>
    public const int MaxDepth = 2000;

    /// <param name="irregularities">From the reader, to reproduce data it read exactly; null for built objects.</param>
    public static byte[] Write(PyObject value, MarshalFormat format, MarshalIrregularities? irregularities = null, int capacityHint = 256)
    {
        var writer = new MarshalWriter(format, irregularities, capacityHint);
        writer.WriteObject(value);
        return writer._buffer.AsSpan(0, writer._length).ToArray();
    }

    private void WriteObject(PyObject o)
    {
        if (++_depth > MaxDepth)
            throw new InvalidOperationException("object too deeply nested to marshal");

        if (_refs.TryGetValue(o, out int index))
        {
            Byte(_irregularities.FlaggedReferences.Contains(_referenceCount++) ? (byte)(MarshalTypes.Ref | MarshalTypes.FlagRef) : MarshalTypes.Ref);
            Int32(index);
            _depth--;
            return;
        }

        switch (o)
        {
            case PyNone: Byte(Chosen(o, MarshalTypes.None)); break;
            case PyBool b: Byte(Chosen(o, b.Value ? MarshalTypes.True : MarshalTypes.False)); break;
            case PyEllipsis: Byte(Chosen(o, MarshalTypes.Ellipsis)); break;
            case PyStopIteration: Byte(Chosen(o, MarshalTypes.StopIteration)); break;
            case PyInt i: WriteInt(i); break;
            case PyFloat f: WriteFloat(f); break;
            case PyComplex c: WriteComplex(c); break;
            case PyBytes b: WriteBytes(b); break;
            case PyString s: WriteString(s); break;
            case PyTuple t: WriteTuple(t); break;
            case PyList l: TypeAndRef(l, MarshalTypes.List); Int32(l.Items.Length); WriteItems(l.Items); break;
            case PySet s:
                TypeAndRef(s, s.IsFrozen ? MarshalTypes.FrozenSet : MarshalTypes.Set);
                Int32(s.Items.Length);
                WriteItems(s.Items);
                break;
            case PyDict d: WriteDict(d); break;
            case PyCode code: WriteCode(code); break;
            case PySlice s:
                TypeAndRef(s, MarshalTypes.Slice);
                WriteObject(s.Start);
                WriteObject(s.Stop);
                WriteObject(s.Step);
                break;
            default:
                throw new InvalidOperationException($"unmarshallable object of type {o.TypeName}");
        }
        _depth--;
    }

    /// <summary>The type byte as read, or the default. Singletons never take a reference index in CPython.</summary>
    private static byte Chosen(PyObject o, byte defaultType) => o.MarshalType != 0 ? o.MarshalType : defaultType;

    /// <summary>Writes the type byte and, if it carries FLAG_REF, gives the object the next reference index.</summary>
    private void TypeAndRef(PyObject o, byte defaultType)
    {
        byte type = Chosen(o, defaultType);
        Byte(type);
        if ((type & MarshalTypes.FlagRef) != 0 && _format.HasRefs)
            _refs.Add(o, _refs.Count);
    }

    private void WriteInt(PyInt i)
    {
        byte type = i.MarshalType;
        if (type == 0)
        {
            // Python 2's int is a C long: its writer uses 'I' past 32 bits (64-bit builds); 'l' is the long type.
            type = i.Value >= int.MinValue && i.Value <= int.MaxValue ? MarshalTypes.Int
                : _format.IsPython2 && i.Value >= long.MinValue && i.Value <= long.MaxValue ? MarshalTypes.Int64
                : MarshalTypes.Long;
        }
        TypeAndRef(i, type);
        switch (type & ~MarshalTypes.FlagRef)
        {
            case MarshalTypes.Int: Int32((int)i.Value); break;
            case MarshalTypes.Int64: Int64((long)i.Value); break;
            default: WriteLongDigits(i.Value); break;
        }
    }

    private void WriteLongDigits(BigInteger value)
    {
        var magnitude = BigInteger.Abs(value);
        if (magnitude.IsZero)
        {
            Int32(0);
            return;
        }
        var bytes = magnitude.ToByteArray(isUnsigned: true, isBigEndian: false);
        int bits = (int)magnitude.GetBitLength();
        int count = (bits + 14) / 15;
        Int32(value.Sign < 0 ? -count : count);
        for (int d = 0; d < count; d++)
        {
            int bit = d * 15;
            int byteIndex = bit >> 3, shift = bit & 7;
            int v = bytes[byteIndex];
            if (byteIndex + 1 < bytes.Length) v |= bytes[byteIndex + 1] << 8;
            if (byteIndex + 2 < bytes.Length) v |= bytes[byteIndex + 2] << 16;
            Int16((ushort)((v >> shift) & 0x7FFF));
        }
    }

    private void WriteFloat(PyFloat f)
    {
        byte type = Chosen(f, MarshalTypes.BinaryFloat);
        TypeAndRef(f, type);
        if ((type & ~MarshalTypes.FlagRef) == MarshalTypes.Float)
            FloatText(f.Text, f.Value);
        else
            Double(f.Value);
    }

    private void WriteComplex(PyComplex c)
    {
        byte type = Chosen(c, MarshalTypes.BinaryComplex);
        TypeAndRef(c, type);
        if ((type & ~MarshalTypes.FlagRef) == MarshalTypes.Complex)
        {
            FloatText(c.RealText, c.Real);
            FloatText(c.ImagText, c.Imag);
        }
        else
        {
            Double(c.Real);
            Double(c.Imag);
        }
    }

    private void FloatText(System.Collections.Immutable.ImmutableArray<byte> text, double value)
    {
        var bytes = text.IsDefault ? System.Text.Encoding.ASCII.GetBytes(
            value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)) : text.AsSpan().ToArray();
        Byte((byte)bytes.Length);
        Raw(bytes);
    }

    private void WriteBytes(PyBytes b)
    {
        byte type = Chosen(b, MarshalTypes.String);
        if (_format.IsPython2 && (type & ~MarshalTypes.FlagRef) == MarshalTypes.Interned)
        {
            // Python 2: the first occurrence of an interned str is written in full, later ones as 'R' + index.
            _interned ??= new(ReferenceEqualityComparer.Instance);
            if (_interned.TryGetValue(b, out int index))
            {
                Byte(MarshalTypes.StringRef);
                Int32(index);
                return;
            }
            _interned.Add(b, _interned.Count);
        }
        TypeAndRef(b, type);
        Int32(b.Length);
        Raw(b.Span);
    }

    private void WriteString(PyString s)
    {
        byte type = s.MarshalType;
        if (type == 0)
            type = DefaultStringType(s);
        TypeAndRef(s, type);
        switch (type & ~MarshalTypes.FlagRef)
        {
            case MarshalTypes.ShortAscii:
            case MarshalTypes.ShortAsciiInterned:
                Byte((byte)s.Payload.Length);
                break;
            default:
                Int32(s.Payload.Length);
                break;
        }
        Raw(s.Payload.Span);
    }

    /// <summary>What CPython's w_object picks for a str (marshal version 4 short/ASCII forms from 3.4).</summary>
    private byte DefaultStringType(PyString s)
    {
        if (s.PayloadKind == StringPayload.Latin1 && !s.IsAscii)
            throw new InvalidOperationException("a Latin-1 payload that is not ASCII can only be written as read");
        if (_format.HasCompactForms && s.IsAscii)
        {
            if (s.Payload.Length < 256)
                return s.IsInterned ? MarshalTypes.ShortAsciiInterned : MarshalTypes.ShortAscii;
            return s.IsInterned ? MarshalTypes.AsciiInterned : MarshalTypes.Ascii;
        }
        return s.IsInterned && !_format.IsPython2 ? MarshalTypes.Interned : MarshalTypes.Unicode;
    }

    private void WriteTuple(PyTuple t)
    {
        byte type = t.MarshalType;
        if (type == 0)
            type = _format.HasCompactForms && t.Items.Length < 256 ? MarshalTypes.SmallTuple : MarshalTypes.Tuple;
        TypeAndRef(t, type);
        if ((type & ~MarshalTypes.FlagRef) == MarshalTypes.SmallTuple)
            Byte((byte)t.Items.Length);
        else
            Int32(t.Items.Length);
        WriteItems(t.Items);
    }

    private void WriteItems(System.Collections.Immutable.ImmutableArray<PyObject> items)
    {
        foreach (var item in items)
            WriteObject(item);
    }

    private void WriteDict(PyDict d)
    {
        TypeAndRef(d, MarshalTypes.Dict);
        foreach (var (key, value) in d.Entries)
        {
            WriteObject(key);
            WriteObject(value);
        }
        if (d.DanglingKey is not null)
            WriteObject(d.DanglingKey);
        Byte(_irregularities.FlaggedNulls.Contains(_nullCount++) ? (byte)(MarshalTypes.Null | MarshalTypes.FlagRef) : MarshalTypes.Null);
    }

    private void WriteCode(PyCode c)
    {
        TypeAndRef(c, MarshalTypes.Code);
        var layout = c.Layout;
        Int32(c.ArgCount);
        if (layout >= CodeLayout.Python38)
            Int32(c.PosOnlyArgCount);
        if (layout >= CodeLayout.Python30)
            Int32(c.KwOnlyArgCount);
        if (layout < CodeLayout.Python311)
            Int32(c.NLocals);
        Int32(c.StackSize);
        Int32(c.Flags);
        WriteObject(c.Code);
        WriteObject(c.Consts);
        WriteObject(c.Names);
        if (layout < CodeLayout.Python311)
        {
            WriteObject(Required(c.VarNames, "co_varnames"));
            WriteObject(Required(c.FreeVars, "co_freevars"));
            WriteObject(Required(c.CellVars, "co_cellvars"));
        }
        else
        {
            WriteObject(Required(c.LocalsPlusNames, "co_localsplusnames"));
            WriteObject(Required(c.LocalsPlusKinds, "co_localspluskinds"));
        }
        WriteObject(c.Filename);
        WriteObject(c.Name);
        if (layout >= CodeLayout.Python311)
            WriteObject(Required(c.QualName, "co_qualname"));
        Int32(c.FirstLineNo);
        WriteObject(c.LineTable);
        if (layout >= CodeLayout.Python311)
            WriteObject(Required(c.ExceptionTable, "co_exceptiontable"));
    }

    private static PyObject Required(PyObject? o, string field) =>
        o ?? throw new InvalidOperationException($"code object has no {field}, which its layout requires");

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length)
            return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + extra));
    }

    private void Byte(byte b)
    {
        Ensure(1);
        _buffer[_length++] = b;
    }

    private void Int16(ushort v)
    {
        Ensure(2);
        BinaryPrimitives.WriteUInt16LittleEndian(_buffer.AsSpan(_length), v);
        _length += 2;
    }

    private void Int32(int v)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.AsSpan(_length), v);
        _length += 4;
    }

    private void Int64(long v)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(_length), v);
        _length += 8;
    }

    private void Double(double v)
    {
        Ensure(8);
        BinaryPrimitives.WriteDoubleLittleEndian(_buffer.AsSpan(_length), v);
        _length += 8;
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }
}
