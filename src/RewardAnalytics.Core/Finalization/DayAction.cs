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
}
