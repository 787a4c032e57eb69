using PycSharp.Runtime.Builtins;
using PycSharp.Runtime.Objects;

namespace PycSharp.Runtime.Library;

/// <summary>
/// Named tuples of the C modules (Objects/structseq.c): sys.version_info, sys.float_info, time.struct_time.
/// The first <c>visible</c> fields form the tuple; the rest are attributes only (struct_time's tm_zone, tm_gmtoff).
/// </summary>
internal sealed class StructSequence
{
    private readonly string[] _fields;
    private readonly int _visible;

    public PyType Type { get; }

    /// <param name="qualifiedRepr">False for the collections.namedtuple look-alikes (functools.CacheInfo), whose repr has no module.</param>
    public StructSequence(string module, string name, string[] fields, int? visible = null, bool qualifiedRepr = true)
    {
        _fields = fields;
        _visible = visible ?? fields.Length;
        var t = new PyType(name, PyType.TupleType) { Module = module, IsBaseType = false, HasDict = true };
        t.ComputeMro();
        Type = t;
        string fullName = module == "builtins" || !qualifiedRepr ? name : module + "." + name;
        t.Repr = o =>
        {
            var items = ((PyTuple)o).Items;
            var parts = new List<string>();
            for (int i = 0; i < _visible; i++)
                parts.Add(_fields[i] + "=" + Ops.ReprText(items[i]));
            return PyStr.Of(fullName + "(" + string.Join(", ", parts) + ")");
        };
        for (int i = 0; i < fields.Length; i++)
        {
            int index = i;
            if (index < _visible)
                TypeSetup.Getter(t, fields[i], o => ((PyTuple)o).Items[index]);
            else
                TypeSetup.Getter(t, fields[i], o => o.Dict!.GetStr(_fields[index]) ?? PyNone.Instance);
        }
        t.TypeDict.SetStr("n_sequence_fields", PyInt.Of(_visible));
        t.TypeDict.SetStr("n_fields", PyInt.Of(fields.Length));
        t.TypeDict.SetStr("n_unnamed_fields", PyInt.Zero);
        t.New = (type, args, kw) =>
        {
            Args.Range(name, args, kw, 1, 2);
            var seq = Ops.ToArray(args[0]);
            if (seq.Length < _visible)
                throw Err.Type($"{fullName}() takes an at least {_visible}-sequence ({seq.Length}-sequence given)");
            if (seq.Length > _fields.Length)
                throw Err.Type($"{fullName}() takes an at most {_fields.Length}-sequence ({seq.Length}-sequence given)");
            return Make(seq);
        };
    }

    /// <summary>An instance from all field values (missing hidden fields are None).</summary>
    public PyTuple Make(params PyObject[] values)
    {
        var r = PyTuple.Subclass(Type, values[.._visible]);
        for (int i = _visible; i < _fields.Length; i++)
            r.Dict!.SetStr(_fields[i], i < values.Length ? values[i] : PyNone.Instance);
        return r;
    }
}
