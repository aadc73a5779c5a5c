using System.CommandLine;
using RewardAnalytics.Local.Streaming;
using RewardAnalytics.Local.Workload;

namespace RewardAnalytics.Cli.Commands;

/// <summary>The workload options <c>demo</c> and <c>generate</c> share, read and checked into <see cref="WorkloadOptions"/>.</summary>
internal sealed class WorkloadCommandOptions
{
    /// <summary><c>--rewards</c>: how many reward writes the workload makes.</summary>
    public Option<int> Rewards { get; } = new("--rewards") { Description = FormattableString.Invariant($"Reward writes in all (issues, redemptions, corrections, deletions, expiries, late and malformed writes), 10 to {WorkloadOptions.MaxRewards}: the workload is held in memory, about 6 KB a reward."), DefaultValueFactory = _ => WorkloadOptions.DefaultRewards, HelpName = "N" };
    /// <summary><c>--days</c>: how many days of traffic.</summary>
    public Option<int> Days { get; } = new("--days") { Description = "Days of traffic, from 2025-03-03 in the report time zone.", DefaultValueFactory = _ => WorkloadOptions.DefaultDays, HelpName = "D" };
    /// <summary><c>--shards</c>: how many stream shards the keys spread over.</summary>
    public Option<int> ShardCount { get; } = new("--shards") { Description = "Stream shards the keys are spread over (each rolls over to a child shard as it fills).", DefaultValueFactory = _ => LocalStreamOptions.DefaultShardCount, HelpName = "N" };
    /// <summary>The options of a command that injects faults (<c>demo</c>: the seed picks them too) or not (<c>generate</c>).</summary>
    public WorkloadCommandOptions(bool injectsFaults = true) =>
        Seed = new("--seed")
        {
            Description = injectsFaults ? "Same seed, same workload (and the same faults)." : "Same seed, same workload (no faults are injected).",
            DefaultValueFactory = _ => WorkloadOptions.DefaultSeed,
            HelpName = "N",
        };

    /// <summary><c>--seed</c>: the generator's seed (same seed, same workload).</summary>
    public Option<long> Seed { get; }
    /// <summary><c>--time-zone</c>: the report time zone.</summary>
    public Option<string> TimeZone { get; } = new("--time-zone") { Description = "The report time zone (IANA id) whose calendar days the totals use.", DefaultValueFactory = _ => "UTC", HelpName = "ZONE" };

    /// <summary>Adds the five options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(Rewards);
        command.Add(Days);
        command.Add(ShardCount);
        command.Add(Seed);
        command.Add(TimeZone);
    }

    /// <summary>The workload the options describe, range-checked.</summary>
    /// <exception cref="UsageException">A value is out of range or not a time zone.</exception>
    public WorkloadOptions Read(ParseResult parse) => new()
    {
        Rewards = RewardsInRange(parse.GetValue(Rewards)),
        Days = CliInput.InRange(parse.GetValue(Days), "--days", 1, 366, "a number of days"),
        Seed = parse.GetValue(Seed),
        TimeZone = CliInput.TimeZone(parse.GetValue(TimeZone), "--time-zone"),
    };

    private static int RewardsInRange(int rewards) =>
        rewards is >= 10 and <= WorkloadOptions.MaxRewards
            ? rewards
            : throw new UsageException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"--rewards is {rewards}: expected a number of reward writes from 10 to {WorkloadOptions.MaxRewards}") +
                (rewards > WorkloadOptions.MaxRewards
                    ? " (demo and generate hold the whole workload in memory, about 6 KB a reward: some 3 GB at the bound)"
                    : string.Empty));

    /// <summary>The <c>--shards</c> value, range-checked (1 to 64).</summary>
    public int Shards(ParseResult parse) => CliInput.InRange(parse.GetValue(ShardCount), "--shards", 1, 64, "a number of shards");
}
