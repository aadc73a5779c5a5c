using NodaTime;

namespace RewardAnalytics.Core.Reconciliation;

/// <summary>
/// A day a repair would not write: the stream changed its ledger while the correction was being worked out or written,
/// so no correction could be proven right. Nothing was written for it (a correction already written was put back).
/// </summary>
public sealed record RefusedDay(LocalDate Date, string Reason);
