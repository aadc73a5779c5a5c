namespace RewardAnalytics.Core.Finalization;

/// <summary>What finalizing a day did.</summary>
public enum DayAction
{
    /// <summary>No FINAL item yet: report, metrics and FINAL revision 1 written.</summary>
    Created,

    /// <summary>Running totals differ from FINAL: report rewritten, the difference published, FINAL revision n+1.</summary>
    Revised,

    /// <summary>Running totals equal FINAL: nothing written, nothing published.</summary>
    Unchanged,

    /// <summary>
    /// Running totals equal FINAL, but the metrics namespace did not hold them (finalized outside Lambda, or published to
    /// another namespace): the day's metrics published now, FINAL recorded at the same revision; the report is untouched.
    /// </summary>
    MetricsPublished,

    /// <summary>The day has no item at all and lies before the first day with data: no report, no metrics, no FINAL.</summary>
    NoData,
}
