using NodaTime;
using RewardAnalytics.Core.StreamEvents;

namespace RewardAnalytics.Core.Settings;

/// <summary>The stream aggregator's settings, read from its environment once per container and validated.</summary>
public sealed record AggregatorSettings
{
    /// <summary>Variable naming the DynamoDB aggregates table (required).</summary>
    public const string AggregatesTableVariable = "AGGREGATES_TABLE";
    /// <summary>Variable holding the report time zone's IANA id.</summary>
    public const string ReportTimeZoneVariable = "REPORT_TIME_ZONE";
    /// <summary>Variable overriding the reward type attribute name.</summary>
    public const string TypeAttributeVariable = "REWARD_TYPE_ATTRIBUTE";
    /// <summary>Variable overriding the reward amount attribute name.</summary>
    public const string AmountAttributeVariable = "REWARD_AMOUNT_ATTRIBUTE";
    /// <summary>Variable overriding the reward creation time attribute name.</summary>
    public const string CreatedAtAttributeVariable = "REWARD_CREATED_AT_ATTRIBUTE";
    /// <summary>Variable whose value, when set, becomes the metrics' <c>Environment</c> dimension.</summary>
    public const string MetricsEnvironmentVariable = "METRICS_ENVIRONMENT";
    /// <summary>The report time zone when none is configured.</summary>
    public const string DefaultTimeZone = "UTC";

    /// <summary>Name of the DynamoDB aggregates table the running totals live in.</summary>
    public required string AggregatesTable { get; init; }

    /// <summary>The zone whose calendar days the totals are kept in (IANA id, default UTC).</summary>
    public DateTimeZone ReportTimeZone { get; init; } = DateTimeZone.Utc;

    /// <summary>The attribute names reward items use.</summary>
    public RewardImageSchema Schema { get; init; } = RewardImageSchema.Default;

    /// <summary>When set, metrics carry one <c>Environment</c> dimension with this value.</summary>
    public string? MetricsEnvironment { get; init; }

    /// <summary>Reads and validates the settings.</summary>
    /// <exception cref="SettingsException">Any variable is missing or malformed; the message lists them all.</exception>
    public static AggregatorSettings FromEnvironment(EnvironmentReader env)
    {
        var settings = new AggregatorSettings
        {
            AggregatesTable = env.Required(AggregatesTableVariable, "the name of the DynamoDB aggregates table"),
            ReportTimeZone = env.TimeZone(ReportTimeZoneVariable, DefaultTimeZone),
            Schema = ReadSchema(env),
            MetricsEnvironment = env.Raw(MetricsEnvironmentVariable),
        };
        env.ThrowIfInvalid();
        return settings;
    }

    /// <summary>
    /// The three attribute names of a reward item; two settings naming the same attribute are a problem (every record
    /// would be skipped), reported with the others.
    /// </summary>
    private static RewardImageSchema ReadSchema(EnvironmentReader env)
    {
        (string Variable, string Name)[] names =
        [
            (TypeAttributeVariable, env.Name(TypeAttributeVariable, RewardImageSchema.DefaultTypeAttribute)),
            (AmountAttributeVariable, env.Name(AmountAttributeVariable, RewardImageSchema.DefaultAmountAttribute)),
            (CreatedAtAttributeVariable, env.Name(CreatedAtAttributeVariable, RewardImageSchema.DefaultCreatedAtAttribute)),
        ];
        for (var i = 1; i < names.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(names[i].Name, names[j].Name, StringComparison.Ordinal))
                {
                    env.Problem(
                        $"{names[i].Variable} is '{names[i].Name}', the same attribute as {names[j].Variable}: " +
                        "expected different attribute names for a reward's type, amount and createdAt");
                }
            }
        }

        return new RewardImageSchema(names[0].Name, names[1].Name, names[2].Name);
    }
}
