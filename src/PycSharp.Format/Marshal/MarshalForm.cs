using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using PycSharp.Format.Objects;

namespace PycSharp.Format.Marshal;

/// <summary>
/// How each object of a module was marshalled — its type byte (FLAG_REF included), or a back-reference to an
/// earlier object — as one short line per code object, so that a tree rebuilt from text (.pyasm) can be written
/// back to the same bytes. Tokens are in the order <see cref="MarshalWriter"/> writes objects (see its WriteCode):
/// two hex digits for a type byte (00: none recorded), <c>rN</c> for a reference to the N-th object written with
/// FLAG_REF, <c>iN</c> for Python 2's reference to the N-th interned string. A code object's line starts with its
/// own type byte and leaves out the objects of the code objects nested in it, which have their own lines.
/// </summary>
public static class MarshalForm
{
    public static Dictionary<PyCode, string> Describe(PyCode root, MarshalFormat format)
    {
        var forms = new Dictionary<PyCode, string>(ReferenceEqualityComparer.Instance);
        var registered = new Dictionary<PyObject, int>(ReferenceEqualityComparer.Instance);
        var interned = new Dictionary<PyObject, int>(ReferenceEqualityComparer.Instance);
        Visit(root, null);
        return forms;

        void Visit(PyObject o, List<string>? tokens)
        {
            if (registered.TryGetValue(o, out int index))
            {
                tokens?.Add("r" + index.ToString(CultureInfo.InvariantCulture));
                return;
            }
            if (format.IsPython2 && o is PyBytes { IsInterned: true } && interned.TryGetValue(o, out int j))
            {
                tokens?.Add("i" + j.ToString(CultureInfo.InvariantCulture));
                return;
            }
            var own = o is PyCode ? new List<string>() : tokens!;
            own.Add(o.MarshalType.ToString("x2", CultureInfo.InvariantCulture));
            Register(o, o.MarshalType, format, registered, interned);
            foreach (var child in Children(o))
                Visit(child, own);
            if (o is PyCode code)
                forms[code] = string.Join(' ', own);
        }
    }

    /// <summary>
    /// The tree with the recorded forms applied (objects rebuilt with their type bytes, references made to the same
    /// objects). Where a line does not fit the tree (the text was edited), the rest of that code object keeps the
    /// forms the writer picks for new objects.
    /// </summary>
    public static PyCode Apply(PyCode root, MarshalFormat format, IReadOnlyDictionary<PyCode, string> forms)
    {
        var registered = new List<PyObject>();
        var interned = new List<PyObject>();
        return (PyCode)Rebuild(root, null);

        PyObject Rebuild(PyObject o, Tokens? tokens)
        {
            if (o is PyCode code)
                tokens = new Tokens(forms.TryGetValue(code, out var form) ? form : null);
            string? token = tokens!.Next();
            if (token is ['r' or 'i', ..])
            {
                var list = token[0] == 'r' ? registered : interned;
                if (int.TryParse(token.AsSpan(1), CultureInfo.InvariantCulture, out int n) && n < list.Count && SameValue(list[n], o))
                    return list[n];
                tokens.Stop();
                token = null;
            }
            byte type = token is { Length: 2 } && byte.TryParse(token, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out byte t) ? t : (byte)0;
            if (type != 0 && !Fits(o, type, format))
            {
                tokens.Stop();
                type = 0;
            }
            // Reference indexes are given in pre-order, before the children are written: reserve the slot first.
            int slot = -1, internedSlot = -1;
            var (reference, isInterned) = Indexes(o, type, format);
            if (isInterned)
            {
                internedSlot = interned.Count;
                interned.Add(o);
            }
            if (reference)
            {
                slot = registered.Count;
                registered.Add(o);
            }
            var rebuilt = With(o, type, child => Rebuild(child, tokens));
            if (slot >= 0)
                registered[slot] = rebuilt;
            if (internedSlot >= 0)
                interned[internedSlot] = rebuilt;
            return rebuilt;
        }
    }

    private sealed class Tokens(string? form)
    {
        private readonly string[] _tokens = form?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        private int _next;
        private bool _stopped = form is null;

        public string? Next() => _stopped || _next >= _tokens.Length ? null : _tokens[_next++];

        public void Stop() => _stopped = true;
    }

    private static bool IsSingleton(PyObject o) => o is PyNone or PyBool or PyEllipsis or PyStopIteration;

    /// <summary>What MarshalWriter does on writing an object with this type byte: FLAG_REF objects take the next
    /// reference index, Python 2's interned strings the next interned index; singletons take neither.</summary>
    private static (bool Reference, bool Interned) Indexes(PyObject o, byte type, MarshalFormat format) =>
        IsSingleton(o)
            ? (false, false)
            : ((type & MarshalTypes.FlagRef) != 0 && format.HasRefs,
               format.IsPython2 && o is PyBytes && (type & ~MarshalTypes.FlagRef) == MarshalTypes.Interned);

    private static void Register(PyObject o, byte type, MarshalFormat format, Dictionary<PyObject, int> registered, Dictionary<PyObject, int> interned)
    {
        var (reference, isInterned) = Indexes(o, type, format);
        if (isInterned)
            interned.TryAdd(o, interned.Count);
        if (reference)
            registered.TryAdd(o, registered.Count);
    }

    /// <summary>The objects MarshalWriter writes inside this one, in its order (see its WriteCode).</summary>
    public static IEnumerable<PyObject> Children(PyObject o)
    {
        switch (o)
        {
            case PyTuple t:
                return t.Items;
            case PyList l:
                return l.Items;
            case PySet s:
                return s.Items;
            case PyDict d:
                return d.Entries.SelectMany(e => new[] { e.Key, e.Value }).Concat(d.DanglingKey is { } k ? [k] : []);
            case PySlice s:
                return [s.Start, s.Stop, s.Step];
            case PyCode c:
                var fields = new List<PyObject?> { c.Code, c.Consts, c.Names };
                if (c.Layout < CodeLayout.Python311)
                    fields.AddRange([c.VarNames, c.FreeVars, c.CellVars]);
                else
                    fields.AddRange([c.LocalsPlusNames, c.LocalsPlusKinds]);
                fields.AddRange([c.Filename, c.Name]);
                if (c.Layout >= CodeLayout.Python311)
                    fields.Add(c.QualName);
                fields.Add(c.LineTable);
                if (c.Layout >= CodeLayout.Python311)
                    fields.Add(c.ExceptionTable);
                return fields.OfType<PyObject>();
            default:
                return [];
        }
    }

    /// <summary>Can this object be written with this type byte?</summary>
    private static bool Fits(PyObject o, byte type, MarshalFormat format)
    {
        byte t = (byte)(type & ~MarshalTypes.FlagRef);
        return o switch
        {
            PyNone => t == MarshalTypes.None,
            PyBool b => t == (b.Value ? MarshalTypes.True : MarshalTypes.False),
            PyEllipsis => t == MarshalTypes.Ellipsis,
            PyStopIteration => t == MarshalTypes.StopIteration,
            PyInt i => t == MarshalTypes.Long
                || (t == MarshalTypes.Int && i.Value >= int.MinValue && i.Value <= int.MaxValue)
                || (t == MarshalTypes.Int64 && i.Value >= long.MinValue && i.Value <= long.MaxValue),
            PyFloat => t == MarshalTypes.BinaryFloat,
            PyComplex => t == MarshalTypes.BinaryComplex,
            PyString s => t is MarshalTypes.Unicode || (t == MarshalTypes.Interned && !format.IsPython2)
                || (s.IsAscii && (t is MarshalTypes.Ascii or MarshalTypes.AsciiInterned
                    || (t is MarshalTypes.ShortAscii or MarshalTypes.ShortAsciiInterned && s.Payload.Length < 256))),
            PyBytes => t == MarshalTypes.String || (t == MarshalTypes.Interned && format.IsPython2),
            PyTuple tu => t == MarshalTypes.Tuple || (t == MarshalTypes.SmallTuple && tu.Items.Length < 256),
            PyList => t == MarshalTypes.List,
            PySet s => t == (s.IsFrozen ? MarshalTypes.FrozenSet : MarshalTypes.Set),
            PyDict => t == MarshalTypes.Dict,
            PySlice => t == MarshalTypes.Slice,
            PyCode => t == MarshalTypes.Code,
            _ => false,
        };
    }

    /// <summary>A copy of <paramref name="o"/> with this type byte (0: as new) and its children rebuilt.</summary>
    private static PyObject With(PyObject o, byte type, Func<PyObject, PyObject> child)
    {
        ImmutableArray<PyObject> Items(ImmutableArray<PyObject> items) => [.. items.Select(child)];
        switch (o)
        {
            case PyNone or PyBool or PyEllipsis or PyStopIteration:
                return o; // singletons: CPython writes them without FLAG_REF
            case PyInt i:
                return type == 0 ? new PyInt(i.Value) : new PyInt(i.Value, type);
            case PyFloat f:
                return new PyFloat(f.Value, default, type);
            case PyComplex c:
                return new PyComplex(c.Real, c.Imag, default, default, type);
            case PyString s:
            {
                bool interned = (type & ~MarshalTypes.FlagRef) is MarshalTypes.Interned or MarshalTypes.AsciiInterned or MarshalTypes.ShortAsciiInterned;
                return new PyString(s.Payload, s.PayloadKind, type, type == 0 ? s.IsInterned : interned);
            }
            case PyBytes b:
                return new PyBytes(b.Value, type);
            case PyTuple t:
                return new PyTuple(Items(t.Items), type);
            case PyList l:
                return new PyList(Items(l.Items), type);
            case PySet s:
                return new PySet(Items(s.Items), s.IsFrozen, type);
            case PyDict d:
            {
                var entries = d.Entries.Select(e => new KeyValuePair<PyObject, PyObject>(child(e.Key), child(e.Value))).ToImmutableArray();
                return new PyDict(entries, d.DanglingKey is { } k ? child(k) : null, type);
            }
            case PySlice s:
            {
                var start = child(s.Start);
                var stop = child(s.Stop);
                return new PySlice(start, stop, child(s.Step), type);
            }
            case PyCode c:
            {
                // Children in writer order: the fields are rebuilt one by one in the order Children lists them.
                var code = child(c.Code);
                var consts = child(c.Consts);
                var names = child(c.Names);
                PyObject? varNames = null, freeVars = null, cellVars = null, localsPlusNames = null, localsPlusKinds = null;
                if (c.Layout < CodeLayout.Python311)
                {
                    varNames = c.VarNames is null ? null : child(c.VarNames);
                    freeVars = c.FreeVars is null ? null : child(c.FreeVars);
                    cellVars = c.CellVars is null ? null : child(c.CellVars);
                }
                else
                {
                    localsPlusNames = c.LocalsPlusNames is null ? null : child(c.LocalsPlusNames);
                    localsPlusKinds = c.LocalsPlusKinds is null ? null : child(c.LocalsPlusKinds);
                }
                var filename = child(c.Filename);
                var name = child(c.Name);
                var qualName = c.Layout >= CodeLayout.Python311 && c.QualName is not null ? child(c.QualName) : c.QualName;
                var lineTable = child(c.LineTable);
                var exceptionTable = c.Layout >= CodeLayout.Python311 && c.ExceptionTable is not null ? child(c.ExceptionTable) : c.ExceptionTable;
                return new PyCode(type)
                {
                    Layout = c.Layout,
                    ArgCount = c.ArgCount,
                    PosOnlyArgCount = c.PosOnlyArgCount,
                    KwOnlyArgCount = c.KwOnlyArgCount,
                    NLocals = c.NLocals,
                    StackSize = c.StackSize,
                    Flags = c.Flags,
                    FirstLineNo = c.FirstLineNo,
                    Code = (PyBytes)code,
                    Consts = (PyTuple)consts,
                    Names = (PyTuple)names,
                    VarNames = (PyTuple?)varNames,
                    FreeVars = (PyTuple?)freeVars,
                    CellVars = (PyTuple?)cellVars,
                    LocalsPlusNames = (PyTuple?)localsPlusNames,
                    LocalsPlusKinds = (PyBytes?)localsPlusKinds,
                    Filename = filename,
                    Name = name,
                    QualName = qualName,
                    LineTable = (PyBytes)lineTable,
                    ExceptionTable = (PyBytes?)exceptionTable,
                };
            }
            default:
                return o;
        }
    }

    /// <summary>The same Python value (a reference recorded in the text must still point at an equal object).</summary>
    private static bool SameValue(PyObject a, PyObject b) => (a, b) switch
    {
        (PyString x, PyString y) => x.Payload.Span.SequenceEqual(y.Payload.Span),
        (PyBytes x, PyBytes y) => x.Span.SequenceEqual(y.Span),
        (PyInt x, PyInt y) => x.Value == y.Value,
        (PyFloat x, PyFloat y) => BitConverter.DoubleToInt64Bits(x.Value) == BitConverter.DoubleToInt64Bits(y.Value),
        (PyComplex x, PyComplex y) => x.Real.Equals(y.Real) && x.Imag.Equals(y.Imag),
        (PyTuple x, PyTuple y) => Same(x.Items, y.Items),
        (PyList x, PyList y) => Same(x.Items, y.Items),
        (PySet x, PySet y) => x.IsFrozen == y.IsFrozen && Same(x.Items, y.Items),
        (PySlice x, PySlice y) => SameValue(x.Start, y.Start) && SameValue(x.Stop, y.Stop) && SameValue(x.Step, y.Step),
        (PyDict x, PyDict y) => x.Entries.Length == y.Entries.Length
            && x.Entries.Zip(y.Entries).All(p => SameValue(p.First.Key, p.Second.Key) && SameValue(p.First.Value, p.Second.Value)),
        (PyCode x, PyCode y) => ReferenceEquals(x, y),
        _ => a.GetType() == b.GetType() && IsSingleton(a) && a.ToString() == b.ToString(),
    };

    private static bool Same(ImmutableArray<PyObject> a, ImmutableArray<PyObject> b)
    {
        if (a.Length != b.Length)
            return false;
        for (int i = 0; i < a.Length; i++)
            if (!SameValue(a[i], b[i]))
                return false;
        return true;
    }
}
