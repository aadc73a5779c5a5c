using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using RewardAnalytics.Benchmarks;

// dotnet run -c Release --project benchmarks/RewardAnalytics.Benchmarks -- [--quick] [BenchmarkDotNet arguments]
var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
var config = DefaultConfig.Instance;
if (quick)
{
    config = config.AddJob(Job.ShortRun.WithId("quick"));
}

BenchmarkSwitcher.FromAssembly(typeof(ParseFoldBenchmarks).Assembly).Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);
