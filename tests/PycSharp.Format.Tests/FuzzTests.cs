using System.Diagnostics;
using PycSharp.Format.Pyc;
using Xunit.Abstractions;

namespace PycSharp.Format.Tests;

/// <summary>
/// Damaged and hostile input: every fixture truncated at every length, and 100,000 mutated files (byte flips,
/// splices, insertions, bogus lengths). The only exception allowed is <see cref="PycFormatException"/>; no input may
/// allocate more than 64 MiB or take long; and whatever reads successfully must write back to the same bytes.
/// </summary>
public class FuzzTests(ITestOutputHelper output)
{
    private const long MaxAllocationPerInput = 64L << 20;
    private static readonly TimeSpan s_maxTimePerInput = TimeSpan.FromSeconds(2);

    public static TheoryData<string> Versions() => PycFixtureTests.Versions();

    [Theory]
    [MemberData(nameof(Versions))]
    public void Every_truncation_of_every_fixture_is_a_format_error(string version)
    {
        long inputs = 0;
        foreach (var path in Directory.GetFiles(Path.Combine(Repo.Fixtures, version), "*.pyc").Order(StringComparer.Ordinal))
        {
            var data = File.ReadAllBytes(path);
            for (int length = 0; length < data.Length; length++)
            {
                var e = Assert.Throws<PycFormatException>(() => PycFile.Read(data.AsSpan(0, length)));
                Assert.InRange(e.Offset, 0, length);
                inputs++;
            }
        }
        output.WriteLine($"{version}: {inputs} truncated inputs, all refused with a format error");
        Assert.True(inputs > 10_000);
    }

    [Fact]
    public void Mutated_files_fail_cleanly_or_round_trip()
    {
        const int seed = 20261121;
        const int count = 100_000;
        var random = new Random(seed);
        var corpus = Repo.FixturePycs().Select(p => File.ReadAllBytes(p.Path)).ToArray();
        int read = 0, refused = 0;
        long maxAllocated = 0;
        var slowest = TimeSpan.Zero;
        var reasons = new Dictionary<string, int>();
        var clock = new Stopwatch();
        for (int i = 0; i < count; i++)
        {
            var input = Mutate(random, corpus);
            long before = GC.GetAllocatedBytesForCurrentThread();
            clock.Restart();
            PycFile? file = null;
            try
            {
                file = PycFile.Read(input);
            }
            catch (PycFormatException e)
            {
                Assert.InRange(e.Offset, 0, input.Length);
                var key = System.Text.RegularExpressions.Regex.Replace(e.Reason, @"0x[0-9a-f]+|\d+|'[^']*'", "N");
                key = key.Length > 72 ? key[..72] : key;
                reasons[key] = reasons.GetValueOrDefault(key) + 1;
                refused++;
            }
            catch (Exception e)
            {
                Assert.Fail($"input {i} (saved as {Save(input, seed, i)}) threw {e.GetType().Name}: {e.Message}");
            }
            if (file is not null)
            {
                read++;
                if (!input.AsSpan().SequenceEqual(file.ToBytes()))
                    Assert.Fail($"input {i} (saved as {Save(input, seed, i)}) reads but does not write back identically");
            }
            clock.Stop();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            maxAllocated = Math.Max(maxAllocated, allocated);
            if (clock.Elapsed > slowest)
                slowest = clock.Elapsed;
            Assert.True(allocated < MaxAllocationPerInput, $"input {i} allocated {allocated} bytes");
            Assert.True(clock.Elapsed < s_maxTimePerInput, $"input {i} took {clock.Elapsed}");
        }
        output.WriteLine($"{count} mutated inputs: {read} read and round-tripped, {refused} refused; " +
                         $"max allocation {maxAllocated} bytes, slowest {slowest.TotalMilliseconds:F2} ms");
        foreach (var (reason, n) in reasons.OrderByDescending(r => r.Value))
            output.WriteLine($"  {n,6}  {reason}");
        Assert.Equal(count, read + refused);
        // The mutations must exercise both sides: some inputs still read, most are refused for varied reasons.
        Assert.True(read > 100 && refused > count / 2 && reasons.Count > 8, $"read {read}, refused {refused}, {reasons.Count} reasons");
    }

    private static string Save(byte[] input, int seed, int index)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pycsharp-fuzz-{seed}-{index}.pyc");
        File.WriteAllBytes(path, input);
        return path;
    }

    /// <summary>One damaged copy of a random fixture.</summary>
    private static byte[] Mutate(Random random, byte[][] corpus)
    {
        var original = corpus[random.Next(corpus.Length)];
        var data = new List<byte>(original);
        // Mostly damage the marshal data, sometimes the header too.
        int low = random.Next(8) == 0 ? 0 : Math.Min(16, data.Count - 1);
        int Pick() => random.Next(low, data.Count);
        int rounds = 1 + random.Next(3);
        for (int r = 0; r < rounds && data.Count > low + 1; r++)
        {
            switch (random.Next(7))
            {
                case 0: // flip bits of one byte
                    data[Pick()] ^= (byte)(1 << random.Next(8));
                    break;
                case 1: // random byte
                    data[Pick()] = (byte)random.Next(256);
                    break;
                case 2: // bogus 32-bit length or count after a random position
                {
                    int at = Pick();
                    int[] bogus = [-1, int.MaxValue, 0x7FFFFFF0, 1 << 24, 65536, 256, 255];
                    var value = BitConverter.GetBytes(bogus[random.Next(bogus.Length)]);
                    for (int k = 0; k < 4 && at + k < data.Count; k++)
                        data[at + k] = value[k];
                    break;
                }
                case 3: // splice in a chunk of another fixture
                {
                    var other = corpus[random.Next(corpus.Length)];
                    int from = random.Next(other.Length), length = random.Next(1, Math.Min(64, other.Length - from) + 1);
                    int at = Pick();
                    data.InsertRange(at, other.AsSpan(from, length).ToArray());
                    break;
                }
                case 4: // delete a run
                {
                    int at = Pick();
                    data.RemoveRange(at, Math.Min(random.Next(1, 16), data.Count - at));
                    break;
                }
                case 5: // duplicate a run
                {
                    int at = Pick();
                    int length = Math.Min(random.Next(1, 32), data.Count - at);
                    data.InsertRange(at, data.GetRange(at, length));
                    break;
                }
                default: // truncate
                {
                    int at = Pick();
                    data.RemoveRange(at, data.Count - at);
                    break;
                }
            }
        }
        return data.ToArray();
    }
}
