using PycSharp.Format.Marshal;
using PycSharp.Format.Objects;

namespace PycSharp.Bench;

/// <summary>
/// Mode <c>census</c>: what the corpus is made of (objects per type, payload bytes), to tell where parsing time goes.
/// Objects reached twice through references are counted once.
/// </summary>
internal static class Census
{
    public static int Run(string dir)
    {
        var corpus = Corpus.Load(dir);
        var format = corpus.Format;
        var stats = new SortedDictionary<string, (long Count, long Bytes)>(StringComparer.Ordinal);
        long refFlagged = 0;
        long objects = 0;
        var seen = new HashSet<PyObject>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<PyObject>();
        foreach (var file in corpus.Files)
        {
            seen.Clear();
            stack.Push(MarshalReader.Read(file.AsSpan(corpus.HeaderSize), format, out _));
            while (stack.Count > 0)
            {
                var o = stack.Pop();
                if (!seen.Add(o))
                    continue;
                objects++;
                if (o.HasRefFlag)
                    refFlagged++;
                var (key, bytes) = Describe(o);
                stats[key] = stats.TryGetValue(key, out var s) ? (s.Count + 1, s.Bytes + bytes) : (1, bytes);
                foreach (var child in MarshalForm.Children(o))
                    stack.Push(child);
            }
        }
        Console.WriteLine($"files={corpus.Files.Count} bytes={corpus.BodyBytes} objects={objects} ref_flagged={refFlagged}");
        foreach (var (key, (count, bytes)) in stats.OrderByDescending(kv => kv.Value.Count))
            Console.WriteLine($"  {key,-24} count={count,10} payload_bytes={bytes,12}");
        return 0;
    }

    private static (string Key, long Bytes) Describe(PyObject o)
    {
        char code = (char)(o.MarshalType & ~0x80);
        return o switch
        {
            PyString s => ($"str '{code}'", s.Payload.Length),
            PyBytes b => ($"bytes '{code}'", b.Length),
            PyTuple t => ($"tuple '{code}'", t.Count),
            PyCode => ("code", 0),
            _ => ($"{o.TypeName} '{code}'", 0),
        };
    }
}
