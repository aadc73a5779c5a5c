using System.CommandLine;
using RewardAnalytics.Local.Streaming;
using RewardAnalytics.Local.Workload;

namespace RewardAnalytics.Cli.Commands;

/// <summary>The workload options <c>demo</c> and <c>generate</c> share, read and checked into <see cref="WorkloadOptions"/>.</summary>
public sealed class WorkloadCommandOptions
{
    public Option<int> Rewards { get; } = new("--rewards") { Description = "Reward writes in all (issues, redemptions, corrections, deletions, expiries, late and malformed writes).", DefaultValueFactory = _ => WorkloadOptions.DefaultRewards, HelpName = "N" };
    public Option<int> Days { get; } = new("--days") { Description = "Days of traffic, from 2025-03-03 in the report time zone.", DefaultValueFactory = _ => WorkloadOptions.DefaultDays, HelpName = "D" };
    public Option<int> ShardCount { get; } = new("--shards") { Description = "Stream shards the keys are spread over (each rolls over to a child shard as it fills).", DefaultValueFactory = _ => LocalStreamOptions.DefaultShardCount, HelpName = "N" };
    public Option<long> Seed { get; } = new("--seed") { Description = "Same seed, same workload (and the same faults).", DefaultValueFactory = _ => WorkloadOptions.DefaultSeed, HelpName = "N" };
    public Option<string> TimeZone { get; } = new("--time-zone") { Description = "The report time zone (IANA id) whose calendar days the totals use.", DefaultValueFactory = _ => "UTC", HelpName = "ZONE" };

    public void AddTo(Command command)
    {
        command.Add(Rewards);
        command.Add(Days);
        command.Add(ShardCount);
        command.Add(Seed);
        command.Add(TimeZone);
    }

    public WorkloadOptions Read(ParseResult parse) => new()
    {
        Rewards = CliInput.InRange(parse.GetValue(Rewards), "--rewards", 10, 10_000_000, "a number of reward writes"),
        Days = CliInput.InRange(parse.GetValue(Days), "--days", 1, 366, "a number of days"),
        Seed = parse.GetValue(Seed),
        TimeZone = CliInput.TimeZone(parse.GetValue(TimeZone), "--time-zone"),
    };

    public int Shards(ParseResult parse) => CliInput.InRange(parse.GetValue(ShardCount), "--shards", 1, 64, "a number of shards");
}
