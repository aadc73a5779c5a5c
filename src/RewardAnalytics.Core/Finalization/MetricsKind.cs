namespace RewardAnalytics.Core.Finalization;

/// <summary>Why a metrics line was published; written into the line for log queries.</summary>
public enum MetricsKind
{
    /// <summary>The day's totals, published with revision 1.</summary>
    Totals,

    /// <summary>The difference from the last published revision.</summary>
    Difference,

    /// <summary>Cancels a line whose revision another finalizer committed first.</summary>
    Compensation,
}
