namespace RewardAnalytics.Local.Workload;

/// <summary>What a workload write is, in the loyalty platform's terms.</summary>
public enum WorkloadKind
{
    /// <summary>A reward is issued (INSERT of type ISSUED).</summary>
    Issue,
    /// <summary>A reward is redeemed (INSERT of type REDEEMED).</summary>
    Redeem,
    /// <summary>An existing reward's amount is corrected (MODIFY).</summary>
    AmountCorrection,
    /// <summary>An existing reward's type is corrected (MODIFY, ISSUED ↔ REDEEMED).</summary>
    TypeCorrection,
    /// <summary>An existing reward's <c>createdAt</c> moves it to another day (MODIFY across days).</summary>
    DayMove,
    /// <summary>A user deletes a reward (REMOVE: subtracts it).</summary>
    Deletion,
    /// <summary>The TTL process removes an old reward (REMOVE that changes no total).</summary>
    TtlExpiry,
    /// <summary>A new reward created on an earlier day than it is written (a backfill, or a late write for a day already finalized).</summary>
    LateWrite,
    /// <summary>A reward item the aggregator cannot read (skipped and logged).</summary>
    Malformed,
    /// <summary>A malformed item overwritten with a readable one.</summary>
    Repair,
}
