using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PycSharp.Bench;

const string Usage = """
    usage:
      PycSharp.Bench marshal [DIR] [--repeat N] [--warmup N] [--keep]
          parse the marshal body of every 3.11 *.pyc under DIR (default: PYCSHARP_BENCH_DIR or
          ~/.pyenv/versions/3.11.7/lib/python3.11), N timed rounds (default 7) after 2 untimed ones
      PycSharp.Bench census [DIR]
          count the objects of the corpus by type (what the time is spent on)
      PycSharp.Bench micro [BenchmarkDotNet arguments...]
          BenchmarkDotNet with MemoryDiagnoser on the 3 largest files of PYCSHARP_BENCH_DIR (or the default)
    """;

try
{
    return Run(args);
}
catch (DirectoryNotFoundException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

static int Run(string[] args)
{
    switch (args.Length == 0 ? "" : args[0])
    {
        case "marshal":
            return RunMarshal(args[1..]);
        case "census":
            return Census.Run(args.Length > 1 ? args[1] : Corpus.DefaultDir);
        case "micro":
        {
            var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
            BenchmarkRunner.Run<MicroBench>(config, args[1..]);
            return 0;
        }
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}

static int RunMarshal(string[] args)
{
    string? dir = null;
    int repeat = 7, warmup = 2;
    bool keep = false;
    for (int i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--repeat" when i + 1 < args.Length && int.TryParse(args[i + 1], out repeat) && repeat > 0:
            case "--warmup" when i + 1 < args.Length && int.TryParse(args[i + 1], out warmup) && warmup >= 0:
                i++;
                break;
            case "--keep":
                keep = true;
                break;
            case var a when !a.StartsWith('-') && dir is null:
                dir = a;
                break;
            default:
                Console.Error.WriteLine($"bad argument: {args[i]}\n{Usage}");
                return 2;
        }
    }
    return MarshalBench.Run(dir ?? Corpus.DefaultDir, repeat, warmup, keep);
}
