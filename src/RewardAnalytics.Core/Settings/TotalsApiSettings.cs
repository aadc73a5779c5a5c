using NodaTime;

namespace RewardAnalytics.Core.Settings;

/// <summary>The totals API's settings, read from its environment once per container and validated.</summary>
public sealed record TotalsApiSettings
{
    /// <summary>Name of the DynamoDB aggregates table the running totals and FINAL items are read from.</summary>
    public required string AggregatesTable { get; init; }

    /// <summary>The zone whose calendar day <c>/today</c> is (IANA id, default UTC): the aggregator's and finalizer's zone.</summary>
    public DateTimeZone ReportTimeZone { get; init; } = DateTimeZone.Utc;

    /// <summary>Reads and validates the settings (<c>AGGREGATES_TABLE</c>, <c>REPORT_TIME_ZONE</c>).</summary>
    /// <exception cref="SettingsException">Any variable is missing or malformed; the message lists them all.</exception>
    public static TotalsApiSettings FromEnvironment(EnvironmentReader env)
    {
        var settings = new TotalsApiSettings
        {
            AggregatesTable = env.Required(AggregatorSettings.AggregatesTableVariable, "the name of the DynamoDB aggregates table"),
            ReportTimeZone = env.TimeZone(AggregatorSettings.ReportTimeZoneVariable, AggregatorSettings.DefaultTimeZone),
        };
        env.ThrowIfInvalid();
        return settings;
    }
}
