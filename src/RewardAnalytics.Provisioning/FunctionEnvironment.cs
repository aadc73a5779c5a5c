using RewardAnalytics.Core.Settings;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning;

/// <summary>The environment variables each function reads its settings from, filled from the stack settings.</summary>
public static class FunctionEnvironment
{
    /// <summary>The aggregator's variables: aggregates table, report time zone, reward attribute names, metrics environment.</summary>
    public static IReadOnlyDictionary<string, string> StreamAggregator(StackSettings settings) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [AggregatorSettings.AggregatesTableVariable] = settings.AggregatesTableName,
        [AggregatorSettings.ReportTimeZoneVariable] = settings.ReportTimeZone,
        [AggregatorSettings.TypeAttributeVariable] = settings.Schema.TypeAttribute,
        [AggregatorSettings.AmountAttributeVariable] = settings.Schema.AmountAttribute,
        [AggregatorSettings.CreatedAtAttributeVariable] = settings.Schema.CreatedAtAttribute,
        [AggregatorSettings.MetricsEnvironmentVariable] = settings.MetricsEnvironment,
    };

    /// <summary>The finalizer's variables; the bucket name is known only once the bucket exists.</summary>
    public static IReadOnlyDictionary<string, string> DailyFinalizer(StackSettings settings, string analyticsBucket) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [FinalizerSettings.AggregatesTableVariable] = settings.AggregatesTableName,
        [FinalizerSettings.AnalyticsBucketVariable] = analyticsBucket,
        [FinalizerSettings.ReportTimeZoneVariable] = settings.ReportTimeZone,
        [FinalizerSettings.ReportPrefixVariable] = settings.ReportPrefix,
        [FinalizerSettings.RecheckDaysVariable] = settings.RecheckDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [FinalizerSettings.MetricsEnvironmentVariable] = settings.MetricsEnvironment,
    };

    /// <summary>The totals API's variables: the aggregates table it reads, and the zone whose day <c>/today</c> is.</summary>
    public static IReadOnlyDictionary<string, string> TotalsApi(StackSettings settings) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [AggregatorSettings.AggregatesTableVariable] = settings.AggregatesTableName,
        [AggregatorSettings.ReportTimeZoneVariable] = settings.ReportTimeZone,
    };
}
