using NodaTime;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Settings;

/// <summary>The stream aggregator's settings, read from its environment once per container and validated.</summary>
public sealed record AggregatorSettings
{
    public const string AggregatesTableVariable = "AGGREGATES_TABLE";
    public const string ReportTimeZoneVariable = "REPORT_TIME_ZONE";
    public const string TypeAttributeVariable = "REWARD_TYPE_ATTRIBUTE";
    public const string AmountAttributeVariable = "REWARD_AMOUNT_ATTRIBUTE";
    public const string CreatedAtAttributeVariable = "REWARD_CREATED_AT_ATTRIBUTE";
    public const string MetricsEnvironmentVariable = "METRICS_ENVIRONMENT";
    public const string DefaultTimeZone = "UTC";

    public required string AggregatesTable { get; init; }

    /// <summary>The zone whose calendar days the totals are kept in (IANA id, default UTC).</summary>
    public DateTimeZone ReportTimeZone { get; init; } = DateTimeZone.Utc;

    public RewardImageSchema Schema { get; init; } = RewardImageSchema.Default;

    /// <summary>When set, metrics carry one <c>Environment</c> dimension with this value.</summary>
    public string? MetricsEnvironment { get; init; }

    public static AggregatorSettings FromEnvironment(EnvironmentReader env)
    {
        var settings = new AggregatorSettings
        {
            AggregatesTable = env.Required(AggregatesTableVariable, "the name of the DynamoDB aggregates table"),
            ReportTimeZone = env.TimeZone(ReportTimeZoneVariable, DefaultTimeZone),
            Schema = new RewardImageSchema(
                env.Name(TypeAttributeVariable, RewardImageSchema.DefaultTypeAttribute),
                env.Name(AmountAttributeVariable, RewardImageSchema.DefaultAmountAttribute),
                env.Name(CreatedAtAttributeVariable, RewardImageSchema.DefaultCreatedAtAttribute)),
            MetricsEnvironment = env.Raw(MetricsEnvironmentVariable),
        };
        env.ThrowIfInvalid();
        return settings;
    }
}
