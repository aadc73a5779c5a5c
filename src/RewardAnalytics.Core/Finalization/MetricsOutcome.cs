namespace RewardAnalytics.Core.Finalization;

/// <summary>What happened to a finalized day's metrics.</summary>
public enum MetricsOutcome
{
    /// <summary>Nothing to publish (the day was unchanged).</summary>
    None,

    /// <summary>One EMF line was written.</summary>
    Published,

    /// <summary>The day is older than CloudWatch accepts: S3 and FINAL were updated, metrics were not (logged).</summary>
    TooOld,

    /// <summary>
    /// The run is outside Lambda, where EMF lines reach no CloudWatch: FINAL records the metrics as not published, and
    /// the deployed finalizer publishes them when it next checks the day.
    /// </summary>
    NotDelivered,
}
