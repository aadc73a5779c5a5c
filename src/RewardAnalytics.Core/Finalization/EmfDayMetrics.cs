using RewardAnalytics.Core.Metrics;

namespace RewardAnalytics.Core.Finalization;

/// <summary>
/// The finalizer's metrics as one EMF line per day: <c>TotalIssuedRewards</c>, <c>TotalRedeemedRewards</c>,
/// <c>NetRewards</c> (unit None), <c>IssuedCount</c>, <c>RedeemedCount</c> (unit Count), timestamped at noon of the
/// day, so that the Sum over the day's 1-day period equals the day's final totals.
/// </summary>
public sealed class EmfDayMetrics : IDayMetrics
{
    public const string TotalIssuedRewards = "TotalIssuedRewards";
    public const string TotalRedeemedRewards = "TotalRedeemedRewards";
    public const string NetRewards = "NetRewards";
    public const string IssuedCount = "IssuedCount";
    public const string RedeemedCount = "RedeemedCount";

    private readonly TextWriter _log;
    private readonly EmfWriter _writer;

    public EmfDayMetrics(TextWriter log, string? environment)
    {
        _log = log;
        _writer = new EmfWriter(log, environment);
    }

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
