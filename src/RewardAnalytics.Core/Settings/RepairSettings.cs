namespace RewardAnalytics.Core.Settings;

/// <summary>
/// The settings of the repair workflows that scan the rewards table (<c>reconcile</c>, <c>backfill</c>): the table they
/// scan, and the aggregator's settings (aggregates table, report time zone, reward attribute names), which decide how a
/// scanned reward counts exactly as the stream counts it.
/// </summary>
public sealed record RepairSettings
{
    /// <summary>Variable naming the rewards table the scan reads (the platform's table, the stream's source).</summary>
    public const string RewardsTableVariable = "REWARDS_TABLE";

    /// <summary>Name of the rewards table (the ground truth a scan reads).</summary>
    public required string RewardsTable { get; init; }

    /// <summary>The aggregator's settings: where the running totals live and how a reward is counted.</summary>
    public required AggregatorSettings Aggregator { get; init; }

    /// <summary>Reads and validates the settings.</summary>
    /// <exception cref="SettingsException">Any variable is missing or malformed; the message lists them all.</exception>
    public static RepairSettings FromEnvironment(EnvironmentReader env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var rewardsTable = env.Required(RewardsTableVariable, "the name of the rewards table (the table the stream comes from)");
        // The aggregator's reader throws with every problem seen, the rewards table's included.
        var aggregator = AggregatorSettings.FromEnvironment(env);
        return new RepairSettings { RewardsTable = rewardsTable, Aggregator = aggregator };
    }
}
