using RewardAnalytics.Core.Metrics;

namespace RewardAnalytics.Core.Finalization;

/// <summary>
/// The finalizer's metrics as one EMF line per day: <c>TotalIssuedRewards</c>, <c>TotalRedeemedRewards</c>,
/// <c>NetRewards</c> (unit None), <c>IssuedCount</c>, <c>RedeemedCount</c> (unit Count), timestamped at noon of the
/// day, so that the Sum over the day's 1-day period equals the day's final totals.
/// </summary>
public sealed class EmfDayMetrics : IDayMetrics
{
    /// <summary>Metric name of the day's issued amount.</summary>
    public const string TotalIssuedRewards = "TotalIssuedRewards";
    /// <summary>Metric name of the day's redeemed amount.</summary>
    public const string TotalRedeemedRewards = "TotalRedeemedRewards";
    /// <summary>Metric name of the day's issued minus redeemed amount.</summary>
    public const string NetRewards = "NetRewards";
    /// <summary>Metric name of the day's number of issued rewards.</summary>
    public const string IssuedCount = "IssuedCount";
    /// <summary>Metric name of the day's number of redeemed rewards.</summary>
    public const string RedeemedCount = "RedeemedCount";

    private readonly TextWriter _log;
    private readonly EmfWriter _writer;

    /// <summary>
    /// Metrics written as EMF to <paramref name="log"/> in <paramref name="metricsNamespace"/> (a non-empty
    /// <paramref name="environment"/> adds the <c>Environment</c> dimension); <paramref name="reachesCloudWatch"/>
    /// says whether that log is a Lambda log stream CloudWatch extracts metrics from (false for a run from a person's machine).
    /// </summary>
    public EmfDayMetrics(TextWriter log, string? environment, string metricsNamespace, bool reachesCloudWatch)
    {
        _log = log;
        _writer = new EmfWriter(log, environment, metricsNamespace);
        Namespace = metricsNamespace;
        ReachesCloudWatch = reachesCloudWatch;
    }

    /// <summary><inheritdoc/></summary>
    public string Namespace { get; }

    /// <summary><inheritdoc/></summary>
    public bool ReachesCloudWatch { get; }

    /// <summary><inheritdoc/></summary>
    public void Publish(DayMetricValues values)
    {
        var v = values.Values;
        _writer.Write(values.Timestamp,
        [
            new EmfMetric(TotalIssuedRewards, v.TotalIssued, MetricUnit.None),
            new EmfMetric(TotalRedeemedRewards, v.TotalRedeemed, MetricUnit.None),
            new EmfMetric(NetRewards, v.NetRewards, MetricUnit.None),
            new EmfMetric(IssuedCount, v.IssuedCount, MetricUnit.Count),
            new EmfMetric(RedeemedCount, v.RedeemedCount, MetricUnit.Count),
        ],
        [
            new("function", "daily-finalizer"),
            new("date", IsoDate.Format(values.Date)),
            new("revision", values.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("kind", values.Kind switch
            {
                MetricsKind.Totals => "totals",
                MetricsKind.Difference => "difference",
                _ => "compensation",
            }),
        ]);

        // The line must be out of the process before the FINAL item is written (see DailyFinalization).
        _log.Flush();
    }
}
