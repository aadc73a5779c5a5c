namespace RewardAnalytics.Local.Workload;

/// <summary>What a workload write is, in the loyalty platform's terms.</summary>
public enum WorkloadKind
{
    Issue,
    Redeem,
    AmountCorrection,
    TypeCorrection,
    DayMove,
    Deletion,
    TtlExpiry,
    LateWrite,
    Malformed,
    Repair,
}
