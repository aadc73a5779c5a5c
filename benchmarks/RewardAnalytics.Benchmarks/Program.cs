using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using RewardAnalytics.Benchmarks;
using RewardAnalytics.Local.Emulators;
using RewardAnalytics.Local.Workload;

// dotnet run -c Release --project benchmarks/RewardAnalytics.Benchmarks -- [--quick] [BenchmarkDotNet arguments]
//   the parse + fold benchmarks (--quick: BenchmarkDotNet's ShortRun job, under two minutes)
// dotnet run -c Release --project benchmarks/RewardAnalytics.Benchmarks -- --finalization [REWARDS] [SHARDS]
//   items read to finalize a day of REWARDS (default 100,000) over SHARDS (default 4) versus a full scan, on dynalite
// dotnet run -c Release --project benchmarks/RewardAnalytics.Benchmarks -- --write-event RECORDS FILE
//   writes the benchmarks' workload as one tumbling-window event of RECORDS records (benchmarks/fresh-process.sh)
// dotnet run -c Release --project benchmarks/RewardAnalytics.Benchmarks -- --cpu-time [ROUNDS] [OPERATIONS]
//   parse + fold and its floor timed by the thread's CPU time: median of ROUNDS (default 9) rounds of OPERATIONS
//   (default 100) 10,000-record events, so a loaded, shared machine still gives comparable figures
if (args.FirstOrDefault() == "--write-event" && args.Length == 3)
{
    await File.WriteAllBytesAsync(args[2], BenchmarkWorkload.Event(int.Parse(args[1], CultureInfo.InvariantCulture)));
    return 0;
}

if (args.FirstOrDefault() == "--cpu-time")
{
    ThreadCpuTime.Run(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 9,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100);
    return 0;
}

if (args.FirstOrDefault() == "--finalization")
{
    var rewards = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
    var shards = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;
    await using var world = await LocalAwsWorld.StartAsync();
    var started = System.Diagnostics.Stopwatch.StartNew();
    var result = await FinalizationCost.MeasureAsync(world, rewards, shards, CancellationToken.None);
    Console.WriteLine($"[figures] {result.Figures}");
    Console.WriteLine($"finalized {result.Finalized}; scanned {result.Scanned}; {(result.Finalized == result.Scanned ? "equal" : "DIFFERENT")} ({started.Elapsed.TotalSeconds:0} s)");
    return result.Finalized == result.Scanned ? 0 : 1;
}

var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
var config = DefaultConfig.Instance;
if (quick)
{
    config = config.AddJob(Job.ShortRun.WithId("quick"));
}

BenchmarkSwitcher.FromAssembly(typeof(ParseFoldBenchmarks).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);
return 0;
