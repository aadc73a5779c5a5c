using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using RewardAnalytics.Local.Emulators;

namespace RewardAnalytics.Cli.Tests;

/// <summary>A fresh rewards table, aggregates table and report prefix in the local world, and the environment naming them.</summary>
internal static class WorldTables
{
    public static Dictionary<string, string> Create(LocalAwsWorld world, IAmazonDynamoDB dynamo, int recheckDays)
    {
        var rewards = $"rewards-{Guid.NewGuid():N}";
        var aggregates = $"aggregates-{Guid.NewGuid():N}";
        LocalAwsWorld.CreateTableAsync(dynamo, rewards, [("rewardId", KeyType.HASH)], default).GetAwaiter().GetResult();
        LocalAwsWorld.CreateAggregatesTableAsync(dynamo, aggregates, default).GetAwaiter().GetResult();
        return new Dictionary<string, string>(world.Environment)
        {
            ["REWARDS_TABLE"] = rewards,
            ["AGGREGATES_TABLE"] = aggregates,
            ["REPORT_PREFIX"] = $"cli-{Guid.NewGuid():N}/",
            ["RECHECK_DAYS"] = recheckDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
