using NodaTime;

namespace RewardAnalytics.Core.Stream;

/// <summary>What one stream record changes on one day (a MODIFY that moves a reward's day yields two).</summary>
public readonly record struct DeltaEntry(SequenceNumber Sequence, LocalDate Day, DailyTotals Delta);
