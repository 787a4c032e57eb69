using BenchmarkDotNet.Attributes;
using PycSharp.Format;
using PycSharp.Format.Marshal;
using PycSharp.Format.Objects;

namespace PycSharp.Bench;

/// <summary>One file's marshal body, named by its file name in BenchmarkDotNet's table.</summary>
public sealed class PycInput(string name, byte[] body)
{
    public byte[] Body { get; } = body;
    public override string ToString() => name;
}

/// <summary>
/// Mode <c>micro</c>: BenchmarkDotNet (in-process, with MemoryDiagnoser) on the few largest files of the corpus
/// (PYCSHARP_BENCH_DIR, default the 3.11.7 standard library folder), for profiling single large inputs.
/// </summary>
[MemoryDiagnoser]
public class MicroBench
{
    private readonly MarshalFormat _format = MarshalFormat.For(Corpus.Version);

    public static IEnumerable<PycInput> Inputs()
    {
        var corpus = Corpus.Load(Corpus.DefaultDir);
        return Enumerable.Range(0, corpus.Files.Count)
            .OrderByDescending(i => corpus.Files[i].Length)
            .Take(3)
            .Select(i => new PycInput(
                Path.GetFileName(corpus.Paths[i]).Replace(".cpython-311.pyc", "", StringComparison.Ordinal),
                corpus.Files[i][corpus.HeaderSize..]))
            .ToList();
    }

    [ParamsSource(nameof(Inputs))]
    public PycInput Input { get; set; } = null!;

    [Benchmark]
    public PyObject Read() => MarshalReader.Read(Input.Body, _format, out _);
}
