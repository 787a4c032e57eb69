using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PycSharp.Format.Objects;

namespace PycSharp.Format.Marshal;

/// <summary>Limits the reader enforces on untrusted data.</summary>
public sealed record MarshalReadOptions
{
    public static readonly MarshalReadOptions Default = new();

    /// <summary>Nesting depth limit; CPython's MAX_MARSHAL_STACK_DEPTH (Python/marshal.c) is 2000.</summary>
    public int MaxDepth { get; init; } = 2000;
}

/// <summary>
/// Reads marshal data the way CPython's <c>r_object</c> does (Python/marshal.c), into the immutable object model.
/// Every length is checked against the bytes left before anything is allocated; every failure is a
/// <see cref="PycFormatException"/> with the offset of the object at fault.
/// </summary>
public static class MarshalReader
{
    /// <summary>Reads one object. <paramref name="consumed"/> is the number of bytes it took.</summary>
    /// <param name="baseOffset">Added to offsets in error messages (e.g. the size of a .pyc header).</param>
    public static PyObject Read(ReadOnlySpan<byte> data, MarshalFormat format, out int consumed,
        MarshalReadOptions? options = null, long baseOffset = 0) =>
        Read(data.ToArray(), format, out consumed, out _, options, baseOffset);

    /// <summary>
    /// Reads one object, also returning the <paramref name="irregularities"/> that writing it back exactly needs.
    /// </summary>
    /// <param name="data">
    /// Not copied: string and bytes objects are slices of it (a profile of reading the 3.11 standard library
    /// showed one payload copy per object to cost a third of the time). The caller must not change it afterwards;
    /// the span overloads make a private copy first.
    /// </param>
    public static PyObject Read(ReadOnlyMemory<byte> data, MarshalFormat format, out int consumed,
        out MarshalIrregularities irregularities, MarshalReadOptions? options = null, long baseOffset = 0)
    {
        var reader = new Reader(data, format, options ?? MarshalReadOptions.Default, baseOffset);
        var result = reader.ReadObject();
        if (result is null)
            PycFormatException.Throw(baseOffset, "NULL object in marshal data for object");
        consumed = reader.Position;
        irregularities = reader.Irregularities();
        return result;
    }

    /// <summary>Reads one object, ignoring bytes after it (as <c>marshal.loads</c> does).</summary>
    public static PyObject Read(ReadOnlySpan<byte> data, MarshalFormat format, MarshalReadOptions? options = null) =>
        Read(data, format, out _, options);

    private ref struct Reader
    {
        private readonly ReadOnlyMemory<byte> _memory;
        private readonly ReadOnlySpan<byte> _data;
        private readonly MarshalFormat _format;
        private readonly int _maxDepth;
        private readonly long _base;
        private readonly bool _hasRefs;
        private int _pos;
        private int _depth;
        private List<PyObject?>? _refs;
        private List<PyObject>? _interned;
        private int _referenceCount;
        private int _nullCount;
        private List<int>? _flaggedReferences;
        private List<int>? _flaggedNulls;

        public Reader(ReadOnlyMemory<byte> data, MarshalFormat format, MarshalReadOptions options, long baseOffset)
        {
            _memory = data;
            _data = data.Span;
            _format = format;
            _maxDepth = options.MaxDepth;
            _base = baseOffset;
            _hasRefs = format.HasRefs;
        }

        public readonly int Position => _pos;

        public readonly MarshalIrregularities Irregularities() =>
            _flaggedReferences is null && _flaggedNulls is null
                ? MarshalIrregularities.None
                : new([.. _flaggedReferences ?? []], [.. _flaggedNulls ?? []]);

        private readonly int Left => _data.Length - _pos;

        /// <summary>Returns null for TYPE_NULL, which ends a dict and is an error anywhere else.</summary>
        public PyObject? ReadObject()
        {
            int start = _pos;
            if (_pos >= _data.Length)
                Fail(start, "EOF read where object expected");
            byte code = _data[_pos++];
            if (++_depth > _maxDepth)
                Fail(start, "recursion limit exceeded");
            bool flag = _hasRefs && (code & MarshalTypes.FlagRef) != 0;
            byte type = _hasRefs ? (byte)(code & ~MarshalTypes.FlagRef) : code;
            if (!_format.Accepts(type))
                Fail(start, "bad marshal data (unknown type code)");

            PyObject? result;
            switch (type)
            {
                case MarshalTypes.Null:
                    if (flag)
                        (_flaggedNulls ??= []).Add(_nullCount);
                    _nullCount++;
                    result = null;
                    break;
                case MarshalTypes.None:
                    result = code == type ? PyNone.Instance : new PyNone(code);
                    break;
                case MarshalTypes.True:
                    result = code == type ? PyBool.True : new PyBool(true, code);
                    break;
                case MarshalTypes.False:
                    result = code == type ? PyBool.False : new PyBool(false, code);
                    break;
                case MarshalTypes.Ellipsis:
                    result = code == type ? PyEllipsis.Instance : new PyEllipsis(code);
                    break;
                case MarshalTypes.StopIteration:
                    result = code == type ? PyStopIteration.Instance : new PyStopIteration(code);
                    break;
                case MarshalTypes.Int:
                    result = AddRef(flag, new PyInt(ReadInt32(), code));
                    break;
                case MarshalTypes.Int64:
                    result = AddRef(flag, new PyInt(BinaryPrimitives.ReadInt64LittleEndian(Take(8)), code));
                    break;
                case MarshalTypes.Long:
                    result = AddRef(flag, new PyInt(ReadLongDigits(start), code));
                    break;
                case MarshalTypes.Float:
                {
                    var text = ReadFloatText(out double value);
                    result = AddRef(flag, new PyFloat(value, text, code));
                    break;
                }
                case MarshalTypes.BinaryFloat:
                    result = AddRef(flag, new PyFloat(ReadDouble(), default, code));
                    break;
                case MarshalTypes.Complex:
                {
                    var realText = ReadFloatText(out double real);
                    var imagText = ReadFloatText(out double imag);
                    result = AddRef(flag, new PyComplex(real, imag, realText, imagText, code));
                    break;
                }
                case MarshalTypes.BinaryComplex:
                {
                    double real = ReadDouble();
                    double imag = ReadDouble();
                    result = AddRef(flag, new PyComplex(real, imag, default, default, code));
                    break;
                }
                case MarshalTypes.String:
                    result = AddRef(flag, new PyBytes(ReadPayload(ReadSize(start, "bytes object")), code));
                    break;
                case MarshalTypes.Interned when _format.IsPython2:
                {
                    var s = new PyBytes(ReadPayload(ReadSize(start, "string")), code);
                    (_interned ??= []).Add(s);
                    result = s;
                    break;
                }
                case MarshalTypes.StringRef:
                {
                    int n = ReadInt32();
                    if (_interned is null || n < 0 || n >= _interned.Count)
                        Fail(start, "bad marshal data (string ref out of range)");
                    result = _interned[n];
                    break;
                }
                case MarshalTypes.Unicode:
                case MarshalTypes.Interned:
                {
                    int n = ReadSize(start, "string");
                    int payloadStart = _pos;
                    var payload = ReadPayload(n);
                    int bad = Utf8Surrogatepass.FindError(payload.Span, out var why);
                    if (bad >= 0)
                        Fail(payloadStart + bad,
                            $"'utf-8' codec can't decode byte 0x{payload.Span[bad]:x2} in position {bad}: {why}");
                    result = AddRef(flag, new PyString(payload, StringPayload.Utf8, code, type == MarshalTypes.Interned));
                    break;
                }
                case MarshalTypes.Ascii:
                case MarshalTypes.AsciiInterned:
                {
                    var payload = ReadPayload(ReadSize(start, "string"));
                    result = AddRef(flag, new PyString(payload, StringPayload.Latin1, code, type == MarshalTypes.AsciiInterned));
                    break;
                }
                case MarshalTypes.ShortAscii:
                case MarshalTypes.ShortAsciiInterned:
                {
                    var payload = ReadPayload(ReadByte());
                    result = AddRef(flag, new PyString(payload, StringPayload.Latin1, code, type == MarshalTypes.ShortAsciiInterned));
                    break;
                }
                case MarshalTypes.SmallTuple:
                case MarshalTypes.Tuple:
                {
                    int n = type == MarshalTypes.SmallTuple ? ReadByte() : ReadSize(start, "tuple");
                    int idx = Reserve(flag, start);
                    var items = ReadItems(n, start, "tuple");
                    result = Fill(idx, new PyTuple(items, code));
                    break;
                }
                case MarshalTypes.List:
                {
                    int n = ReadSize(start, "list");
                    int idx = Reserve(flag, start);
                    result = Fill(idx, new PyList(ReadItems(n, start, "list"), code));
                    break;
                }
                case MarshalTypes.Set:
                case MarshalTypes.FrozenSet:
                {
                    int n = ReadSize(start, "set");
                    int idx = Reserve(flag, start);
                    result = Fill(idx, new PySet(ReadItems(n, start, "set"), type == MarshalTypes.FrozenSet, code));
                    break;
                }
                case MarshalTypes.Dict:
                    result = ReadDict(flag, code, start);
                    break;
                case MarshalTypes.Code:
                    result = ReadCode(flag, code, start);
                    break;
                case MarshalTypes.Ref:
                {
                    int n = ReadInt32();
                    if (_refs is null || n < 0 || n >= _refs.Count)
                        Fail(start, "bad marshal data (invalid reference)");
                    result = _refs[n] ?? FailCycle(start);
                    if (flag)
                        (_flaggedReferences ??= []).Add(_referenceCount);
                    _referenceCount++;
                    break;
                }
                case MarshalTypes.Slice:
                {
                    int idx = Reserve(flag, start);
                    var sliceStart = ReadRequired(start, "slice");
                    var stop = ReadRequired(start, "slice");
                    var step = ReadRequired(start, "slice");
                    result = Fill(idx, new PySlice(sliceStart, stop, step, code));
                    break;
                }
                default:
                    Fail(start, "bad marshal data (unknown type code)");
                    return null;
            }
            _depth--;
            return result;
        }

        private PyDict ReadDict(bool flag, byte code, int start)
        {
            int idx = Reserve(flag, start);
            var entries = ImmutableArray.CreateBuilder<KeyValuePair<PyObject, PyObject>>();
            PyObject? dangling = null;
            while (true)
            {
                var key = ReadObject();
                if (key is null)
                    break;
                var value = ReadObject();
                if (value is null)
                {
                    // Python/marshal.c stops the dict here without an error; keep the key to write it back.
                    dangling = key;
                    break;
                }
                entries.Add(new(key, value));
            }
            return (PyDict)Fill(idx, new PyDict(entries.ToImmutable(), dangling, code));
        }

        private PyCode ReadCode(bool flag, byte code, int start)
        {
            if (_format.CodeLayout is not { } layout)
            {
                Fail(start, $"code objects of Python {_format.Version} are not supported (only 2.3 and later)");
                return null!;
            }
            int idx = Reserve(flag, start);
            int argCount = ReadInt32();
            int posOnly = layout >= CodeLayout.Python38 ? ReadInt32() : 0;
            int kwOnly = layout >= CodeLayout.Python30 ? ReadInt32() : 0;
            int nlocals = layout < CodeLayout.Python311 ? ReadInt32() : 0;
            int stackSize = ReadInt32();
            int flags = ReadInt32();
            var bytecode = Field<PyBytes>(start, "co_code", "bytes");
            var consts = Field<PyTuple>(start, "co_consts", "tuple");
            var names = Names(start, "co_names");
            PyTuple? varNames = null, freeVars = null, cellVars = null, localsPlusNames = null;
            PyBytes? localsPlusKinds = null;
            if (layout < CodeLayout.Python311)
            {
                varNames = Names(start, "co_varnames");
                freeVars = Names(start, "co_freevars");
                cellVars = Names(start, "co_cellvars");
            }
            else
            {
                localsPlusNames = Names(start, "co_localsplusnames");
                localsPlusKinds = Field<PyBytes>(start, "co_localspluskinds", "bytes");
                if (localsPlusKinds.Length != localsPlusNames.Count)
                    Fail(start, "bad marshal data (code: co_localsplusnames and co_localspluskinds differ in length)");
            }
            var filename = Text(start, "co_filename");
            var name = Text(start, "co_name");
            var qualName = layout >= CodeLayout.Python311 ? Text(start, "co_qualname") : null;
            int firstLineNo = ReadInt32();
            var lineTable = Field<PyBytes>(start, _format.Version >= new PythonVersion(3, 10) ? "co_linetable" : "co_lnotab", "bytes");
            var exceptionTable = layout >= CodeLayout.Python311 ? Field<PyBytes>(start, "co_exceptiontable", "bytes") : null;

            var result = new PyCode(code)
            {
                Layout = layout,
                ArgCount = argCount,
                PosOnlyArgCount = posOnly,
                KwOnlyArgCount = kwOnly,
                NLocals = nlocals,
                StackSize = stackSize,
                Flags = flags,
                Code = bytecode,
                Consts = consts,
                Names = names,
                VarNames = varNames,
                FreeVars = freeVars,
                CellVars = cellVars,
                LocalsPlusNames = localsPlusNames,
                LocalsPlusKinds = localsPlusKinds,
                Filename = filename,
                Name = name,
                QualName = qualName,
                FirstLineNo = firstLineNo,
                LineTable = lineTable,
                ExceptionTable = exceptionTable,
            };
            return (PyCode)Fill(idx, result);
        }

        private T Field<T>(int codeStart, string field, string expected) where T : PyObject
        {
            int at = _pos;
            var o = ReadObject();
            if (o is T t)
                return t;
            Fail(o is null ? codeStart : at, o is null
                ? $"NULL object in marshal data for code object ({field})"
                : $"bad marshal data (code: {field} must be {expected}, not {o.TypeName})");
            return null!;
        }

        /// <summary>A tuple of identifiers: CPython rejects anything but strings there ("non-string found in code slot").</summary>
        private PyTuple Names(int codeStart, string field)
        {
            int at = _pos;
            var tuple = Field<PyTuple>(codeStart, field, "tuple");
            foreach (var item in tuple.Items)
                if (!IsText(item))
                    Fail(at, $"bad marshal data (code: non-string found in {field})");
            return tuple;
        }

        private PyObject Text(int codeStart, string field)
        {
            int at = _pos;
            var o = ReadObject();
            if (o is null)
                Fail(codeStart, $"NULL object in marshal data for code object ({field})");
            if (!IsText(o))
                Fail(at, $"bad marshal data (code: {field} must be str, not {o.TypeName})");
            return o;
        }

        private readonly bool IsText(PyObject o) => _format.IsPython2 ? o is PyBytes : o is PyString;

        private PyObject ReadRequired(int start, string what)
        {
            var o = ReadObject();
            if (o is null)
                Fail(start, $"NULL object in marshal data for {what}");
            return o;
        }

        private ImmutableArray<PyObject> ReadItems(int n, int start, string what)
        {
            // Every item takes at least one byte: a bogus count must not make us allocate.
            if (n > Left)
                Fail(_pos, $"EOF read where object expected ({what} of {n} items, {Left} bytes left)");
            if (n == 0)
                return ImmutableArray<PyObject>.Empty;
            var items = new PyObject[n];
            for (int i = 0; i < n; i++)
            {
                var item = ReadObject();
                if (item is null)
                    Fail(start, $"NULL object in marshal data for {what}");
                items[i] = item;
            }
            return ImmutableCollectionsMarshal.AsImmutableArray(items);
        }

        private int Reserve(bool flag, int start)
        {
            if (!flag)
                return -1;
            _refs ??= NewRefList();
            if (_refs.Count >= 0x7ffffffe)
                Fail(start, "bad marshal data (index list too large)");
            _refs.Add(null);
            return _refs.Count - 1;
        }

        private PyObject Fill(int idx, PyObject o)
        {
            if (idx >= 0)
                _refs![idx] = o;
            return o;
        }

        private PyObject AddRef(bool flag, PyObject o)
        {
            if (flag)
                (_refs ??= NewRefList()).Add(o);
            return o;
        }

        /// <summary>
        /// Sized for the data: a module of the 3.11 standard library flags about one object per 20 bytes, and growing
        /// the list from empty cost a tenth of reading it.
        /// </summary>
        private readonly List<PyObject?> NewRefList() => new(Math.Clamp(_data.Length / 24, 4, 1 << 16));

        private int ReadSize(int start, string what)
        {
            int n = ReadInt32();
            if (n < 0)
                Fail(start, $"bad marshal data ({what} size out of range)");
            return n;
        }

        private ReadOnlyMemory<byte> ReadPayload(int n)
        {
            if (n > Left)
                Fail(_pos, "marshal data too short");
            var payload = _memory.Slice(_pos, n);
            _pos += n;
            return payload;
        }

        private ReadOnlySpan<byte> Take(int n)
        {
            if (n > Left)
                Fail(_pos, "marshal data too short");
            var span = _data.Slice(_pos, n);
            _pos += n;
            return span;
        }

        private int ReadByte()
        {
            if (_pos >= _data.Length)
                Fail(_pos, "EOF read where object expected");
            return _data[_pos++];
        }

        private int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        private double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

        /// <summary>'f' and 'x': a length byte, then the float's repr in ASCII.</summary>
        private ImmutableArray<byte> ReadFloatText(out double value)
        {
            int n = ReadByte();
            int at = _pos;
            var text = Take(n);
            if (!TryParsePythonFloat(text, out value))
                Fail(at, $"could not convert string to float: '{System.Text.Encoding.Latin1.GetString(text)}'");
            return ImmutableCollectionsMarshal.AsImmutableArray(text.ToArray());
        }

        /// <summary>The 'l' form: a signed digit count, then 15-bit digits, least significant first.</summary>
        private BigInteger ReadLongDigits(int start)
        {
            int n = ReadInt32();
            if (n == 0)
                return BigInteger.Zero;
            if (n == int.MinValue)
                Fail(start, "bad marshal data (long size out of range)");
            int count = Math.Abs(n);
            if ((long)count * 2 > Left)
                Fail(_pos, "marshal data too short");
            var digits = Take(count * 2);
            // Pack 15-bit digits into a little-endian byte array.
            var bytes = new byte[(count * 15 + 7) / 8 + 1];
            int bit = 0;
            for (int i = 0; i < count; i++)
            {
                int d = BinaryPrimitives.ReadUInt16LittleEndian(digits.Slice(i * 2, 2));
                if (d > 0x7FFF)
                    Fail(start, "bad marshal data (digit out of range in long)");
                if (d == 0 && i == count - 1)
                    Fail(start, "bad marshal data (unnormalized long data)");
                int byteIndex = bit >> 3, shift = bit & 7;
                int v = d << shift;
                bytes[byteIndex] |= (byte)v;
                bytes[byteIndex + 1] |= (byte)(v >> 8);
                if (byteIndex + 2 < bytes.Length)
                    bytes[byteIndex + 2] |= (byte)(v >> 16);
                bit += 15;
            }
            var magnitude = new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
            return n < 0 ? -magnitude : magnitude;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private readonly PyObject FailCycle(int at)
        {
            Fail(at, "bad marshal data (invalid reference)");
            return null!;
        }

        [System.Diagnostics.CodeAnalysis.DoesNotReturn]
        private readonly void Fail(int at, string reason) => PycFormatException.Throw(_base + at, reason);
    }

    /// <summary>Parses float text as <c>PyOS_string_to_double</c> would (Python/pystrtod.c): inf/nan words accepted.</summary>
    internal static bool TryParsePythonFloat(ReadOnlySpan<byte> text, out double value)
    {
        Span<char> chars = stackalloc char[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] > 0x7F)
            {
                value = 0;
                return false;
            }
            chars[i] = (char)text[i];
        }
        ReadOnlySpan<char> s = chars;
        bool negative = false;
        ReadOnlySpan<char> body = s;
        if (body.Length > 0 && (body[0] == '+' || body[0] == '-'))
        {
            negative = body[0] == '-';
            body = body[1..];
        }
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? -double.NaN : double.NaN;
            return true;
        }
        foreach (var c in body)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-'))
            {
                value = 0;
                return false;
            }
        }
        return double.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value);
    }
}
