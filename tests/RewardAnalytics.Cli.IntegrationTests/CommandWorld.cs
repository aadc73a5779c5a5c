using Amazon.DynamoDBv2;
using RewardAnalytics.Aws.Operations;
using RewardAnalytics.Local.Emulators;

namespace RewardAnalytics.Cli.IntegrationTests;

/// <summary>
/// The shared local world with a fresh rewards table, aggregates table and report prefix for one test class, and the
/// environment that points the CLI at them (RECHECK_DAYS 0 unless given, so a finalize touches only its day).
/// </summary>
internal sealed class CommandWorld : IDisposable
{
    public CommandWorld(LocalAwsWorld world, string reportPrefixStem = "cli", int recheckDays = 0)
    {
        World = world;
        Dynamo = world.CreateDynamoDb();
        var rewards = $"rewards-{Guid.NewGuid():N}";
        var aggregates = $"aggregates-{Guid.NewGuid():N}";
        LocalAwsWorld.CreateTableAsync(Dynamo, rewards, [("rewardId", KeyType.HASH)], default).GetAwaiter().GetResult();
        LocalAwsWorld.CreateAggregatesTableAsync(Dynamo, aggregates, default).GetAwaiter().GetResult();
        Environment = new Dictionary<string, string>(world.Environment)
        {
            ["REWARDS_TABLE"] = rewards,
            ["AGGREGATES_TABLE"] = aggregates,
            ["REPORT_PREFIX"] = $"{reportPrefixStem}-{Guid.NewGuid():N}/",
            ["RECHECK_DAYS"] = recheckDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public LocalAwsWorld World { get; }

    public IAmazonDynamoDB Dynamo { get; }

    public Dictionary<string, string> Environment { get; }

    /// <summary>One in-process run of the CLI with this environment.</summary>
    public Task<CliRun> RunAsync(params string[] args) => CliRun.RunAsync(name => Environment.TryGetValue(name, out var v) ? v : null, args);

    /// <summary>One in-process run with <paramref name="steps"/> between the repair workflows' steps.</summary>
    public Task<CliRun> RunAsync(IRepairSteps steps, params string[] args) =>
        CliRun.RunAsync(name => Environment.TryGetValue(name, out var v) ? v : null, steps, args);

    public void Dispose() => Dynamo.Dispose();
}
