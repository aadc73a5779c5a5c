using RewardAnalytics.Core.Settings;
using RewardAnalytics.Provisioning.Settings;

namespace RewardAnalytics.Provisioning;

/// <summary>The environment variables each function reads its settings from, filled from the stack settings.</summary>
public static class FunctionEnvironment
{
    /// <summary>
    /// The finalizer's variable naming the CloudWatch namespace of its daily metrics (default <c>LoyaltyPlatform/Rewards</c>).
    /// The finalizer's settings read it (<c>FinalizerSettings</c>); named here so the stack sets it whatever branch of the
    /// settings it is built with.
    /// </summary>
    public const string MetricsNamespaceVariable = "METRICS_NAMESPACE";

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

    /// <summary>The finalizer's variables, its metrics namespace among them; the bucket name is known only once the bucket exists.</summary>
    public static IReadOnlyDictionary<string, string> DailyFinalizer(StackSettings settings, string analyticsBucket) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [FinalizerSettings.AggregatesTableVariable] = settings.AggregatesTableName,
        [FinalizerSettings.AnalyticsBucketVariable] = analyticsBucket,
        [FinalizerSettings.ReportTimeZoneVariable] = settings.ReportTimeZone,
        [FinalizerSettings.ReportPrefixVariable] = settings.ReportPrefix,
        [FinalizerSettings.RecheckDaysVariable] = settings.RecheckDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [FinalizerSettings.MetricsEnvironmentVariable] = settings.MetricsEnvironment,
        [MetricsNamespaceVariable] = settings.MetricsNamespace,
    };

    /// <summary>The totals API's variables: the aggregates table it reads, and the zone whose day <c>/today</c> is.</summary>
    public static IReadOnlyDictionary<string, string> TotalsApi(StackSettings settings) => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        [AggregatorSettings.AggregatesTableVariable] = settings.AggregatesTableName,
        [AggregatorSettings.ReportTimeZoneVariable] = settings.ReportTimeZone,
    };
}
