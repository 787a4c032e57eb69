using PycSharp.Format;
using PycSharp.Format.Versions;

namespace PycSharp.Bench;

/// <summary>The .pyc files under a folder, read into memory once, filtered exactly as bench/marshal_cpython.py does.</summary>
internal sealed class Corpus
{
    /// <summary>Only files of this magic are kept: the one CPython 3.11 writes (3495), so both sides read the same set.</summary>
    public static readonly PythonVersion Version = new(3, 11);

    private Corpus(List<string> paths, List<byte[]> files, int skipped, int headerSize)
    {
        Paths = paths;
        Files = files;
        Skipped = skipped;
        HeaderSize = headerSize;
    }

    public List<string> Paths { get; }

    /// <summary>Whole files, header included; the reader is given <c>file[HeaderSize..]</c>.</summary>
    public List<byte[]> Files { get; }

    /// <summary>Files with another magic number (other versions, or too short), left out.</summary>
    public int Skipped { get; }

    public int HeaderSize { get; }

    public long BodyBytes => Files.Sum(f => (long)(f.Length - HeaderSize));

    public MarshalFormat Format => MarshalFormat.For(Version);

    public static Corpus Load(string dir)
    {
        if (!Directory.Exists(dir))
            throw new DirectoryNotFoundException($"no such directory: {dir}");
        var magic = MagicTable.ReleaseOf(Version) ?? throw new InvalidOperationException($"no magic for {Version}");
        var wanted = magic.Bytes();
        var all = Directory.EnumerateFiles(dir, "*.pyc", SearchOption.AllDirectories).ToList();
        all.Sort(StringComparer.Ordinal);
        var paths = new List<string>();
        var files = new List<byte[]>();
        int skipped = 0;
        foreach (var path in all)
        {
            var data = File.ReadAllBytes(path);
            if (data.Length < magic.HeaderSize || !data.AsSpan(0, 4).SequenceEqual(wanted))
            {
                skipped++;
                continue;
            }
            paths.Add(path);
            files.Add(data);
        }
        return new Corpus(paths, files, skipped, magic.HeaderSize);
    }

    public static string DefaultDir =>
        Environment.GetEnvironmentVariable("PYCSHARP_BENCH_DIR") is { Length: > 0 } d
            ? d
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv/versions/3.11.7/lib/python3.11");
}
