using System.Diagnostics;
using System.Runtime;
using PycSharp.Format;
using PycSharp.Format.Marshal;
using PycSharp.Format.Objects;

namespace PycSharp.Bench;

/// <summary>
/// Mode <c>marshal</c>: parse the marshal body of every file of a corpus, several rounds, and print the times.
/// </summary>
/// <remarks>
/// GC policy (the CPython side disables only its cycle collector; reference counting still frees every object):
/// <list type="bullet">
/// <item>The .NET GC is never switched off or put in a no-GC region: allocating and reclaiming the object model is
/// part of the reader's cost, as allocating and freeing (refcount to zero) is part of <c>marshal.loads</c>'.
/// Default settings: workstation, concurrent GC.</item>
/// <item>Default ("drop"): each result is dropped as soon as it is parsed, as a tool that processes one file at a
/// time does; CPython then frees it inside the timed loop, .NET reclaims it in gen0 collections inside the timed
/// loop.</item>
/// <item><c>--keep</c>: every result of a round stays alive until the round's clock stops, then all are dropped and a
/// full collection runs outside the timed region (CPython frees them outside it too). .NET then also pays for
/// promoting the survivors to older generations, which is the price of keeping 15k object graphs alive.</item>
/// <item>Between rounds (untimed) a full blocking collection runs on both sides, so no round inherits garbage.</item>
/// </list>
/// </remarks>
internal static class MarshalBench
{
    public static int Run(string dir, int repeat, int warmup, bool keep)
    {
        var corpus = Corpus.Load(dir);
        var format = corpus.Format;
        int header = corpus.HeaderSize;
        var files = corpus.Files;
        PyObject?[]? kept = keep ? new PyObject?[files.Count] : null;

        int failures = 0;
        var times = new List<double>();
        long check = 0;
        long allocated = 0;
        var pauses = new List<double>();
        for (int round = 0; round < warmup + repeat; round++)
        {
            FullCollect();
            int roundFailures = 0;
            long a0 = GC.GetTotalAllocatedBytes(precise: true);
            var p0 = GC.GetTotalPauseDuration();
            long t0 = Stopwatch.GetTimestamp();
            for (int i = 0; i < files.Count; i++)
            {
                try
                {
                    // The bytes stay unchanged, so the reader may share them (as PycFile.Load does with the file it read).
                    var o = MarshalReader.Read(files[i].AsMemory(header), format, out int consumed, out _);
                    check += consumed;
                    if (kept is not null)
                        kept[i] = o;
                }
                catch (PycFormatException e)
                {
                    roundFailures++;
                    if (round == 0 && roundFailures <= 10)
                        Console.Error.WriteLine($"failure: {corpus.Paths[i]}: {e.Message}");
                }
            }
            long t1 = Stopwatch.GetTimestamp();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - a0;
            var pause = (GC.GetTotalPauseDuration() - p0).TotalMilliseconds;
            if (kept is not null)
                Array.Clear(kept);
            if (round == 0)
                failures = roundFailures;
            if (round >= warmup)
            {
                times.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                pauses.Add(pause);
            }
        }
        GC.KeepAlive(check);

        double best = times.Min();
        double median = Median(times);
        Console.WriteLine(FormattableString.Invariant(
            $"pycsharp files={files.Count} bytes={corpus.BodyBytes} skipped={corpus.Skipped} failures={failures} rounds={repeat} mode={(keep ? "keep" : "drop")} best_ms={best:F1} median_ms={median:F1}"));
        Console.Error.WriteLine(FormattableString.Invariant(
            $"pycsharp alloc_mb_per_round={allocated / 1e6:F1} gc_pause_ms_median={Median(pauses):F1} rounds_ms={string.Join(',', times.Select(t => t.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))} gc_gen0={GC.CollectionCount(0)} gc_gen1={GC.CollectionCount(1)} gc_gen2={GC.CollectionCount(2)} server_gc={GCSettings.IsServerGC} latency={GCSettings.LatencyMode}"));
        return failures == 0 ? 0 : 1;
    }

    private static double Median(List<double> values)
    {
        var v = values.Order().ToList();
        return v.Count % 2 == 1 ? v[v.Count / 2] : (v[v.Count / 2 - 1] + v[v.Count / 2]) / 2;
    }

    private static void FullCollect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }
}
